#!/usr/bin/env python3
# readme.py: what README.md shows hoplock-cli printing is what it prints
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every fenced block of README.md that follows a line
#
#   <!-- readme-test: hoplock-cli ARGS… -->
#
# must be, line for line, what the built hoplock-cli (HL_CLI) prints with those
# arguments, run in the source tree (G_TEST_SRCDIR), and the command must succeed.
# Empty lines at the end do not count: a block cannot well end in one.
# A block that shows a help text ("Usage:") without such a line fails too, so a
# help text cannot be added unchecked. HL_CLI and G_TEST_SRCDIR come from
# tests/meson.build. Prints TAP.

import difflib
import os
import re
import shlex
import subprocess
import sys

CLI = os.environ.get("HL_CLI")
if not CLI:
    sys.exit("HL_CLI must name the hoplock-cli to test")
SOURCE = os.environ.get("G_TEST_SRCDIR", os.path.join(os.path.dirname(__file__), ".."))
README = os.path.join(SOURCE, "README.md")

MARKER = re.compile(r"^<!-- readme-test: (.+?) -->$")
FENCE = "```"


def blocks(lines):
    """(line number, command or None, text) of every fenced block, in order."""
    command = None
    i = 0
    while i < len(lines):
        line = lines[i]
        m = MARKER.match(line)
        if m:
            command = (i + 1, m.group(1))
            i += 1
            continue
        if line.startswith(FENCE):
            start = i + 1
            end = start
            while end < len(lines) and not lines[end].startswith(FENCE):
                end += 1
            marked = command if command is not None and command[0] == i else None
            yield start, marked[1] if marked else None, "".join(
                l + "\n" for l in lines[start:end])
            i = end + 1
            command = None
            continue
        if line.strip():
            command = None      # a marker belongs to the block right after it
        i += 1


def main():
    with open(README, encoding="utf-8") as f:
        lines = f.read().split("\n")

    results = []
    for line, command, text in blocks(lines):
        if command is None:
            if text.startswith("Usage:"):
                results.append((False, f"README.md:{line}: a help text without a "
                                       f"readme-test line before it", []))
            continue
        argv = shlex.split(command)
        name = f"README.md:{line}: {command}"
        if not argv or argv[0] != "hoplock-cli":
            results.append((False, f"{name}: only hoplock-cli commands can be checked", []))
            continue
        r = subprocess.run([CLI, *argv[1:]], cwd=SOURCE, capture_output=True, timeout=60)
        out = r.stdout.decode("utf-8", errors="replace")
        notes = []
        if r.returncode != 0:
            notes.append(f"exit status {r.returncode}: {r.stderr.decode(errors='replace')}")
        if out.rstrip("\n") != text.rstrip("\n"):
            notes += difflib.unified_diff(text.rstrip("\n").splitlines(),
                                          out.rstrip("\n").splitlines(),
                                          "README.md", command, lineterm="")
        results.append((not notes, name, notes))

    if not any(command for _, command, _ in blocks(lines)):
        results.append((False, "README.md has no readme-test block", []))

    print(f"1..{len(results)}")
    for n, (ok, name, notes) in enumerate(results, 1):
        for note in notes:
            print(f"# {note}")
        print(f"{'ok' if ok else 'not ok'} {n} - {name}")
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
