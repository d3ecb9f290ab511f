#!/usr/bin/env python3
"""Latency of the mail-server paths: the library, ``filter --connect`` and the cold filter.

Messages: every message of data/sample/inbox.mbox and a slice of ../shared/data/real
(trec06c ham and spam in GB2312/GBK, SpamAssassin, phishing), each classified on its own as a
mail filter sees it. Prints, for each path, wall-clock and CPU figures and the targets of
issue 6; the machine may be shared, so CPU time (``time.process_time`` in-process, the
children's user+sys for subprocesses) is the steadier figure.

- library: ``Classifier.classify(raw)`` with the model loaded, p50 / p99 per message;
- ``inquiry-nlp filter --connect`` against a running ``inquiry-nlp serve``, per message,
  process start included (wall p50; CPU of the filter process alone);
- ``inquiry-nlp filter`` in-process, cold start (loads the model), wall and CPU.

    python benchmarks/bench_api.py                 # 200 library messages, 30 filter runs, 3 cold starts
    python benchmarks/bench_api.py --messages 500 --connect-runs 50 --cold-runs 5
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("INQUIRY_NLP_SHARED", ROOT.parent / "shared"))
TARGETS = {"library p50": 10.0, "library p99": 50.0, "filter --connect p50": 80.0,
           "cold start, English": 2500.0, "cold start, Chinese": 2500.0}


def messages(limit: int) -> list[bytes]:
    """Sample inbox first, then real mail, interleaved by source."""
    from inquiry_nlp.mail.sources import iter_raw

    out = [r.data for r in iter_raw([str(ROOT / "data" / "sample" / "inbox.mbox")])]
    real = SHARED / "data" / "real"
    sources = [sorted((real / "trec06c" / "ham").glob("*.eml")), sorted((real / "trec06c" / "spam").glob("*.eml")),
               sorted((real / "spamassassin" / "ham").iterdir()) if (real / "spamassassin" / "ham").exists() else [],
               sorted((real / "spamassassin" / "spam").iterdir())]
    for i in range(max(map(len, sources), default=0)):
        for s in sources:
            if i < len(s) and s[i].is_file():
                out.append(s[i].read_bytes())
    return out[:limit]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def line(name: str, value_ms: float, extra: str = "") -> str:
    target = TARGETS.get(name)
    verdict = "" if target is None else f"  (target <= {target:g} ms: {'met' if value_ms <= target else 'NOT met'})"
    return f"  {name:<24} {value_ms:8.1f} ms{verdict}{extra}"


def bench_library(mails: list[bytes]) -> None:
    from inquiry_nlp import Classifier

    t0 = time.perf_counter()
    clf = Classifier.load()
    print(f"library: Classifier.load() {time.perf_counter() - t0:.2f} s; {len(mails)} messages, one call each")
    wall, cpu = [], []
    for m in mails:
        w, c = time.perf_counter(), time.process_time()
        try:
            clf.classify(m)
        except Exception:  # noqa: BLE001 - unreadable input still costs its time
            pass
        wall.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    print(line("library p50", pct(wall, 50), f"   cpu p50 {pct(cpu, 50):.1f} ms"))
    print(line("library p99", pct(wall, 99), f"   cpu p99 {pct(cpu, 99):.1f} ms, max wall {max(wall):.0f} ms"))
    print(f"  {'library mean':<24} {statistics.mean(wall):8.1f} ms   cpu mean {statistics.mean(cpu):.1f} ms")


def child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_timed(cmd: list[str], data: bytes) -> tuple[float, float, bytes]:
    """(wall ms, cpu ms of the child, stdout)."""
    c = child_cpu()
    w = time.perf_counter()
    out = subprocess.run(cmd, input=data, capture_output=True, check=True).stdout
    return (time.perf_counter() - w) * 1000, (child_cpu() - c) * 1000, out


def bench_connect(mails: list[bytes], runs: int) -> None:
    exe = [str(Path(sys.executable).with_name("inquiry-nlp"))]
    if not Path(exe[0]).exists():
        exe = [sys.executable, "-m", "inquiry_nlp"]
    with tempfile.TemporaryDirectory(prefix="inqb", dir="/tmp") as d:
        sock = f"{d}/b.sock"
        daemon = subprocess.Popen(exe + ["serve", "--socket", sock], stderr=subprocess.PIPE, text=True)
        try:
            ready = daemon.stderr.readline().strip()
            print(f"filter --connect: {ready}")
            wall, cpu = [], []
            for m in (mails * (runs // max(1, len(mails)) + 1))[:runs]:
                w, c, out = run_timed(exe + ["filter", "--connect", sock], m)
                assert b"X-Inquiry-" in out or not re.match(rb"[!-9;-~]+:", m), "no header added"
                wall.append(w)
                cpu.append(c)
            base_w, base_c, _ = run_timed([sys.executable, "-c", "pass"], b"")
            print(line("filter --connect p50", pct(wall, 50),
                       f"   p90 {pct(wall, 90):.0f} ms; filter process cpu p50 {pct(cpu, 50):.0f} ms "
                       f"(bare python start: {base_w:.0f} ms wall, {base_c:.0f} ms cpu)"))
        finally:
            daemon.terminate()
            daemon.wait(20)


def bench_cold(mail: bytes, runs: int, lang: str) -> None:
    exe = [sys.executable, "-m", "inquiry_nlp", "filter"]
    wall, cpu = [], []
    for _ in range(runs):
        w, c, _ = run_timed(exe, mail)
        wall.append(w)
        cpu.append(c)
    print(f"filter in-process (cold: start, load the model, grade one {lang} message), {runs} runs:")
    print(line(f"cold start, {lang}", statistics.median(wall), f"   cpu {statistics.median(cpu):.0f} ms"))
    out = subprocess.run([sys.executable, "-c", _BREAKDOWN], input=mail, capture_output=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")}).stdout.decode().strip()
    print(f"  where the cold start goes: {out}")


# What `inquiry-nlp filter` does, step by step, in CPU time of one fresh process: the
# message's own lazy initialisation (product lexicon, rule patterns; jieba only for Chinese
# text) is in "first message"; jieba's dictionary is then loaded apart, as a Chinese message
# would need it.
_BREAKDOWN = """
import sys, time
data = sys.stdin.buffer.read()
t = [time.process_time()]
from inquiry_nlp.api import Classifier
from inquiry_nlp.filter import local_grader
t.append(time.process_time())
from inquiry_nlp.rules import load_rules
rules = load_rules()
t.append(time.process_time())
from inquiry_nlp.model.store import load
model = load()
t.append(time.process_time())
Classifier(model, rules).record(data)
t.append(time.process_time())
from inquiry_nlp.text.segment import jieba_tokenizer
jieba = "jieba" in sys.modules and sys.modules["jieba"].dt.initialized
jieba_tokenizer()
t.append(time.process_time())
ms = [round((b - a) * 1000) for a, b in zip(t, t[1:])]
print(f"imports {ms[0]} ms, rules {ms[1]} ms, model load {ms[2]} ms, first message {ms[3]} ms (cpu); "
      f"jieba dictionary {'(loaded by that message) ' if jieba else ''}{ms[4]} ms more for Chinese mail")
