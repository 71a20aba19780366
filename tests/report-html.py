#!/usr/bin/python3
# report-html.py: the HTML report, opened in headless Chromium
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The hostile message's report is loaded twice: as written, and with its Content
# Security Policy taken out, so that the escaping alone has to keep its scripts
# from running. Its scripts would set the title to "pwned" or mark the body with
# data-pwned; --dump-dom shows the page after they had their chance. Screenshots
# of the example (light and dark) and of the hostile message are left in
# build/report-shots/ to be looked at.

import os
import re
import shutil
import subprocess

from report_common import (check, chromium, dump_dom, finish, hostile, report, sample, screenshot,
                           shots_dir, tempdir)

shots = shots_dir()
with tempdir() as tmp:
    example = os.path.join(tmp, "example.html")
    report("--format", "html", sample("example.eml"), output=example)
    bad = os.path.join(tmp, "hostile.html")
    html = report("--format", "html", hostile(), output=bad).decode()
    csp = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n')
    check(len(csp.findall(html)) == 1, "one Content-Security-Policy")
    bare = os.path.join(tmp, "hostile-without-csp.html")
    with open(bare, "w") as f:
        f.write(csp.sub("", html))

    for path in (bad, bare):
        name = os.path.basename(path)
        dom = dump_dom(path)
        check("<body" in dom and "Hoplock report" in dom, f"{name}: Chromium loaded the page")
        check("pwned" != (re.search(r"<title>(.*?)</title>", dom, re.S) or [None, ""])[1],
              f"{name}: no script changed the title")
        check(re.search(r"<title>Hoplock report: =HYPERLINK", dom) is not None,
              f"{name}: the title is the subject, as text")
        check('data-pwned="' not in dom, f"{name}: no event handler ran")
        check(re.search(r"<script", dom, re.I) is None, f"{name}: no script element")
        check(re.search(r"<img", dom, re.I) is None, f"{name}: no img element")
        check(re.search(r"<b>", dom, re.I) is None, f"{name}: no markup from a header")
        check(dom.count("<style>") == 1, f"{name}: only the report's own style sheet")
        check("&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom,
              f"{name}: the script is shown as text")
        check("&lt;img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"&gt;" in dom,
              f"{name}: the img is shown as text")
        check("(&lt;/style&gt;&lt;b&gt;bold&lt;/b&gt; [198.51.100.2])" in dom,
              f"{name}: </style> is shown as text")
        check(dom.count("<svg ") == 7, f"{name}: seven locks drawn ({dom.count('<svg ')})")
        check(dom.count("<tr>") == 4, f"{name}: a table row per hop and the head")

    # Printed (the print style sheet): the first hop starts under the table, on page 1,
    # not after a page left half empty.
    printed = os.path.join(tmp, "printed.pdf")
    report("--format", "html", sample("one-clear-hop.eml"), output=os.path.join(tmp, "one.html"))
    chromium("file://" + os.path.join(tmp, "one.html"), f"--print-to-pdf={printed}",
             "--no-pdf-header-footer")
    check(os.path.exists(printed), "Chromium printed the report")
    if shutil.which("pdftotext") and os.path.exists(printed):
        page1 = subprocess.run(["pdftotext", "-f", "1", "-l", "1", printed, "-"], capture_output=True,
                               timeout=60).stdout.decode()
        check("Partly encrypted" in page1 and "Hop 1:" in page1,
              "printed, page 1 has the verdict, the table and the first hop")

    screenshot(example, os.path.join(shots, "example-html.png"))
    screenshot(example, os.path.join(shots, "example-html-dark.png"),
               "--force-dark-mode", "--blink-settings=preferredColorScheme=0")
    screenshot(bad, os.path.join(shots, "hostile-html.png"), size="1200,2000")

finish()
