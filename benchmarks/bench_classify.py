#!/usr/bin/env python3
"""End-to-end classify throughput on a large dump: reading, extraction, grading, writing.

Builds (once, cached under benchmarks/.cache/) a chronological mbox of >= 50,000 messages from
the labelled corpus in data/corpus/hand (rendered as real MIME by data/tools/render_mbox.py)
and the real public mail of ../shared/data/real, repeated with fresh Message-IDs and dates
1,100 days earlier for each copy, Date headers included, so the dump is in date order as
archives are (attachments rendered at most 200 KB each: attachments are never decoded, only
their bytes are read, and the corpus holds 770 MB of them per copy). Then runs ``inquiry-nlp classify DUMP --format jsonl`` as a user would,
once per worker count, and prints for each:

- messages/s and threads/s (wall clock, the whole command, cold start included);
- the time from process start to the first record on standard output;
- peak RSS of the main process and of each worker process (from /proc, Linux).

    python benchmarks/bench_classify.py                    # 50,000 messages, 1 and all-cores workers
    python benchmarks/bench_classify.py --messages 5000 --workers 1 2

Targets (issue 5): >= 500 messages/s with 1 worker; >= 1.8x that with 2; peak RSS <= 500 MB
per worker; first record <= 2 s.
"""
from __future__ import annotations

import argparse
import email.utils
import json
import os
import re
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("INQUIRY_NLP_SHARED", ROOT.parent / "shared"))
CACHE = ROOT / "benchmarks" / ".cache"
sys.path.insert(0, str(ROOT / "data" / "tools"))

ATTACHMENT_CAP = 200_000  # bytes per rendered attachment: the corpus holds 770 MB of videos and zips per copy
_MSGID = re.compile(rb"^(Message-ID|In-Reply-To|References):(.*(?:\n[ \t].*)*)", re.I | re.M)
_ANGLE = re.compile(rb"<([^<>@\s]+)@")


