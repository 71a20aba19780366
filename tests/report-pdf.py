#!/usr/bin/python3
# report-pdf.py: the PDF report, read by poppler's pdftotext, pdfinfo and pdftoppm
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Page 1 of the example, of the hostile message and page 2 of a long report are
# rendered to PNG in build/report-shots/ to be looked at.

import os
import re
import subprocess

from report_common import (check, cli, finish, hostile, many_hops, need, report, reports_json, sample,
                           shots_dir, tempdir)

PDFTOTEXT = need("pdftotext")
PDFINFO = need("pdfinfo")
PDFTOPPM = need("pdftoppm")


def text(pdf, page=None):
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run([PDFTOTEXT, "-enc", "UTF-8", *pages, pdf, "-"], capture_output=True,
                          check=True, timeout=60).stdout.decode()


def squeeze(s):
    """Text without white space: a long host may wrap at any character in a table cell."""
    return re.sub(r"\s+", "", s)


def info(pdf):
    out = subprocess.run([PDFINFO, pdf], capture_output=True, check=True, timeout=60).stdout.decode()
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def png(pdf, page, name):
    prefix = os.path.join(shots_dir(), name)
    subprocess.run([PDFTOPPM, "-r", "100", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                    pdf, prefix], check=True, timeout=60)
    check(os.path.getsize(prefix + ".png") > 20000, f"page {page} rendered to {prefix}.png")


def check_hosts(pdf, reports):
    """Every hop's hosts and every message's verdict are in the PDF's text."""
    t = squeeze(text(pdf))
    for r in reports:
        name = r["source"]["name"]
        check(squeeze(r["summary"]["sentence"]) in t, f"{name}: the verdict's sentence")
        for hop in r["hops"]:
            for host in (hop["from"]["rdns"] or hop["from"]["helo"], hop["by"]["host"]):
                if host:
                    check(squeeze(host) in t, f"{name}: hop {hop['index']} host {host}")


VERDICTS = {"all-encrypted": "All encrypted", "partly-encrypted": "Partly encrypted",
            "not-encrypted": "Not encrypted", "unknown": "Unknown", "no-hops": "No network hops"}

with tempdir() as tmp:
    # The example, A4 and Letter
    example = os.path.join(tmp, "example.pdf")
    report("--format", "pdf", sample("example.eml"), output=example)
    i = info(example)
    pages = int(i["Pages"])
    check(2 <= pages <= 4, f"the example with its explanations takes a few pages ({pages})")
    check(i["Page size"].strip() == "595.276 x 841.89 pts (A4)", f"A4 by default ({i['Page size'].strip()})")
    check(i["Title"].strip() == "Hoplock report", "the document's title")
    t = squeeze(text(example, 1))
    for words in ("Hoplock report", "Quotation for the July shipment", "Message-ID",
                  "20050717203902.GA1230@mail.uexport.com", "All encrypted",
                  "The one network hop was encrypted.", "mail.uexport.com", "mail.lint.com",
                  "EDH-RSA-DES-CBC3-SHA", "Hop 1:", "Encrypted, certificate verified",
                  "What happened"):
        check(squeeze(words) in t, f"page 1 of the example says “{words}”")
    t = squeeze(text(example))
    for words in ("The cipher suite taken apart", "The rating explained", "What this means for you",
                  "What an administrator can do", "The field as written",
                  "What the header cannot prove", "Sweet32"):
        check(squeeze(words) in t, f"the example's PDF explains “{words}”")
    png(example, 1, "example-pdf-1")

    letter = os.path.join(tmp, "letter.pdf")
    report("--format", "pdf", "--page-size", "letter", sample("example.eml"), output=letter)
    check(info(letter)["Page size"].strip() == "612 x 792 pts (letter)", "US Letter on request")
    status, out, err = cli("report", "--format", "pdf", "--page-size", "a5", sample("example.eml"))
    check(status == 1 and out == "" and "a5" in err and "letter" in err,
          f"an unknown page size is a usage error ({status}: {err.strip()})")
    status, out, err = cli("report", "--help")
    check(status == 0 and "--page-size" in out, "--help names --page-size")
    check("text, json, jsonl, csv, html, md, pdf" in out, "--help lists every format")

    # The samples and the hostile message in one report: one message a page at least
    inputs = [sample(s) for s in ("all-encrypted.eml", "one-clear-hop.eml", "local-hops.eml")]
    inputs.append(hostile())
    reports = reports_json(*inputs)
    several = os.path.join(tmp, "several.pdf")
    report("--format", "pdf", *inputs, output=several)
    pages = int(info(several)["Pages"])
    check(pages >= len(inputs), f"each message starts a page ({pages} pages)")
    check_hosts(several, reports)
    t = text(several)
    for r in reports:
        check(VERDICTS[r["summary"]["verdict"]] in t, f"{r['source']['name']}: the verdict")
    check(squeeze("from <script>document.title='pwned'</script>") in squeeze(t),
          "the hostile field is shown as text")
    check(squeeze("(</style><b>bold</b> [198.51.100.2])") in squeeze(t), "markup is shown as text")
    hostile_pdf = os.path.join(tmp, "hostile.pdf")
    report("--format", "pdf", hostile(), output=hostile_pdf)
    png(hostile_pdf, 1, "hostile-pdf-1")

    # A long route runs onto more pages; every hop is there
    path, hosts = many_hops(tmp, 50)
    long_pdf = os.path.join(tmp, "many.pdf")
    report("--format", "pdf", path, output=long_pdf)
    pages = int(info(long_pdf)["Pages"])
    check(pages >= 5, f"50 hops take several pages ({pages})")
    t = squeeze(text(long_pdf))
    missing = [h for h in hosts if h not in t]
    check(not missing, f"all 51 hosts of 50 hops are in the text (missing: {missing[:5]})")
    heads = t.count("HopProtectionFromBy")
    check(heads >= 2, f"the table's head is repeated on the pages it runs onto ({heads})")
    check(all(f"Hop{i}:" in t for i in range(1, 51)), "every hop has a heading")
    check("lists50hops" not in t, "50 hops are not said to be too many")
    png(long_pdf, 2, "many-hops-pdf-2")

    # More hops than a mail server lets a message pass: the newest 50, and a note
    path, hosts = many_hops(tmp, 80)
    longer_pdf = os.path.join(tmp, "more.pdf")
    report("--format", "pdf", path, output=longer_pdf)
    t = squeeze(text(longer_pdf))
    check("Thismessagelists80hops" in t and "hops31to80" in t,
          "a journey of 80 hops says which 50 it shows")
    check(all(f"Hop{i}:" in t for i in range(31, 81)), "the newest 50 hops have a heading")
    check(not any(f"Hop{i}:" in t for i in range(1, 31)), "the older 30 hops have none")

finish()
