#!/usr/bin/python3
# make-hostile.py: write the malicious messages too big to keep in git
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/hostile/make-hostile.py OUTDIR
#
# Every file is made the same way each time (a fixed random seed), so a failure
# can be reproduced by running this script and hoplock-cli by hand. The small
# hostile messages are committed in tests/hostile/fixtures/ instead.

import os
import pathlib
import random
import sys

HEAD = (b"From: Sender <sender@example.org>\n"
        b"To: recipient@example.net\n"
        b"Subject: hostile\n"
        b"Date: Mon, 1 Jan 2024 00:00:00 +0000\n"
        b"Message-ID: <hostile@example.org>\n")
BODY = b"\nbody\n"

GOOD = (b"from mx.example.org (mx.example.org [192.0.2.1]) by mail.example.net "
        b"(Postfix) with ESMTPS id 4AbCd (using TLSv1.3 with cipher "
        b"TLS_AES_256_GCM_SHA384 (256/256 bits)); Mon, 1 Jan 2024 00:00:00 +0000")


def message(*received: bytes) -> bytes:
    fields = b"".join(b"Received: " + r + b"\n" for r in received)
    return fields + HEAD + BODY


def received_10mb() -> bytes:
    # One field of 10 MB, folded into lines of 78 characters as a mailer would.
    words = []
    size = 0
    i = 0
    while size < 10 * 1024 * 1024:
        w = b"from host%d.example.org (h%d [192.0.2.%d])" % (i, i, i % 256)
        words.append(w)
        size += len(w) + 2
        i += 1
    return message(b"\n ".join(words) + b"; Mon, 1 Jan 2024 00:00:00 +0000")


def received_10mb_one_line() -> bytes:
    # The same size on one line, with no place to fold.
    return message(b"from " + b"a" * (10 * 1024 * 1024) + b" by mx.example.net")


def received_10000() -> bytes:
    return message(*[GOOD.replace(b"4AbCd", b"id%d" % i) for i in range(10000)])


def nested_parens() -> bytes:
    return message(b"from a " + b"(" * 100000 + b" by b with ESMTPS; Mon, 1 Jan 2024 00:00:00 +0000",
                   b"from c " + b"(" * 50000 + b")" * 50000 + b" by d; Mon, 1 Jan 2024 00:00:00 +0000")


def semicolons() -> bytes:
    return message(b"from a by b with SMTP " + b";" * 1000 + b" Mon, 1 Jan 2024 00:00:00 +0000",
                   b"from a by b" + b" x;" * 1000)


def ipv6_literals() -> bytes:
    hexes = b":".join(b"%04x" % (i % 65536) for i in range(200))[:1000]
    return message(b"from a ([IPv6:" + hexes + b"]) by b with ESMTP; Mon, 1 Jan 2024 00:00:00 +0000",
                   b"from a (" + hexes + b") by b with ESMTP",
                   b"from [" + b":" * 1000 + b"] by b",
                   b"from a ([" + b"1" * 1000 + b"]) by b")


def encoded_words() -> bytes:
    # Overlong encoded words in the fields GMime decodes for the summary.
    b64 = b"QUFB" * 50000                      # 200 000 characters of base64
    qp = b"=41" * 50000
    many = b" ".join([b"=?UTF-8?B?w6k=?="] * 20000)
    return (b"Received: " + GOOD + b"\n"
            b"From: =?UTF-8?B?" + b64 + b"?= <a@example.org>\n"
            b"To: =?ISO-8859-1?Q?" + qp + b"?= <b@example.org>\n"
            b"Subject: " + many + b"\n"
            b"Subject: =?UTF-8?B?" + b"%%%%" * 1000 + b"?=\n"
            b"Message-ID: <x@example.org>\n" + BODY)


def binary() -> bytes:
    rng = random.Random(20240101)
    return bytes(rng.getrandbits(8) for _ in range(256 * 1024))


def long_header_block() -> bytes:
    # 100 000 header fields that are not Received, and one that is.
    fields = b"".join(b"X-Filler-%d: %s\n" % (i, b"v" * 40) for i in range(100000))
    return b"Received: " + GOOD + b"\n" + fields + HEAD + BODY


FILES = {
    "received-10mb-folded.eml": received_10mb,
    "received-10mb-one-line.eml": received_10mb_one_line,
    "received-10000-fields.eml": received_10000,
    "nested-parens-100000.eml": nested_parens,
    "semicolons-1000.eml": semicolons,
    "ipv6-literal-1000.eml": ipv6_literals,
    "encoded-words-overlong.eml": encoded_words,
    "binary.bin": binary,
    "header-fields-100000.eml": long_header_block,
}


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: make-hostile.py OUTDIR", file=sys.stderr)
        return 1
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, make in FILES.items():
        tmp = out / (name + ".tmp")
        tmp.write_bytes(make())
        os.replace(tmp, out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
