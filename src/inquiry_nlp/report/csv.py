"""CSV: one row per thread with the key fields flattened, for spreadsheets and for an
analyst's label corrections (edit ``grade`` / ``fraud``, keep ``thread_id``; then
``inquiry-nlp train --labels corrected.csv --mail SAME_MAIL``)."""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from ..mail.message import ErrorRecord
from ..result import ThreadResult

COLUMNS = [
    "thread_id", "grade", "fraud", "fraud_score", "p1", "p2", "p3", "p4", "lang", "customer_address",
    "customer_name", "subject", "messages", "company", "person", "emails", "phones", "fax", "im", "quantities",
    "deadline", "prices", "products", "specs", "signals", "fraud_signals", "reason", "error",
]


def _join(values) -> str:
    return "; ".join(str(v) for v in values if v not in (None, ""))


def row(r: ThreadResult | ErrorRecord) -> dict[str, object]:
    if isinstance(r, ErrorRecord):
        return {"thread_id": (r.message_ids or [""])[0], "error": f"{r.kind}: {r.detail} ({r.source} #{r.index})"}
    f = r.fields
    probs = r.grade_probabilities or {}
    return {
        "thread_id": r.thread_id,
        "grade": r.grade if r.grade is not None else "",
        "fraud": "yes" if r.fraud.suspected else "no",
        "fraud_score": r.fraud.score if r.fraud.score is not None else "",
        **{f"p{g}": probs.get(str(g), "") for g in (1, 2, 3, 4)},
        "lang": r.lang or "",
        "customer_address": r.customer_address or "",
        "customer_name": r.customer_name or "",
        "subject": r.subject,
        "messages": len(r.message_ids),
        "company": f.company or "",
        "person": f.person or "",
        "emails": _join(f.emails),
        "phones": _join(f.phones),
        "fax": _join(f.fax),
        "im": _join(f"{i['type']}:{i['id']}" for i in f.im),
        "quantities": _join(q["text"] for q in f.quantities),
        "deadline": (f.deadline or {}).get("date") or (f.deadline or {}).get("text") or "",
        "prices": _join(p["text"] for p in f.prices),
        "products": _join(f.products),
        "specs": _join(f.specs),
        "signals": _join(h.code for h in r.signals),
        "fraud_signals": _join(h.code for h in r.fraud.signals),
        "reason": r.reasons[0] if r.reasons else "",
        "error": "",
    }


def write_csv(records: Iterable[ThreadResult | ErrorRecord], out: TextIO, header: bool = True) -> int:
    """Write one row per record (``header=False`` when appending to a resumed file)."""
    w = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    if header:
        w.writeheader()
    n = 0
    for r in records:
        w.writerow(row(r))
        n += 1
    return n
