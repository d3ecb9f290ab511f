#!/usr/bin/env python3
"""Check labelled-thread files (data/README.md format) and print their counts.

Usage: python data/tools/check_corpus.py data/corpus/hand/*.jsonl [--quiet]

Exit status 1 when any thread breaks the format; every problem is printed with the file,
line and thread id, so it can be fixed by hand.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

GRADES = {1, 2, 3, 4}
LANGS = {"zh-Hans", "zh-Hant", "en", "mixed"}
FRAUD = {
    "huge_order_no_detail", "unusual_request", "samples_upfront", "visit_pressure", "fee_request",
    "unverifiable_identity", "template_format", "phishing_link", "risky_attachment", "payment_anomaly",
}
SIGNALS = {
    "product_named", "specs_given", "quantity_given", "deadline_given", "purpose_given",
    "price_request", "price_only", "detail_interest", "contact_complete", "decision_maker",
    "decision_process", "budget_given", "recurring_need", "switching_supplier", "order_placed",
    "visited", "local", "accepts_logistics", "engaged_thread", "vague", "irregular_writing",
    "responsive",
}
IM_TYPES = {"wechat", "whatsapp", "skype", "qq", "telegram", "line"}
FIELD_KEYS = {"quantities", "deadline", "emails", "phones", "fax", "company", "person", "im",
              "prices", "specs", "products"}
E164 = re.compile(r"^\+[1-9]\d{6,14}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[a-z]{2,}$")
MSGID = re.compile(r"^<[^<>\s]+@[^<>\s]+>$")


def problems(t: dict) -> list[str]:
    out: list[str] = []
    req = ["id", "origin", "lang", "industry", "own", "grade", "fraud", "fraud_signals", "signals",
           "fields", "why", "messages"]
    for k in req:
        if k not in t:
            out.append(f"missing key {k!r}")
    if out:
        return out
    if t["grade"] not in GRADES:
        out.append(f"grade {t['grade']!r} not in 1-4")
    if t["lang"] not in LANGS:
        out.append(f"lang {t['lang']!r} not in {sorted(LANGS)}")
    if not (t["origin"] == "hand" or str(t["origin"]).startswith("variant:")):
        out.append("origin must be 'hand' or 'variant:<id>'")
    if t["fraud"] and t["grade"] != 4:
        out.append("a fraud thread must be grade 4")
    if t["fraud"] and not t["fraud_signals"]:
        out.append("fraud thread without fraud_signals")
    for c in t["fraud_signals"]:
        if c not in FRAUD:
            out.append(f"unknown fraud signal {c!r}")
    for c in t["signals"]:
        if c not in SIGNALS:
            out.append(f"unknown signal {c!r}")
    f = t["fields"]
    if set(f) != FIELD_KEYS:
        out.append(f"fields keys differ: missing {sorted(FIELD_KEYS - set(f))}, extra {sorted(set(f) - FIELD_KEYS)}")
    for q in f.get("quantities") or []:
        if not isinstance(q.get("value"), (int, float)) or not q.get("unit") or not q.get("text"):
            out.append(f"bad quantity {q!r}")
    d = f.get("deadline")
    if d is not None:
        if not isinstance(d, dict) or "date" not in d or not d.get("text"):
            out.append(f"bad deadline {d!r}")
        elif d["date"] is not None and not ISO_DATE.match(str(d["date"])):
            out.append(f"deadline date not ISO: {d['date']!r}")
    for e in f.get("emails") or []:
        if not EMAIL.match(e) or e != e.lower():
            out.append(f"bad email {e!r} (lower-case addr@domain)")
    for p in (f.get("phones") or []) + (f.get("fax") or []):
        if not E164.match(str(p)):
            out.append(f"phone not E.164: {p!r}")
    for i in f.get("im") or []:
        if i.get("type") not in IM_TYPES or not i.get("id"):
            out.append(f"bad im {i!r}")
    for p in f.get("prices") or []:
        if not isinstance(p.get("amount"), (int, float)) or not CURRENCY.match(str(p.get("currency"))) or not p.get("text"):
            out.append(f"bad price {p!r}")
    for k in ("specs", "products"):
        if not isinstance(f.get(k), list):
            out.append(f"{k} must be a list")
    msgs = t["messages"]
    if not msgs:
        out.append("no messages")
    ids = set()
    prev = None
    for n, m in enumerate(msgs):
        for k in ("message_id", "from", "to", "date", "subject", "body"):
            if k not in m:
                out.append(f"message {n}: missing {k!r}")
        mid = m.get("message_id", "")
        if not MSGID.match(mid):
            out.append(f"message {n}: bad message_id {mid!r}")
        if mid in ids:
            out.append(f"message {n}: duplicate message_id")
        ids.add(mid)
        irt = m.get("in_reply_to")
        if irt and irt not in ids:
            out.append(f"message {n}: in_reply_to {irt!r} is not an earlier message of the thread")
        try:
            when = datetime.fromisoformat(m.get("date", ""))
            if when.tzinfo is None:
                out.append(f"message {n}: date without UTC offset")
            elif prev and when < prev:
                out.append(f"message {n}: dates not in order")
            prev = when if when.tzinfo else prev
        except ValueError:
            out.append(f"message {n}: date not ISO 8601: {m.get('date')!r}")
        if not (m.get("body") or m.get("html")):
            out.append(f"message {n}: neither body nor html")
    if n_customer(t) == 0:
        out.append("no message from the customer (every message is from the own domain)")
    return out


def n_customer(t: dict) -> int:
    own = t["own"].lower()
    return sum(1 for m in t["messages"] if own not in m.get("from", "").lower())


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    paths = [Path(a) for a in argv if a != "--quiet"]
    seen_ids: dict[str, str] = {}
    seen_msgids: dict[str, str] = {}
    threads = []
    bad = 0
    for path in paths:
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                t = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{where}: not JSON: {exc}")
                bad += 1
                continue
            probs = problems(t)
            tid = t.get("id", "?")
            if tid in seen_ids:
                probs.append(f"id also at {seen_ids[tid]}")
            seen_ids[tid] = where
            for m in t.get("messages", []):
                mid = m.get("message_id")
                if mid in seen_msgids and seen_msgids[mid] != where:
                    probs.append(f"message_id {mid} also at {seen_msgids[mid]}")
                seen_msgids[mid] = where
            for p in probs:
                print(f"{where} [{tid}]: {p}")
            bad += bool(probs)
            threads.append(t)
    n = len(threads)
    if not quiet and n:
        def show(title, counter):
            print(f"{title}: " + ", ".join(f"{k}={v} ({v / n:.0%})" for k, v in sorted(counter.items(), key=str)))
        print(f"threads: {n}, messages: {sum(len(t.get('messages', [])) for t in threads)}, with problems: {bad}")
        show("grade", Counter(t.get("grade") for t in threads))
        show("lang", Counter(t.get("lang") for t in threads))
        show("fraud", Counter(bool(t.get("fraud")) for t in threads))
        show("origin", Counter("hand" if t.get("origin") == "hand" else "variant" for t in threads))
        show("messages per thread", Counter(min(len(t.get("messages", [])), 6) for t in threads))
        print("fraud signals: " + ", ".join(f"{k}={v}" for k, v in Counter(
            c for t in threads for c in t.get("fraud_signals", [])).most_common()))
        print("industries: " + ", ".join(f"{k}={v}" for k, v in Counter(
            t.get("industry") for t in threads).most_common()))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
