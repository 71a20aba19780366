#!/usr/bin/python3
# seed-corpus.py: write the starting inputs of every fuzz target
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/fuzz/seed-corpus.py OUTDIR
#
# Writes OUTDIR/<corpus>/<sha1> for the corpora the targets use:
#   received  every Received value of tests/corpus (headers.jsonl raws, folded and
#             unfolded, and the fields of the corpus messages) and data/samples
#   message   the header block of every corpus and sample message
#   cipher    every cipher-suite spelling of tests/cipher-spellings.tsv and the TLS
#             version words
#   report    the message seeds, each behind a flag byte (colour, explanations, twice)
#
# These are many and overlap; tools/fuzz.sh minimises them with libFuzzer's
# -merge=1 into tests/fuzz/corpus/, which is what is committed.

import hashlib
import json
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def header_block(data: bytes) -> bytes:
    """The header block of a message and its blank line; the body is never read."""
    for sep in (b"\r\n\r\n", b"\n\n"):
        i = data.find(sep)
        if i >= 0:
            return data[: i + len(sep)]
    return data


def write(outdir: pathlib.Path, corpus: str, data: bytes) -> None:
    d = outdir / corpus
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def received_values():
    for path in sorted((ROOT / "tests" / "corpus").glob("**/*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                try:
                    case = json.loads(line)
                except ValueError:
                    continue
                if not isinstance(case, dict):
                    continue
                for key in ("raw", "raw_folded"):
                    value = case.get(key)
                    if isinstance(value, str) and value:
                        yield value.encode("utf-8", "surrogatepass")


def messages():
    paths = sorted((ROOT / "tests" / "corpus").glob("**/*.eml"))
    paths += sorted((ROOT / "data" / "samples").glob("*.eml"))
    for path in paths:
        yield header_block(path.read_bytes())


def ciphers():
    with open(ROOT / "tests" / "cipher-spellings.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("name\t"):
                continue
            name = line.split("\t")[0].strip()
            if name:
                yield name.encode()
    for word in ("TLSv1/SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3", "TLS1_2",
                 "TLS1_3", "TLS1.2", "SSLv3", "SSLv2", "TLS 1.3", "tls1.3"):
        yield word.encode()


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: seed-corpus.py OUTDIR", file=sys.stderr)
        return 1
    out = pathlib.Path(sys.argv[1])
    n = {}
    for value in received_values():
        write(out, "received", value)
        n["received"] = n.get("received", 0) + 1
    for i, message in enumerate(messages()):
        write(out, "message", message)
        write(out, "report", bytes([i % 8]) + message)
        n["message"] = n.get("message", 0) + 1
        n["report"] = n.get("report", 0) + 1
    for name in ciphers():
        write(out, "cipher", name)
        n["cipher"] = n.get("cipher", 0) + 1
    for corpus, count in sorted(n.items()):
        print(f"{corpus}: {count} seeds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
