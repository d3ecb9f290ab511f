#!/usr/bin/env python3
"""Apply the labelling conventions of docs/labelling.md mechanically, in place.

Batches written by different people drifted on a few mechanical points; this makes them
agree without touching any judgement (grades, fraud, signals are never changed):

- a WhatsApp or Telegram number in ``im`` is a phone number too: it is added to ``phones``;
- emails are lower-cased and de-duplicated; phones de-duplicated;
- Telegram/LINE ids keep their leading '@' only when written with it (left as labelled).

Usage: python data/tools/normalise_labels.py data/corpus/hand/*.jsonl   (prints what changed)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def normalise(t: dict) -> list[str]:
    changes = []
    f = t["fields"]
    for im in f.get("im") or []:
        if im.get("type") in ("whatsapp", "telegram") and str(im.get("id", "")).startswith("+"):
            if im["id"] not in f["phones"]:
                f["phones"].append(im["id"])
                changes.append(f"phones += {im['id']} (from {im['type']})")
    emails = list(dict.fromkeys(e.lower() for e in f.get("emails") or []))
    if emails != f.get("emails"):
        f["emails"] = emails
        changes.append("emails lower-cased/de-duplicated")
    phones = list(dict.fromkeys(f.get("phones") or []))
    if phones != f.get("phones"):
        f["phones"] = phones
        changes.append("phones de-duplicated")
    return changes


def main(argv: list[str]) -> int:
    for name in argv:
        path = Path(name)
        lines = path.read_text(encoding="utf-8").splitlines()
        out = []
        n = 0
        for line in lines:
            if not line.strip():
                continue
            t = json.loads(line)
            changes = normalise(t)
            if changes:
                n += 1
                print(f"{path.name} {t['id']}: " + "; ".join(changes))
            out.append(json.dumps(t, ensure_ascii=False))
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"{path}: {n} threads changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
