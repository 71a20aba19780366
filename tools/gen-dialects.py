#!/usr/bin/env python3
# gen-dialects.py: the table of every MTA dialect, from the files of parser/dialects/
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each parser/dialects/NAME.c ends in one `const HlDialect hl_dialect_NAME`
# (a '-' in NAME becomes '_'). parser/dialects/meson.build runs this script twice:
#
#   gen-dialects.py --list DIR             prints the dialect files of DIR, one a
#                                          line, sorted (when the build is configured)
#   gen-dialects.py --output FILE SRC…     writes FILE, the C table hl_dialects[]
#                                          of the dialects SRC… define
#
# So adding a dialect is adding its file (and its test cases); the build picks it
# up when it is configured again (`make build` does that).

import os
import re
import sys


def dialect_name(path):
    base = os.path.basename(path)
    if not base.endswith(".c"):
        sys.exit(f"gen-dialects.py: {path} is not a C file")
    return re.sub(r"[^A-Za-z0-9_]", "_", base[:-2])


def main(argv):
    if len(argv) == 2 and argv[0] == "--list":
        for f in sorted(os.listdir(argv[1])):
            if f.endswith(".c") and not f.startswith("."):
                print(f)
        return 0
    if len(argv) >= 2 and argv[0] == "--output":
        out, sources = argv[1], argv[2:]
        names = sorted(dialect_name(s) for s in sources)
        for src, name in zip(sorted(sources, key=dialect_name), names):
            if not re.search(r"^const HlDialect hl_dialect_" + name + r"\b", open(src, encoding="utf-8").read(), re.M):
                sys.exit(f"gen-dialects.py: {src} defines no `const HlDialect hl_dialect_{name}`")
        lines = [
            "/* hl-dialects.c: every dialect, in the order of their file names",
            " *",
            " * Written by tools/gen-dialects.py from the files of parser/dialects/; do not edit.",
            " */",
            '#include "config.h"',
            "",
            '#include "core/hl-dialect-private.h"',
            "",
        ]
        lines += [f"extern const HlDialect hl_dialect_{n};" for n in names]
        lines += ["", "const HlDialect *const hl_dialects[] = {"]
        lines += [f"  &hl_dialect_{n}," for n in names]
        lines += ["  NULL", "};", "", f"const guint hl_n_dialects = {len(names)};", ""]
        text = "\n".join(lines)
        if not os.path.exists(out) or open(out, encoding="utf-8").read() != text:
            with open(out, "w", encoding="utf-8") as f:
                f.write(text)
        return 0
    sys.stderr.write("usage: gen-dialects.py --list DIR | --output FILE SOURCE…\n")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