def corpus_messages(copy: int) -> list[tuple[float, bytes]]:
    """Every corpus message rendered as MIME, ids made unique and dates moved back per copy."""
    from render_mbox import RenderError, ancestors_of, render

    out = []
    shift = timedelta(days=1100 * copy)
    for path in sorted((ROOT / "data" / "corpus" / "hand").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            thread = json.loads(line)
            for m in thread["messages"]:
                m["message_id"] = _tag(m["message_id"], copy)
                if m.get("in_reply_to"):
                    m["in_reply_to"] = _tag(m["in_reply_to"], copy)
                when = datetime.fromisoformat(m["date"]) - shift
                m["date"] = when.isoformat()
            for m in thread["messages"]:
                for a in m.get("attachments") or []:
                    a["size"] = min(a["size"], ATTACHMENT_CAP)
            anc = ancestors_of(thread)
            for m in thread["messages"]:
                try:
                    out.append((datetime.fromisoformat(m["date"]).timestamp(), render(m, anc[m["message_id"]])))
                except RenderError:
                    pass  # a header the renderer cannot write (e.g. a group address): not needed here
    return out


def real_messages(copy: int) -> list[tuple[float, bytes]]:
    """The real public mail (raw bytes), Message-IDs tagged per copy."""
    from inquiry_nlp.mail.sources import RawMail, iter_raw

    out = []
    for sub in ("trec06c/ham", "trec06c/spam", "spamassassin/ham", "spamassassin/spam", "nazario/phishing0.mbox"):
        path = SHARED / "data" / "real" / sub
        if not path.exists():
            continue
        for raw in iter_raw([str(path)]):
            if not isinstance(raw, RawMail):
                continue
            data = _MSGID.sub(lambda m: m.group(1) + b":" + _ANGLE.sub(
                lambda a: b"<" + a.group(1) + f".c{copy}".encode() + b"@", m.group(2)), raw.data)
            ts, data = _move_date(data, copy)
            out.append((ts, data))
    return out


_DATE = re.compile(rb"^Date:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.I | re.M)


def _move_date(data: bytes, copy: int) -> tuple[float, bytes]:
    """The message's time moved 1,100 days back per copy, its Date header rewritten to match,
    so the dump stays in date order as a real archive is (undated mail keeps its place: 0)."""
    head_end = data.find(b"\n\n")
    head = data[:head_end if head_end >= 0 else len(data)]
    found = _DATE.search(head)
    if not found:
        return 0.0, data
    try:
        when = email.utils.parsedate_to_datetime(found.group(1).decode("latin-1").strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return 0.0, data
    if not copy:
        return when.timestamp(), data
    try:
        moved = when - timedelta(days=1100 * copy)
    except OverflowError:
        return 0.0, data
    line = b"Date: " + email.utils.format_datetime(moved).encode()
    return moved.timestamp(), data[:found.start()] + line + data[found.end():]


def _tag(msgid: str, copy: int) -> str:
    return msgid.replace("@", f".c{copy}@", 1) if copy else msgid


def build(n_messages: int) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"dump-{n_messages}.mbox"
    if path.exists():
        return path
    items: list[tuple[float, bytes]] = []
    copy = 0
    while len(items) < n_messages:
        items += corpus_messages(copy) + real_messages(copy)
        copy += 1
    items.sort(key=lambda x: x[0])
    with open(path, "wb") as fh:
        for _, data in items:
            fh.write(b"From bench@example.com Mon Jan  1 00:00:00 2024\n")
            fh.write(re.sub(rb"^(>*From )", rb">\1", data, flags=re.M).rstrip(b"\n") + b"\n\n")
    return path


def _tree(pid: int) -> list[int]:
    kids = []
    try:
        for t in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{t}/children") as fh:
                kids += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    return [pid] + [k for c in kids for k in _tree(c)]


def _peak_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(dump: Path, workers: int, extra: list[str] | None = None) -> dict[str, float]:
    cmd = [sys.executable, "-m", "inquiry_nlp", "classify", str(dump), "--format", "jsonl", "-q",
           "--workers", str(workers), *(extra or [])]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    peaks: dict[int, int] = {}
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            for p in _tree(proc.pid):
                peaks[p] = max(peaks.get(p, 0), _peak_kb(p))
            time.sleep(0.2)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    first = None
    threads = messages = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        if first is None:
            first = time.perf_counter() - t0
        rec = json.loads(line)
        if "error" in rec:
            messages += 1
        else:
            threads += 1
            messages += len(rec["message_ids"])
    proc.wait()
    wall = time.perf_counter() - t0
    done.set()
    watcher.join()
    main_kb = peaks.pop(proc.pid, 0)
    return {"wall": wall, "first": first or wall, "messages": messages, "threads": threads,
            "main_mb": main_kb / 1024, "worker_mb": max(peaks.values(), default=0) / 1024}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=50000)
    ap.add_argument("--workers", type=int, nargs="+", default=None, help="worker counts (default: 1 and all cores)")
    args = ap.parse_args()
    cores = len(os.sched_getaffinity(0))
    counts = args.workers or sorted({1, cores})
    t = time.perf_counter()
    dump = build(args.messages)
    print(f"dump: {dump} ({dump.stat().st_size / 1e6:.0f} MB; built or found in {time.perf_counter() - t:.0f} s); "
          f"{cores} cores")
    base = None
    for n in counts:
        r = run(dump, n)
        rate = r["messages"] / r["wall"]
        base = base or rate
        print(f"workers {n}: {r['messages']} messages, {r['threads']} threads in {r['wall']:.1f} s -> "
              f"{rate:.0f} messages/s, {r['threads'] / r['wall']:.0f} threads/s ({rate / base:.2f}x of 1 worker); "
              f"first record after {r['first']:.2f} s; peak RSS main {r['main_mb']:.0f} MB, "
              f"per worker {r['worker_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
