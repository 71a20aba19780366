#!/usr/bin/env python3
# check-layers.py: keep the library's layers one-way.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads every #include "FOLDER/file.h" in parser/, app/ and ui/, draws the graph of
# folders it makes, prints it, and fails (TAP "not ok") when
#   1. two folders of parser/ include each other, directly or round a cycle;
#   2. a folder of parser/ includes one above it in the order parser/meson.build
#      lists them (subdir(...) lines, lowest first);
#   3. parser/ includes GTK, libadwaita or libsecret, or anything but the PDF
#      writer includes Cairo or Pango;
#   4. app/ or ui/ includes a private header of the library (*-private.h);
#   5. explain/ or report/ includes a private header of core/: they read hops
#      through the public getters, as any user of the library does.
#
# Usage: check-layers.py SOURCE_ROOT

import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
parser = os.path.join(root, "parser")

order = re.findall(r"^subdir\('([a-z]+)'\)", open(os.path.join(parser, "meson.build")).read(), re.M)
rank = {name: i for i, name in enumerate(order)}

include_re = re.compile(r'^\s*#\s*include\s+[<"]([^">]+)[">]', re.M)


def sources(top):
    for dirpath, _, files in os.walk(top):
        for f in sorted(files):
            if f.endswith((".c", ".h", ".inc")):
                yield os.path.join(dirpath, f)


def folder_of(path):
    rel = os.path.relpath(path, parser).split(os.sep)
    return rel[0] if len(rel) > 1 else None


edges = {}      # (from folder, to folder) -> [(file, line text)]
problems = []
core_private = []

for path in sources(parser):
    here = folder_of(path)
    text = open(path, encoding="utf-8").read()
    rel = os.path.relpath(path, root)
    for inc in include_re.findall(text):
        if re.match(r"(gtk|adwaita|libsecret)/", inc) or inc in ("adwaita.h", "gtk/gtk.h"):
            problems.append(f"{rel} includes <{inc}>: parser/ never uses GTK, libadwaita or libsecret")
        if re.match(r"(cairo|pango)", inc) and "/pdf/" not in rel and not rel.endswith("-pdf.c"):
            problems.append(f"{rel} includes <{inc}>: only the PDF writer draws with Cairo and Pango")
        target = inc.split("/")[0] if "/" in inc else None
        if here in ("explain", "report") and target == "core" and inc.endswith("-private.h"):
            core_private.append(f"{rel} includes {inc}")
        if target in rank and here is not None and target != here:
            edges.setdefault((here, target), []).append(f"{rel}: {inc}")

for top in ("app", "ui"):
    for path in sources(os.path.join(root, top)):
        rel = os.path.relpath(path, root)
        for inc in include_re.findall(open(path, encoding="utf-8").read()):
            if "/" in inc and inc.split("/")[0] in rank and inc.endswith("-private.h"):
                problems.append(f"{rel} includes the library's private {inc}")

# 1. cycles between folders (depth-first search over the folder graph)
graph = {}
for (a, b) in edges:
    graph.setdefault(a, set()).add(b)
cycles = []


def visit(node, stack, done):
    if node in stack:
        cycles.append(stack[stack.index(node):] + [node])
        return
    if node in done:
        return
    for nxt in sorted(graph.get(node, ())):
        visit(nxt, stack + [node], done)
    done.add(node)


done = set()
for node in sorted(graph):
    visit(node, [], done)

# 2. arrows that point up
upward = [(a, b) for (a, b) in edges if rank[b] > rank[a]]

print("1..4")
print("# layers, lowest first: " + " <- ".join(order))
for (a, b) in sorted(edges, key=lambda e: (rank[e[0]], rank[e[1]])):
    print(f"# {a}/ -> {b}/  ({len(edges[(a, b)])} includes)")

def report(n, ok, what, lines):
    print(("ok" if ok else "not ok") + f" {n} - {what}")
    for line in lines:
        print("#   " + line)

report(1, not cycles, "no cycle between folders of parser/",
       [" -> ".join(c) for c in cycles])
report(2, not upward, "every include points down the order of parser/meson.build",
       [f"{a}/ includes {b}/: {edges[(a, b)][0]}" for (a, b) in upward])
report(3, not problems, "libraries in their place, no private header outside parser/", problems)
report(4, not core_private, "explain/ and report/ read hops through the public getters",
       core_private)
sys.exit(1 if cycles or upward or problems or core_private else 0)
