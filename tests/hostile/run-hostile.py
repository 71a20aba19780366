#!/usr/bin/python3
# run-hostile.py: every malicious message through hoplock-cli, in every format
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-hostile.py --cli HOPLOCK_CLI --fixtures DIR --workdir DIR
#
# The inputs are the small files in tests/hostile/fixtures/ and the big ones
# make-hostile.py writes into WORKDIR/generated/ (10 MB fields, 10 000 fields,
# 100 000 "(", …). Each goes through
#
#   hoplock-cli report --format F      for every F the CLI knows (asked at run time)
#   hoplock-cli report --explain
#   hoplock-cli received --format json / text   (inputs of at most 2 000 lines:
#                                                 it reads one value a line)
#
# and every run must:
#   - end by itself with status 0 or 2, never by a signal, an abort or status 1;
#   - with 0, write a report (received may write nothing for an empty input);
#     with 2, say on standard error what is wrong ("hoplock-cli: FILE: …");
#   - write nothing that GLib or a sanitizer complains with on standard error;
#   - write text formats as valid UTF-8 without control characters (terminal
#     escape sequences from headers must not reach a terminal raw);
#   - finish within HL_HOSTILE_SECONDS (default 1) of processor time (user and
#     system, from wait4(), so a busy machine does not fail it) times
#     HL_TIME_FACTOR (default 1; tools/run-tests.sh sets it for the slower
#     sanitizer build); a run still going after twice that on the clock, or
#     30 s, is killed and fails;
#   - stay under HL_HOSTILE_MAX_RSS_MB of resident memory (default 512, four times
#     that in a sanitizer build), measured per run with wait4().
#
# Output is TAP, one test a run, then a table of the slowest and largest runs.

import argparse
import importlib.util
import os
import pathlib
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time

# What a run must end with, per input; anything not listed must give a report.
EXPECT_ERROR = {
    "empty.eml",
    "only-from-line.eml",
    "no-colon-first-line.eml",
    "binary.bin",
}

BAD_STDERR = re.compile(rb"-CRITICAL \*\*|-WARNING \*\*|Sanitizer|runtime error|"
                        rb"g_return|assertion|Segmentation|Aborted")
# C0 controls but tab, line feed and carriage return; DEL; C1 controls in UTF-8.
CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")
# Bidirectional overrides and isolates, which reorder what a terminal shows.
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def tap(ok, n, text):
    print(f"{'ok' if ok else 'not ok'} {n} - {text}", flush=True)


def formats_of(cli):
    """The report formats hoplock-cli knows, from its answer to an unknown one."""
    p = subprocess.run([cli, "report", "--format", "no-such-format", os.devnull],
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=60,
                       env=dict(os.environ, LC_ALL="C.UTF-8"))
    text = p.stderr.decode("utf-8", "replace")
    m = re.search(r"\buse (.+)$", text, re.MULTILINE)
    if p.returncode != 1 or not m:
        sys.exit(f"Bail out! cannot tell the formats from: {text!r}")
    names = [w.strip(" .") for w in re.split(r",|\bor\b|\band\b", m.group(1))]
    names = [n for n in names if n]
    if not names or not all(re.fullmatch(r"[a-z0-9_-]+", n) for n in names):
        sys.exit(f"Bail out! unexpected format list: {m.group(1)!r}")
    return names


def is_sanitized(path):
    with open(path, "rb") as f:
        return b"__asan_init" in f.read()


