#!/usr/bin/env python3
# gen-manpage.py: write hoplock-cli(1) from what the built hoplock-cli says
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: gen-manpage.py HOPLOCK_CLI VERSION OUTPUT
#
# The page is made from `hoplock-cli --help` and every command's `--help`, so it
# cannot drift from the program: each command's synopsis, options and
# description are its help text, set in troff. The sections a help text has no
# room for (exit status, environment, files, examples) are written here.

import re
import subprocess
import sys

cli, version, output = sys.argv[1:4]


def run(*args):
    env = {"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    return subprocess.run([cli, *args], capture_output=True, text=True, env=env, check=True).stdout


NAMED = {"\u201c": "\\(lq", "\u201d": "\\(rq", "\u2018": "\\(oq", "\u2019": "\\(cq",
         "\u2014": "\\(em", "\u2013": "\\(en", "\u2026": "\\&...", "\u2192": "\\(->"}


def esc(text):
    """Text as troff shows it: backslashes, leading dots and quotes, dashes, and
    every character beyond ASCII as a troff escape, so the page is plain ASCII."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = "".join(NAMED.get(c, c) if ord(c) < 128 or c in NAMED else "\\[u%04X]" % ord(c) for c in text)
    return re.sub(r"^([.'])", r"\\&\1", text, flags=re.M)


top = run("--help")
commands = re.findall(r"^  (\w+)\s{2,}(.+)$", top.split("Commands:")[1].split("Options:")[0], re.M)

out = []
out.append('.TH HOPLOCK\\-CLI 1 "" "Hoplock %s" "User Commands"' % esc(version))
out.append(".SH NAME")
out.append("hoplock\\-cli \\- did an email travel encrypted, hop by hop?")
out.append(".SH SYNOPSIS")
out.append(".B hoplock\\-cli")
out.append(".I COMMAND")
out.append("[\\fIOPTION\\fR...] [\\fIARGUMENT\\fR...]")
out.append(".SH DESCRIPTION")
out.append("Hoplock reads the Received fields of an email message and tells, for every hop "
           "from the sender to the recipient, whether the connection was encrypted with TLS, "
           "with which protocol version, cipher and certificate check, how strong that was, "
           "and what the header cannot prove. It also audits whole mailboxes: which senders "
           "reach you encrypted, per domain.")
out.append(".SH COMMANDS")
for name, summary in commands:
    help_text = run(name, "--help")
    usage = re.search(r"^Usage:\n\s+(.+)$", help_text, re.M).group(1)
    out.append(".SS %s" % esc(name))
    out.append(".B %s" % esc(usage.split(" — ")[0]))
    out.append(".br")
    out.append(esc(summary) + ".")
    options = re.findall(r"^  (-\S.*?)\s{2,}(\S.*)$", help_text.split("Application Options:")[1], re.M) \
        if "Application Options:" in help_text else []
    for opt, what in options:
        out.append(".TP")
        out.append(".B %s" % esc(opt))
        out.append(esc(what))
    # the paragraphs after the usage line and the option lists
    paragraphs = [p for p in help_text.strip().split("\n\n")
                  if not p.startswith(("Usage:", "Help Options:", "Application Options:"))]
    for para in paragraphs:
        if para.startswith("Exit status"):
            continue
        out.append(".PP")
        out.append(esc(" ".join(para.split())))
out.append(".SH EXIT STATUS")
out.append("0 on success; 1 on a usage error; 2 when an input could not be read or is not an "
           "email message, or a mailbox could not be read (the other inputs are still handled); "
           "130 when interrupted (Ctrl+C), after writing what was read so far.")
out.append(".SH ENVIRONMENT")
out.append(".TP\n.B NO_COLOR\nWhen set and not empty, no colour is written, even to a terminal.")
out.append(".SH EXAMPLES")
out.append(".TP\n.B hoplock\\-cli report \\-\\-explain message.eml\nEvery hop of a message, explained.")
out.append(".TP\n.B hoplock\\-cli audit \\-\\-format html \\-o audit.html ~/Maildir\n"
           "Which domains sent mail to a Maildir encrypted, as a page with charts.")
out.append(".TP\n.B ls \\-d ~/Mail/*/ | parallel hoplock\\-cli audit \\-q \\-f json \\-o {#}.json {}; "
           "hoplock\\-cli audit \\-\\-merge *.json\n"
           "A large archive audited in parts at once, then merged into one audit.")
out.append(".SH SEE ALSO")
out.append(".BR hoplock (1)")

with open(output, "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
