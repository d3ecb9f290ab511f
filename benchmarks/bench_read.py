#!/usr/bin/env python3
"""Reading + cleaning throughput on the real public corpora (one core).

Reads ../shared/data/real (Chinese GB mail, charset traps, SpamAssassin, the phishing mbox)
end to end — splitting the dump, MIME and charset decoding, HTML to text, quote/signature
split — and prints messages per second per corpus and overall. The first pass warms
imports and caches and is reported apart; the figure is the best of the timed passes.

    python benchmarks/bench_read.py [--passes 5] [--shared ../shared]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from inquiry_nlp.mail import iter_messages  # noqa: E402

TARGET = 1000.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passes", type=int, default=5)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    real = Path(args.shared) / "data" / "real"
    corpora = {
        "trec06c (GB2312/GBK)": [real / "trec06c" / "ham", real / "trec06c" / "spam"],
        "charset traps": [real / "trec06c" / "charset_traps"],
        "spamassassin": [real / "spamassassin" / "ham", real / "spamassassin" / "spam"],
        "nazario phishing (HTML)": [real / "nazario" / "phishing0.mbox"],
    }
    missing = [str(p) for ps in corpora.values() for p in ps if not p.exists()]
    if missing:
        print(f"missing corpora: {missing}; pass --shared PATH", file=sys.stderr)
        return 2
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    except (AttributeError, OSError):
        pass
    t0 = time.perf_counter()
    n_first = sum(1 for _ in iter_messages([str(p) for ps in corpora.values() for p in ps]))
    print(f"first pass (imports, caches): {n_first} messages in {time.perf_counter() - t0:.2f} s")
    total_n = 0
    total_t = 0.0
    total_wall = 0.0
    print(f"{'corpus':<26}{'messages':>9}{'cpu s':>9}{'msg/s':>9}{'wall msg/s':>10}")
    for name, paths in corpora.items():
        best = float("inf")
        best_wall = float("inf")
        n = 0
        for _ in range(args.passes):
            t, w = time.process_time(), time.perf_counter()
            n = sum(1 for _ in iter_messages([str(p) for p in paths]))
            best = min(best, time.process_time() - t)
            best_wall = min(best_wall, time.perf_counter() - w)
        total_n += n
        total_t += best
        total_wall += best_wall
        print(f"{name:<26}{n:>9}{best:>9.3f}{n / best:>9.0f}{n / best_wall:>10.0f}")
    rate = total_n / total_t
    print(f"{'all real corpora':<26}{total_n:>9}{total_t:>9.3f}{rate:>9.0f}{total_n / total_wall:>10.0f}")
    print(f"reading + cleaning: {rate:.0f} messages/s on one core (target >= {TARGET:.0f}): "
          f"{'met' if rate >= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
