# report_common.py: what the report checks that run real tools share
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each check is a script run by meson with HL_CLI (hoplock-cli), G_TEST_SRCDIR (the
# source tree) and G_TEST_BUILDDIR (the build tree) set; tests/meson.build sets all
# three, the same variables the C tests read. It exits 0 when every check passed,
# 1 on the first failure, 77 (skip) when the tool it needs is not installed.

import json
import os
import shutil
import subprocess
import sys
import tempfile

CLI = os.environ.get("HL_CLI")
if not CLI:
    sys.exit("HL_CLI must name the hoplock-cli to test")
SOURCE = os.environ.get("G_TEST_SRCDIR", os.path.join(os.path.dirname(__file__), ".."))
BUILD = os.environ.get("G_TEST_BUILDDIR", os.getcwd())

SAMPLES = ["example.eml", "all-encrypted.eml", "one-clear-hop.eml", "local-hops.eml"]

failures = 0


def sample(name):
    return os.path.join(SOURCE, "data", "samples", name)


def hostile():
    return os.path.join(SOURCE, "tests", "report", "hostile.eml")


def shots_dir():
    """Where pictures of the reports go, for people to look at."""
    path = os.path.join(BUILD, "report-shots")
    os.makedirs(path, exist_ok=True)
    return path


def need(tool):
    path = shutil.which(tool)
    if path is None:
        print(f"SKIP: {tool} is not installed")
        sys.exit(77)
    return path


def report(*args, output=None):
    """Runs hoplock-cli report; returns what it wrote (to OUTPUT, or stdout) as bytes."""
    argv = [CLI, "report", *args]
    if output is not None:
        argv += ["-o", output]
    r = subprocess.run(argv, capture_output=True, timeout=120)
    if r.returncode != 0:
        fail(f"{' '.join(argv)} exited with {r.returncode}: {r.stderr.decode(errors='replace')}")
        sys.exit(1)
    if output is not None:
        with open(output, "rb") as f:
            return f.read()
    return r.stdout


def cli(*args):
    """Runs hoplock-cli with ARGS; returns its exit status, standard output and error."""
    r = subprocess.run([CLI, *args], capture_output=True, timeout=120)
    return r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")


def reports_json(*paths):
    """The hoplock-report/1 objects of PATHS, in order."""
    out = json.loads(report("--format", "json", *paths))
    return out if isinstance(out, list) else [out]


def check(condition, what):
    global failures
    if condition:
        print(f"ok - {what}")
    else:
        fail(what)


def fail(what):
    global failures
    failures += 1
    print(f"FAIL - {what}")


def many_hops(directory, n):
    """A message with N Received fields; returns its path and the host names."""
    lines = []
    for i in range(n, 0, -1):
        lines.append(f"Received: from relay{i - 1}.example.org (relay{i - 1}.example.org "
                     f"[192.0.2.{i % 250 + 1}]) by relay{i}.example.org (Postfix) with "
                     f"{'ESMTPS' if i % 2 else 'ESMTP'} id A{i}; "
                     f"Mon, 3 Mar 2025 10:{i // 60:02d}:{i % 60:02d} +0000")
    lines += ["Subject: Many hops", "From: a@example.org", "To: b@example.net", "", "body"]
    path = os.path.join(directory, "many-hops.eml")
    with open(path, "wb") as f:
        f.write("\r\n".join(lines).encode() + b"\r\n")
    return path, [f"relay{i}.example.org" for i in range(0, n + 1)]


def chromium(url, *args):
    """Runs headless Chromium on URL with ARGS; skips the check when it is not installed."""
    browser = shutil.which("chromium") or need("chromium-browser")
    with tempfile.TemporaryDirectory(prefix="hoplock-chromium-") as profile:
        r = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                            "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync",
                            f"--user-data-dir={profile}", *args, url],
                           capture_output=True, timeout=120)
    if r.returncode != 0:
        print(r.stderr.decode(errors="replace"))
    return r


def dump_dom(path):
    """The document Chromium built from the page at PATH, after any script had its chance."""
    r = chromium("file://" + path, "--dump-dom")
    return r.stdout.decode()


def screenshot(path, png, *args, size="1200,1600"):
    if os.path.exists(png):
        os.unlink(png)
    chromium("file://" + path, f"--screenshot={png}", f"--window-size={size}", *args)
    check(os.path.exists(png) and os.path.getsize(png) > 20000, f"a screenshot in {png}")


def tempdir():
    return tempfile.TemporaryDirectory(prefix="hoplock-report-")


def finish():
    if failures:
        print(f"{failures} check(s) failed")
        sys.exit(1)
    sys.exit(0)
