#!/usr/bin/env python3
# audit-cli.py: hoplock-cli audit over real mailboxes made from the test corpus
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The corpus's messages are laid out as an mbox (LF and CRLF, with >From
# quoting), a Maildir, an MH folder and a folder of .eml files; every layout must
# give the same result for every message, change nothing on disk, and add up:
# totals are the sums over domains and over the per-message lines, and the merge
# of two halves is the audit of the whole, byte for byte.

import csv
import glob
import io
import json
import os
import re
import signal
import subprocess
import sys
import time

from report_common import CLI, SOURCE, check, fail, finish, need, tempdir

FROM_LINE = b"From audit@example.org Mon Jan  1 00:00:00 2024\n"


def corpus_messages():
    paths = sorted(glob.glob(os.path.join(SOURCE, "tests", "corpus", "**", "*.eml"), recursive=True)
                   + glob.glob(os.path.join(SOURCE, "data", "samples", "*.eml")))
    messages = []
    for p in paths:
        with open(p, "rb") as f:
            data = f.read()
        if data.startswith(b"From "):
            data = data.split(b"\n", 1)[1] if b"\n" in data else b""
        messages.append(data)
    return messages


def mbox(messages, crlf=False):
    out = io.BytesIO()
    for m in messages:
        body = re.sub(rb"^(>*From )", rb">\1", m, flags=re.M)   # mboxrd quoting
        if not body.endswith(b"\n"):
            body += b"\n"
        out.write(FROM_LINE + body + b"\n")
    data = out.getvalue()
    if crlf:
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return data


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def run(*args, stdin=None, expect=0):
    r = subprocess.run([CLI, "audit", "--quiet", *args], input=stdin, capture_output=True, timeout=300)
    if r.returncode != expect:
        fail(f"audit {' '.join(args)} exited with {r.returncode}, not {expect}: "
             f"{r.stderr.decode(errors='replace')}")
    return r


def lines(*args, stdin=None):
    out = run("--format", "jsonl", *args, stdin=stdin).stdout.decode()
    rows = []
    for line in out.splitlines():
        o = json.loads(line)
        check(o["schema"] == "hoplock-audit-message/1", "each line is a hoplock-audit-message/1")
        o.pop("source")
        o.pop("location")
        rows.append(json.dumps(o, sort_keys=True))
    return sorted(rows)


def tree_state(path):
    """Names, sizes, contents and modification times of everything under path."""
    state = []
    for root, dirs, files in os.walk(path):
        for name in sorted(dirs + files):
            p = os.path.join(root, name)
            st = os.lstat(p)
            entry = (os.path.relpath(p, path), st.st_size, st.st_mtime_ns)
            if os.path.isfile(p):
                with open(p, "rb") as f:
                    entry += (hash(f.read()),)
            state.append(entry)
    return sorted(state)


