#!/usr/bin/env python3
"""Throughput of ``--engine dask`` on a local 2-worker cluster next to ``--engine local
--workers 2`` on the same dump (the dump of bench_classify.py, cached under
benchmarks/.cache/), as a user runs them: the whole command, cluster start included.

Prints messages/s of each, their ratio (target >= 0.8 on one box: a distributed engine
earns its keep across machines), and the peak RSS of the main process and of each worker
process (from /proc, Linux).

    python benchmarks/bench_dask.py                  # 3,000 messages
    python benchmarks/bench_dask.py --messages 20000
    python benchmarks/bench_dask.py --dump ../shared/data/real/nazario/phishing0.mbox
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_classify import build, run  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=3000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--dump", type=Path, help="an mbox to use instead of the built dump")
    args = ap.parse_args()
    dump = args.dump or build(args.messages)
    print(f"dump: {dump} ({dump.stat().st_size / 1e6:.0f} MB)")
    rates = {}
    for engine in ("local", "dask"):
        r = run(dump, args.workers, ["--engine", engine])
        rates[engine] = r["messages"] / r["wall"]
        print(f"--engine {engine} --workers {args.workers}: {r['messages']} messages, {r['threads']} threads in "
              f"{r['wall']:.1f} s -> {rates[engine]:.0f} messages/s; peak RSS main {r['main_mb']:.0f} MB, "
              f"per worker {r['worker_mb']:.0f} MB")
    print(f"dask / local: {rates['dask'] / rates['local']:.2f} (target >= 0.8)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
