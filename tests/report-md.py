#!/usr/bin/python3
# report-md.py: the Markdown report, rendered by cmark-gfm as GitHub would
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# cmark-gfm with the table and autolink extensions and --unsafe (raw HTML passed
# through), so that any markup, link or HTML a header could inject would show in
# the HTML it writes.

import subprocess
from html.parser import HTMLParser

from report_common import check, finish, hostile, need, report, reports_json, sample

CMARK = need("cmark-gfm")

inputs = [sample("example.eml"), hostile(), sample("one-clear-hop.eml")]
reports = reports_json(*inputs)
md = report("--format", "md", *inputs)
html = subprocess.run([CMARK, "--unsafe", "-e", "table", "-e", "autolink", "-e", "strikethrough"],
                      input=md, capture_output=True, check=True, timeout=60).stdout.decode()


class Page(HTMLParser):
    """The elements of the rendered page, and the text of each table cell."""

    def __init__(self):
        super().__init__()
        self.tags = {}
        self.tables = []          # [[row cells...]...] per table
        self.cell = None
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.tables[-1][-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        self.text.append(data)
        if self.cell is not None:
            self.cell.append(data)


page = Page()
page.feed(html)
text = "".join(page.text)

check(len(page.tables) == 3, f"one table per message ({len(page.tables)})")
for table, r in zip(page.tables, reports):
    name = r["source"]["name"]
    check(len(table) == 1 + len(r["hops"]), f"{name}: a row per hop, and the head")
    widths = {len(row) for row in table}
    check(widths == {9}, f"{name}: every row has 9 cells ({sorted(widths)})")
    for row, hop in zip(table[1:], r["hops"]):
        check(row[0] == str(hop["index"]), f"{name}: hop {hop['index']} in its row")
        check(row[3] == (hop["by"]["host"] or "—"), f"{name}: by host of hop {hop['index']}: {row[3]!r}")

# Bold is ours (labels, the verdict, section titles), and so is one code block a hop.
for tag in ("a", "img", "script", "style", "b", "em", "del"):
    check(page.tags.get(tag, 0) == 0, f"no <{tag}> from a header ({page.tags.get(tag, 0)})")
n_hops = sum(len(r["hops"]) for r in reports)
check(page.tags.get("code", 0) == n_hops, f"one code block a hop, no code from a header")

hostile_table = page.tables[1]
check(hostile_table[1][2] == "<script>", f"a <script> helo is shown as text: {hostile_table[1][2]!r}")
check(hostile_table[1][3] == "[http://evil.example]", "a link in a by host stays text")
check(hostile_table[3][2] == "=cmd|'/C_calc'!A0", "a pipe in a cell does not split it")
check("[click](http://evil.example)" in text, "a Markdown link in the subject is shown as written")
check("![i](http://evil.example/i.png)" in text, "a Markdown image in the subject is shown as written")
check("<http://evil.example>" in text, "an autolink in the subject is shown as written")
check("www.evil.example" in text, "a www. address is shown as written")
check("mallory@\u2060evil.example" in text, "an address is shown, not linked")
check("*bold* `code`" in text, "emphasis and code marks are shown as written")
check("from <script>document.title='pwned'</script>" in text, "the raw field is shown whole")
check("Partly encrypted" in text, "the verdict")

finish()
