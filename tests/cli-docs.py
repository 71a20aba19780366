#!/usr/bin/env python3
# cli-docs.py: hoplock-cli(1) and the bash completion say what the CLI does
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: cli-docs.py MANPAGE COMPLETION   (with HL_CLI naming hoplock-cli)
#
# Every command and every long option of each command's --help is in the man
# page, which groff reads without a warning, and in the completion script's
# lists; the completion, run the way bash runs it, offers commands, options and
# formats.

import os
import re
import shutil
import subprocess
import sys

CLI = os.environ.get("HL_CLI")
manpage, completion = sys.argv[1], sys.argv[2]
BASH_COMPLETION = "/usr/share/bash-completion/bash_completion"
failures = 0
count = 0


def check(ok, what):
    global failures, count
    count += 1
    print(("ok" if ok else "not ok") + f" {count} - {what}")
    if not ok:
        failures += 1


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True,
                          env=dict(os.environ, LC_ALL="C.UTF-8"), check=True).stdout


def complete(line):
    """What bash offers after LINE (the word under the cursor is its last)."""
    words = line.split(" ")
    script = (f"source {BASH_COMPLETION}; source {completion}; "
              f"COMP_WORDS=({' '.join(repr(w) for w in words)}); COMP_CWORD={len(words) - 1}; "
              f"COMP_LINE={line!r}; COMP_POINT={len(line)}; _hoplock_cli; printf '%s\\n' \"${{COMPREPLY[@]}}\"")
    r = subprocess.run(["bash", "-c", script], capture_output=True, text=True)
    return sorted(w for w in r.stdout.split("\n") if w)


def bash_list(function, command):
    r = subprocess.run(["bash", "-c", f"source {completion} 2>/dev/null; {function} {command}"],
                       capture_output=True, text=True)
    return sorted(r.stdout.split())


top = run("--help")
commands = re.findall(r"^  (\w+)\s{2,}", top.split("Commands:")[1].split("Options:")[0], re.M)
check(len(commands) >= 4, f"hoplock-cli --help names its commands: {' '.join(commands)}")

# The man page
r = subprocess.run(["groff", "-man", "-ww", "-z", manpage], capture_output=True, text=True)
check(r.returncode == 0 and r.stderr == "", f"groff reads the man page without a warning {r.stderr.strip()}")
rendered = subprocess.run(["groff", "-man", "-Tutf8", "-P", "-cbou", manpage], capture_output=True,
                          text=True).stdout
rendered = re.sub(r"\s*\u2010\n\s*", "", rendered)   # words hyphenated across lines

have_bash_completion = os.path.exists(BASH_COMPLETION) and shutil.which("bash")
for command in commands:
    help_text = run(command, "--help")
    options = sorted(set(re.findall(r"^\s+(?:-\w, )?(--[\w-]+)", help_text, re.M)))
    check(f"hoplock-cli {command}" in rendered, f"the man page has a section on {command}")
    missing = [o for o in options if o != "--help" and o not in rendered]
    check(not missing, f"the man page names every option of {command} {missing or ''}")
    listed = bash_list("_hoplock_cli_options", command)
    check(listed == options, f"the completion offers the options of {command} --help: {listed} == {options}")
    m = re.search(r"--format=FORMAT\s+Output format: (.*)", help_text)
    if m:
        formats = sorted(set(re.findall(r"\b(text|json|jsonl|csv|html|md|pdf)\b", m.group(1))))
        check(bash_list("_hoplock_cli_formats", command) == formats,
              f"the completion offers the formats of {command}: {formats}")

if have_bash_completion:
    check(complete("hoplock-cli re") == ["received", "report"], "completion: hoplock-cli re<Tab>")
    check(complete("hoplock-cli audit --gr") == ["--group-by"], "completion: audit --gr<Tab>")
    check(complete("hoplock-cli report --format p") == ["pdf"], "completion: report --format p<Tab>")
    check(complete("hoplock-cli audit --group-by ") == ["from", "relay"], "completion: --group-by <Tab>")
else:
    print("# bash-completion is not installed: the completion was not run")

print(f"1..{count}")
sys.exit(1 if failures else 0)
