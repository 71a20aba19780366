#!/usr/bin/python3
# audit-html.py: the audit's HTML page, opened in headless Chromium
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A small mbox of the samples and one message whose sender domain is markup (a
# domain literal, which the audit keeps as it is) is audited as JSON and as
# HTML. The page must show that domain as text and run nothing, keep to its
# Content Security Policy, draw its three charts hidden from screen readers and
# follow each with a captioned table whose numbers are the JSON's. Screenshots
# (light and dark) are left in build/report-shots/ to be looked at.

import json
import os
import re
import subprocess

from report_common import (CLI, check, dump_dom, fail, finish, sample, screenshot, shots_dir,
                           tempdir)

FROM_LINE = b"From x@y Mon Jan  1 00:00:00 2024\n"
HOSTILE_FROM = 'Mallory <evil@["><script>alert(1)</script><img src=x onerror=alert(1)>]>'
SAMPLES = ["example.eml", "all-encrypted.eml", "one-clear-hop.eml", "local-hops.eml"]


def write_mbox(path):
    messages = []
    for name in SAMPLES:
        with open(sample(name), "rb") as f:
            messages.append(f.read())
    hostile = re.sub(rb"(?m)^From:.*$", b"From: " + HOSTILE_FROM.encode(), messages[1], count=1)
    messages.append(hostile)
    with open(path, "wb") as f:
        for m in messages:
            m = re.sub(rb"(?m)^(>*From )", rb">\1", m)
            if not m.endswith(b"\n"):
                m += b"\n"
            f.write(FROM_LINE + m + b"\n")


def audit(*args):
    argv = [CLI, "audit", *args]
    r = subprocess.run(argv, capture_output=True, timeout=120)
    if r.returncode != 0:
        fail(f"{' '.join(argv)} exited with {r.returncode}: {r.stderr.decode(errors='replace')}")
        finish()
    return r.stdout


def table_after(dom, caption_word):
    """The rows (header cell, number cells) of the table whose caption has CAPTION_WORD."""
    for t in re.findall(r"<table>.*?</table>", dom, re.S):
        caption = re.search(r"<caption>(.*?)</caption>", t, re.S)
        if caption and caption_word in caption.group(1):
            body = re.search(r"<tbody>(.*?)</tbody>", t, re.S).group(1)
            rows = []
            for tr in re.findall(r"<tr>(.*?)</tr>", body, re.S):
                head = re.search(r'<th scope="row">(.*?)</th>', tr, re.S).group(1)
                cells = re.findall(r'<td class="num">(.*?)</td>', tr, re.S)
                rows.append((head, cells))
            return rows
    return None


def as_text(s):
    """S the way Chromium serialises it in a text node."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


shots = shots_dir()
with tempdir() as tmp:
    mbox = os.path.join(tmp, "audit.mbox")
    write_mbox(mbox)
    result = json.loads(audit("--format", "json", mbox))
    domains = {d.get("domain"): d["messages"] for d in result["domains"]}
    evil = [d for d in domains if d is not None and "<script>" in d and '"' in d]
    check(len(evil) == 1, f"the hostile domain reaches the audit as a domain ({sorted(map(str, domains))})")
    evil = evil[0] if evil else '["><script>'

    page = os.path.join(tmp, "audit.html")
    audit("--format", "html", "-o", page, mbox)
    with open(page, encoding="utf-8") as f:
        html = f.read()
    check(re.search(r"<script", html, re.I) is None, "the file has no <script")
    check(re.search(r"<img", html, re.I) is None, "the file has no <img")
    check("&lt;script&gt;alert(1)&lt;/script&gt;" in html, "the file has the script escaped")
    csp = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    check(len(csp) == 1 and "default-src 'none'" in csp[0],
          f"one Content-Security-Policy, with default-src 'none' ({csp})")

    dom = dump_dom(page)
    check("<body" in dom and "Hoplock mailbox audit" in dom, "Chromium loaded the page")
    check(re.search(r"<script", dom, re.I) is None, "no script element")
    check(re.search(r"<img", dom, re.I) is None, "no img element")
    check(dom.count("Content-Security-Policy") == 1, "one Content-Security-Policy in the document")
    check(as_text(evil) in dom, "the hostile domain is shown as text")

    charts = re.findall(r"<svg viewBox=[^>]*>", dom)
    check(len(charts) == 3, f"three charts ({len(charts)})")
    check(all('aria-hidden="true"' in c for c in charts), "every chart is hidden from screen readers")
    tables = re.findall(r"<table><caption>[^<]+</caption>", dom)
    check(len(tables) == 3, f"a captioned table for each chart ({len(tables)})")

    rows = table_after(dom, "per domain")
    check(rows is not None, "the domains table is there")
    rows = rows or []
    check(len(rows) == len(result["domains"]),
          f"a row per domain ({len(rows)} rows, {len(result['domains'])} domains)")
    want = {as_text(d if d is not None else "(no domain)"): n for d, n in domains.items()}
    got = {head: int(cells[0]) for head, cells in rows if cells}
    check(got == want, f"messages per domain as in the JSON ({got} / {want})")

    versions = table_after(dom, "TLS versions") or []
    check({h: int(c[0]) for h, c in versions} == result["totals"]["tls_versions"],
          "messages per TLS version as in the JSON")
    months = table_after(dom, "per month") or []
    check({h: int(c[0]) for h, c in months} == {m["month"]: m["messages"] for m in result["months"]},
          "messages per month as in the JSON")

    # The month labels under the last chart: one is about 50 pixels wide at 12px.
    chart = re.findall(r"<svg viewBox=.*?</svg>", dom, re.S)[-1:] or [""]
    xs = [int(x) for x in re.findall(r'<text x="(\d+)" y="\d+">\d{4}-\d{2}</text>', chart[0])]
    check(len(xs) >= 2 and all(b - a >= 56 for a, b in zip(xs, xs[1:])),
          f"the month labels do not overlap ({xs})")

    screenshot(page, os.path.join(shots, "audit-html.png"))
    screenshot(page, os.path.join(shots, "audit-html-dark.png"),
               "--force-dark-mode", "--blink-settings=preferredColorScheme=0")

finish()
