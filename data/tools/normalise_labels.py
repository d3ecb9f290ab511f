#!/usr/bin/env python3
"""Apply the labelling conventions of docs/labelling.md mechanically, in place.

Batches written by different people drifted on a few mechanical points; this makes them
agree without touching any judgement (grades, fraud, signals are never changed):

- a WhatsApp or Telegram number in ``im`` is a phone number too: it is added to ``phones``;
- emails are lower-cased and de-duplicated; phones de-duplicated;
- Telegram/LINE ids keep their leading '@' only when written with it (left as labelled);
- a quantity's unit follows the spec's table from the unit word in its text (units.toml:
  "units" → pcs; 片, 颗, 张, 组, 把… are not in the spec's table and keep the customer's word);
- the same (value, unit) listed twice in one thread is listed once (the output lists each once).

Usage: python data/tools/normalise_labels.py data/corpus/hand/*.jsonl   (prints what changed)
"""
from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_UNITS = tomllib.loads((ROOT / "src" / "inquiry_nlp" / "data" / "units.toml").read_text(encoding="utf-8"))
_WORDS: dict[str, str] = {}
for canonical, lists in _UNITS["units"].items():
    for w in lists.get("zh", []) + lists.get("en", []):
        _WORDS[w.lower()] = canonical
for w in _UNITS["keep"].get("zh", []) + _UNITS["keep"].get("en", []):
    _WORDS.setdefault(w.lower(), "=")  # keep the customer's word
_NUMBER = re.compile(r"[\d０-９][\d０-９,.，]*\s*(?:[kK万萬千]\s*)?|[零〇一二两兩三四五六七八九十百千万萬亿壹贰叁肆伍陆柒捌玖拾佰仟半]+")


def _simplified(text: str) -> str:
    try:
        import zhconv
        return zhconv.convert(text, "zh-cn")
    except ImportError:
        return text


def unit_from_text(text: str) -> tuple[str, str] | None:
    """(canonical unit or '=', the word) for the unit word right after the last number."""
    matches = list(_NUMBER.finditer(text))
    if not matches:
        return None
    tail = _simplified(text[matches[-1].end():]).strip().lower()
    for size in range(min(len(tail), 16), 0, -1):
        word = tail[:size]
        if word in _WORDS and (size == len(tail) or not (word.isascii() and tail[size].isalpha())):
            return _WORDS[word], text[matches[-1].end():].strip()[:size]
    return None


def normalise(t: dict) -> list[str]:
    changes = []
    f = t["fields"]
    for im in f.get("im") or []:
        if im.get("type") in ("whatsapp", "telegram") and str(im.get("id", "")).startswith("+"):
            if im["id"] not in f["phones"]:
                f["phones"].append(im["id"])
                changes.append(f"phones += {im['id']} (from {im['type']})")
    seen = set()
    quantities = []
    for q in f.get("quantities") or []:
        found = unit_from_text(str(q.get("text", "")))
        if found and "x" not in str(q.get("text", "")).lower() and str(q.get("unit")) != "containers":
            unit, word = found
            wanted = word if unit == "=" else unit
            gold_words = [w.lower() for w in _UNITS["units"].get(q["unit"], {}).get("zh", [])
                          + _UNITS["units"].get(q["unit"], {}).get("en", [])]
            tail = _simplified(str(q.get("text", ""))).lower()
            if any(w in tail for w in gold_words if len(w) > 1 or not w.isascii()):
                wanted = q["unit"]  # "300个平方": the labelled unit is written too
            if wanted != q["unit"] and q["unit"] in _UNITS["units"]:
                changes.append(f"quantity {q['text']!r}: unit {q['unit']} -> {wanted}")
                q["unit"] = wanted
        key = (q.get("value"), q.get("unit"))
        if key in seen:
            changes.append(f"quantity {q['text']!r} listed twice: once")
            continue
        seen.add(key)
        quantities.append(q)
    f["quantities"] = quantities
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
