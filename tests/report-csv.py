#!/usr/bin/python3
# report-csv.py: the CSV report, read back by Python's csv module
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import io
import os

from report_common import (SAMPLES, check, finish, hostile, report, reports_json, sample,
                           tempdir)

FORMULA = ("=", "+", "-", "@", "\t", "\r")

inputs = [sample(s) for s in SAMPLES] + [hostile()]
reports = reports_json(*inputs)

with tempdir() as tmp:
    out = os.path.join(tmp, "report.csv")
    data = report("--format", "csv", *inputs, output=out)

check(not data.startswith(b"\xef\xbb\xbf"), "no byte-order mark")
text = data.decode("utf-8")   # strict: fails on anything but UTF-8
check(text.count("\n") == text.count("\r\n"), "every line ends in CRLF")

rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
header, body = rows[0], rows[1:]
expected_rows = sum(max(len(r["hops"]), 1) for r in reports)
check(len(header) == 36, f"36 columns in the header ({len(header)})")
check(len(body) == expected_rows, f"one row per hop: {len(body)} rows, {expected_rows} expected")
check(all(len(r) == len(header) for r in body), "every row has as many cells as the header")

col = {name: i for i, name in enumerate(header)}
for name in ("source", "subject", "from", "to", "message_date", "message_id", "verdict"):
    check(name in col, f"message identity column {name}")


def unmark(cell):
    return cell[1:] if cell.startswith("'") and cell[1:2] in FORMULA[:4] else cell


# Each row agrees with the JSON report of the same hop.
i = 0
for r in reports:
    for hop in r["hops"] or [None]:
        row = body[i]
        i += 1
        where = f"{r['source']['name']} hop {hop['index'] if hop else '-'}"
        check(row[col["source"]] == r["source"]["name"], f"{where}: source")
        check(row[col["verdict"]] == r["summary"]["verdict"], f"{where}: verdict")
        if hop is None:
            check(row[col["hop"]] == "", f"{where}: no hop number")
            continue
        check(row[col["hop"]] == str(hop["index"]), f"{where}: hop number")
        check(unmark(row[col["by_host"]]) == (hop["by"]["host"] or ""), f"{where}: by host")
        check(row[col["from_ip"]] == (hop["from"]["ip"] or ""), f"{where}: from ip")
        check(row[col["tls_state"]] == hop["tls"]["state"], f"{where}: TLS state")
        check(row[col["cipher"]] == (hop["tls"]["cipher"] or ""), f"{where}: cipher")
        check(row[col["raw"]].startswith(unmark(hop["raw"][:20])), f"{where}: raw field")

# The hostile message: no cell can start a formula; those that would are marked.
hostile_rows = [row for row in body if row[col["source"]] == "hostile.eml"]
check(len(hostile_rows) == 3, "three rows for the hostile message")
for row in hostile_rows:
    for name, cell in zip(header, row):
        check(not cell.startswith(FORMULA), f"hostile {name} does not start a formula: {cell[:30]!r}")
marked = {name: row[col[name]] for row in hostile_rows for name in header
          if row[col[name]].startswith("'")}
check(marked.get("subject", "").startswith("'=HYPERLINK("), "the subject's formula is neutralised")
check(marked.get("to") == "'+victim@example.com", "the To's + is neutralised")
check(hostile_rows[2][col["from_helo"]] == "'=cmd|'/C_calc'!A0", "a = helo is neutralised")
check(hostile_rows[2][col["by_host"]] == "'+SUM", "a + by host is neutralised")
check(hostile_rows[2][col["id"]] == "'-2+3", "a - id is neutralised")
check(hostile_rows[1][col["from_helo"]] == "'@SUM", "an @ helo is neutralised")
check(hostile_rows[1][col["id"]] == "|a|b|", "pipes are plain text in CSV")
check(all("\x1b" not in cell for row in body for cell in row), "no escape character in any cell")

finish()