"""


def compile_bytecode() -> str:
    """Write the package's .pyc files, as ``pip install`` does: an editable install under
    PYTHONDONTWRITEBYTECODE=1 (set on some machines) otherwise compiles every module from
    source at each start, which a mail server's installed copy never does."""
    import compileall
    import inquiry_nlp

    pkg = Path(inquiry_nlp.__file__).parent
    ok = compileall.compile_dir(str(pkg), quiet=1)
    return f"{pkg} compiled ({'ok' if ok else 'with errors'}; PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--messages", type=int, default=200)
    ap.add_argument("--connect-runs", type=int, default=30)
    ap.add_argument("--cold-runs", type=int, default=3)
    args = ap.parse_args()
    compiled = compile_bytecode()
    print(f"bytecode: {compiled}")
    mails = messages(args.messages)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    bench_library(mails)
    bench_connect(mails, args.connect_runs)
    bench_cold(mails[1], args.cold_runs, "English")
    bench_cold(first_chinese(mails), args.cold_runs, "Chinese")


def first_chinese(mails: list[bytes]) -> bytes:
    """The first sample message in Chinese (jieba's dictionary is loaded for it)."""
    from inquiry_nlp.mail import read_raw
    from inquiry_nlp.mail.sources import RawMail

    for i, raw in enumerate(mails):
        m = read_raw(RawMail("bench", i, raw))
        if sum("\u4e00" <= ch <= "\u9fff" for ch in getattr(m, "new_text", "")[:400]) > 20:
            return raw
    raise SystemExit("no Chinese message among the benchmark's mails")


if __name__ == "__main__":
    main()
