#!/usr/bin/env python3
"""Apply reviewed label corrections to the corpus: JSON lines of
``{"id": THREAD_ID, "field": FIELD, "old": OLD, "new": NEW, "why": "..."}``.

A correction applies only when the thread's current value still equals ``old`` (so a
correction never overwrites a later edit); each applied or skipped line is printed.

    python data/tools/apply_gold_fixes.py FIXES.jsonl [...] [--dry-run]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "hand"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("fixes", nargs="+")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    fixes: dict[str, list[dict]] = {}
    for f in args.fixes:
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            if line.strip():
                fix = json.loads(line)
                fixes.setdefault(fix["id"], []).append(fix)
    applied = skipped = 0
    for path in sorted(CORPUS.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        changed = False
        for i, line in enumerate(lines):
            thread = json.loads(line)
            for fix in fixes.pop(thread["id"], []):
                where = thread if fix["field"] in ("grade", "fraud", "fraud_signals", "signals") else thread["fields"]
                if "old" in fix and where.get(fix["field"]) != fix["old"]:
                    print(f"skip  {thread['id']} {fix['field']}: current value differs from 'old'")
                    skipped += 1
                    continue
                where[fix["field"]] = fix["new"]
                print(f"apply {thread['id']} {fix['field']}: {fix.get('why', '')[:100]}")
                applied += 1
                changed = True
            lines[i] = json.dumps(thread, ensure_ascii=False)
        if changed and not args.dry_run:
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for tid in fixes:
        print(f"skip  {tid}: no such thread")
        skipped += 1
    print(f"{applied} applied, {skipped} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