def run(argv, limit_s, as_limit):
    """Runs @argv; returns (status, signal, cpu_seconds, wall_seconds, max_rss_mb,
    stdout, stderr, killed)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        def limits():
            if as_limit:
                resource.setrlimit(resource.RLIMIT_AS, (as_limit, as_limit))
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

        env = dict(os.environ, LC_ALL="C.UTF-8")
        env.pop("NO_COLOR", None)
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                env=env, preexec_fn=limits)
        killed = []

        def kill():
            killed.append(True)
            try:
                os.kill(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(max(30.0, limit_s * 2), kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        timer.cancel()
        proc.returncode = status  # already reaped
        out.seek(0)
        err.seek(0)
        code = os.waitstatus_to_exitcode(status)
        return (code if code >= 0 else None, -code if code < 0 else None,
                usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024,
                out.read(), err.read(), bool(killed))


def check(name, fmt, cmd, result, limit_s, rss_mb):
    """Returns what is wrong with a run, a list of sentences."""
    status, sig, seconds, wall, rss, out, err, killed = result
    problems = []
    if killed:
        problems.append("did not finish; killed")
    elif sig is not None:
        problems.append(f"killed by signal {sig}")
    elif status not in (0, 2):
        problems.append(f"exit status {status}")
    if BAD_STDERR.search(err):
        problems.append("complaint on stderr: " + err[:300].decode("utf-8", "replace"))
    if cmd == "report":
        want_error = name in EXPECT_ERROR
        if status == 0 and want_error:
            problems.append("gave a report; an error was expected")
        if status == 2 and not want_error:
            problems.append("gave an error; a report was expected")
    if status == 0 and cmd == "report" and not out:
        problems.append("exit 0 without a report")
    if status == 2:
        msg = err.decode("utf-8", "replace").strip()
        if not msg.startswith("hoplock-cli: ") or len(msg) < len("hoplock-cli: ") + 10:
            problems.append(f"exit 2 without a clear message: {msg[:200]!r}")
    if out and not out.startswith(b"%PDF"):
        try:
            text = out.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append(f"output is not UTF-8 at byte {e.start}")
            text = None
        m = CONTROL.search(out)
        if m:
            problems.append(f"control character {m.group(0)!r} at byte {m.start()}")
        if text is not None and fmt == "text" and BIDI.search(text):
            problems.append("bidirectional control character in text output")
    if seconds > limit_s:
        problems.append(f"took {seconds:.3f} s of processor time, limit {limit_s:.1f} s")
    if rss > rss_mb:
        problems.append(f"used {rss:.0f} MB, limit {rss_mb} MB")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--fixtures", required=True)
    ap.add_argument("--workdir", required=True)
    args = ap.parse_args()

    here = pathlib.Path(__file__).resolve().parent
    spec = importlib.util.spec_from_file_location("make_hostile", here / "make-hostile.py")
    make_hostile = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_hostile)

    gen = pathlib.Path(args.workdir) / "generated"
    gen.mkdir(parents=True, exist_ok=True)
    sys.argv = ["make-hostile.py", str(gen)]
    if make_hostile.main() != 0:
        sys.exit("Bail out! make-hostile.py failed")

    inputs = sorted(p for p in pathlib.Path(args.fixtures).iterdir() if p.is_file())
    inputs += sorted(p for p in gen.iterdir() if p.is_file() and not p.name.endswith(".tmp"))

    factor = float(os.environ.get("HL_TIME_FACTOR", "1") or 1)
    limit_s = float(os.environ.get("HL_HOSTILE_SECONDS", "1")) * factor
    sanitized = is_sanitized(args.cli)
    rss_mb = int(os.environ.get("HL_HOSTILE_MAX_RSS_MB", "512")) * (4 if sanitized else 1)
    # A hard cap on address space, except under ASan, which reserves terabytes.
    as_limit = None if sanitized else 4 * rss_mb * 1024 * 1024

    formats = formats_of(args.cli)
    commands = [("report", f, ["report", "--format", f]) for f in formats]
    commands.append(("report", "text", ["report", "--explain"]))
    commands.append(("received", "json", ["received", "--format", "json"]))
    commands.append(("received", "text", ["received", "--format", "text"]))

    print(f"1..{len(inputs) * len(commands)}")
    print(f"# formats: {', '.join(formats)}; limit {limit_s:.1f} s and {rss_mb} MB a run"
          f"{' (sanitizer build)' if sanitized else ''}")
    n = 0
    failed = 0
    rows = []
    for path in inputs:
        lines = path.read_bytes().count(b"\n")
        for cmd, fmt, extra in commands:
            n += 1
            if cmd == "received" and lines > 2000:
                print(f"ok {n} - {path.name}: {' '.join(extra)} # SKIP {lines} lines, "
                      f"not one value a line")
                continue
            argv = [args.cli] + extra + [str(path)]
            what = " ".join(extra)
            result = run(argv, limit_s, as_limit)
            problems = check(path.name, fmt, cmd, result, limit_s, rss_mb)
            status, sig, seconds, wall, rss, out, err, _ = result
            outcome = f"exit {status}" if sig is None else f"signal {sig}"
            tap(not problems, n, f"{path.name}: {what}: {outcome}, {seconds:.3f} s "
                                 f"({wall:.3f} s on the clock), {rss:.0f} MB, "
                                 f"{len(out)} bytes out"
                                 + ("; " + "; ".join(problems) if problems else ""))
            if problems:
                failed += 1
                print(f"#   {' '.join(argv)}")
            rows.append((seconds, rss, path.name, what, outcome))

    print("# slowest runs (processor time):")
    for seconds, rss, name, what, outcome in sorted(rows, reverse=True)[:8]:
        print(f"#   {seconds:7.3f} s {rss:6.0f} MB  {name}: {what} ({outcome})")
    print("# per input, the slowest run:")
    for path in inputs:
        mine = [r for r in rows if r[2] == path.name]
        worst = max(mine)
        outcomes = sorted({r[4] for r in mine})
        print(f"#   {path.name:34} {path.stat().st_size:>10} bytes  {worst[0]:6.3f} s "
              f"{max(r[1] for r in mine):5.0f} MB  {', '.join(outcomes)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