def main():
    messages = corpus_messages()
    tmp_dir = tempdir()
    tmp = tmp_dir.name

    layouts = {}
    layouts["mbox"] = os.path.join(tmp, "inbox.mbox")
    write(layouts["mbox"], mbox(messages))
    layouts["mbox-crlf"] = os.path.join(tmp, "crlf.mbox")
    write(layouts["mbox-crlf"], mbox(messages, crlf=True))
    layouts["maildir"] = os.path.join(tmp, "Maildir")
    for d in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(layouts["maildir"], d), exist_ok=True)
    for i, m in enumerate(messages):
        # half read (S), one flagged, the rest new
        if i % 3 == 2:
            write(os.path.join(layouts["maildir"], "new", f"17000{i:05d}.M{i}P1.host"), m)
        else:
            write(os.path.join(layouts["maildir"], "cur", f"17000{i:05d}.M{i}P1.host:2,{'FS' if i % 3 else 'S'}"), m)
    layouts["mh"] = os.path.join(tmp, "mh")
    for i, m in enumerate(messages):
        write(os.path.join(layouts["mh"], str(i + 1)), m)
    write(os.path.join(layouts["mh"], ".mh_sequences"), b"unseen: 1-3\n")
    layouts["folder"] = os.path.join(tmp, "folder")
    for i, m in enumerate(messages):
        write(os.path.join(layouts["folder"], f"part{i % 4}", f"message-{i}.eml"), m)

    # 1. Every layout gives the same result for every message, and changes nothing
    want = None
    for name, path in layouts.items():
        before = tree_state(path) if os.path.isdir(path) else [os.stat(path).st_mtime_ns, os.stat(path).st_size]
        got = lines(path)
        after = tree_state(path) if os.path.isdir(path) else [os.stat(path).st_mtime_ns, os.stat(path).st_size]
        check(len(got) == len(messages), f"{name}: {len(got)} messages of {len(messages)}")
        check(before == after, f"{name}: nothing on disk changed")
        if want is None:
            want = got
        else:
            check(got == want, f"{name}: the same per-message results as the mbox")
    with open(layouts["mbox"], "rb") as f:
        check(lines("-", stdin=f.read()) == want, "an mbox on standard input: the same results")

    # 2. The summary adds up
    summary = json.loads(run("--format", "json", layouts["maildir"]).stdout)
    check(summary["schema"] == "hoplock-audit/1", "the summary is hoplock-audit/1")
    totals = summary["totals"]
    domains = summary["domains"]
    check(totals["messages"] == len(messages), "totals count every message")
    check(sum(d["messages"] for d in domains) == totals["messages"], "domains add up to the total")
    for state in ("encrypted", "unencrypted", "unknown", "local"):
        check(sum(d["incoming"][state] for d in domains) == totals["incoming"][state],
              f"incoming {state} adds up over the domains")
    check(sum(totals["incoming"].values()) == totals["messages"], "every message has one incoming state")
    check(sum(totals["verdicts"].values()) == totals["messages"], "every message has one verdict")
    per_line = [json.loads(r) for r in want]
    check(sum(1 for r in per_line if r["incoming"]["state"] == "encrypted") == totals["incoming"]["encrypted"],
          "the per-message lines give the same count of encrypted incoming hops")
    check(summary["sources"][0]["kind"] == "maildir" and summary["sources"][0]["messages"] == len(messages),
          "the source is named as a Maildir with its messages")

    # 3. The merge of two halves is the audit of the whole, byte for byte
    half = len(messages) // 2
    first, second = os.path.join(tmp, "first.mbox"), os.path.join(tmp, "second.mbox")
    write(first, mbox(messages[:half]))
    write(second, mbox(messages[half:]))
    for group in ("from", "relay"):
        whole = run("--format", "json", "--group-by", group, first, second).stdout
        a, b = os.path.join(tmp, f"a-{group}.json"), os.path.join(tmp, f"b-{group}.json")
        run("--format", "json", "--group-by", group, "-o", a, first)
        run("--format", "json", "--group-by", group, "-o", b, second)
        merged = run("--merge", "--format", "json", "--group-by", group, a, b).stdout
        check(merged == whole, f"--merge of two halves equals the whole, byte for byte (group by {group})")
    r = run("--merge", "--format", "json", os.path.join(tmp, "a-relay.json"), expect=2)
    check(b"grouped" in r.stderr, "merging a relay audit into a from audit is refused")

    # 4. CSV reads back with Python's csv, one row a domain
    rows = list(csv.DictReader(io.StringIO(run("--format", "csv", layouts["mbox"]).stdout.decode())))
    check(len(rows) == len(domains), "CSV: one row a domain")
    check(sum(int(r["messages"]) for r in rows) == len(messages), "CSV: the messages add up")

    # 5. Text and Markdown name the biggest domain and the totals
    text = run(layouts["mbox"]).stdout.decode()
    check(text.startswith("1 mailbox: %d messages" % len(messages)), "text: the headline counts the messages")
    check((domains[0]["domain"] or "(no domain)") in text, "text: the biggest domain is listed")
    md = run("--format", "md", layouts["mbox"]).stdout.decode()
    check(md.count("\n|") == len(domains) + 3, "Markdown: a table row a domain, a head and the total")

    # 6. Bad and odd sources: a clear error and exit 2, or an empty result
    r = run(os.path.join(tmp, "does-not-exist"), expect=2)
    check(r.stderr.count(b"\n") == 1 and b"does-not-exist" in r.stderr, "a missing source: one line naming it")
    notmbox = os.path.join(tmp, "not-an-mbox")
    write(notmbox, b"\x00" * 100)
    r = run(notmbox, expect=2)
    check(b"not an email message" in r.stderr and r.stderr.count(b"\n") == 1,
          "a file of zeros: one line saying it is not a message")
    empty = os.path.join(tmp, "empty-folder")
    os.makedirs(empty)
    summary = json.loads(run("--format", "json", empty).stdout)
    check(summary["totals"]["messages"] == 0 and summary["sources"][0]["messages"] == 0, "an empty folder: 0 messages")
    truncated = os.path.join(tmp, "truncated.mbox")
    data = mbox(messages[:3])
    write(truncated, data[: data.index(b"Received", len(data) // 2) + 20])
    summary = json.loads(run("--format", "json", truncated).stdout)
    check(summary["totals"]["messages"] + summary["totals"]["unreadable"] == 3 or
          summary["totals"]["messages"] + summary["totals"]["unreadable"] == 2,
          "a truncated mbox: the messages before the cut are read")
    loop = os.path.join(tmp, "loop")
    os.makedirs(loop)
    os.symlink(".", os.path.join(loop, "again"))
    write(os.path.join(loop, "one.eml"), messages[0])
    summary = json.loads(run("--format", "json", loop).stdout)
    check(summary["totals"]["messages"] == 1, "a folder that links to itself: read once")
    check(run("--format", "nonsense", layouts["mbox"], expect=1).returncode == 1, "an unknown format: usage error")
    check(run(expect=1).returncode == 1, "no source: usage error")

    # 7. Ctrl+C: stops, writes what was read, marked as partial, exit 130
    p = subprocess.Popen([CLI, "audit", "--quiet", "--format", "json", "-"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    data = mbox(messages)
    p.stdin.write(data[: len(data) // 2])
    p.stdin.flush()
    time.sleep(0.5)
    p.send_signal(signal.SIGINT)
    p.stdin.write(data[len(data) // 2:])
    p.stdin.close()
    out, err = p.stdout.read(), p.stderr.read()
    p.wait(timeout=60)
    check(p.returncode == 130, f"interrupted: exit 130 (got {p.returncode}: {err.decode(errors='replace')})")
    if out:
        summary = json.loads(out)
        check(summary["partial"] is True, "interrupted: the summary says it is partial")
        check(0 < summary["totals"]["messages"] < len(messages),
              f"interrupted: some messages read, not all ({summary['totals']['messages']})")
    else:
        fail("interrupted: no summary written")

    finish()


main()
