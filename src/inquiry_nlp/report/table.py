"""A readable terminal table: one line per thread, fraud first, then by grade."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TextIO

from ..mail.message import ErrorRecord
from ..result import ThreadResult


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _fit(s: str, width: int) -> str:
    s = " ".join((s or "").split())
    out, w = [], 0
    for c in s:
        cw = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if w + cw > width - (1 if _width(s) > width else 0):
            out.append("…")
            w += 1
            break
        out.append(c)
        w += cw
    return "".join(out) + " " * (width - w)


def write_table(records: Iterable[ThreadResult | ErrorRecord], out: TextIO) -> int:
    rows = list(records)
    threads = [r for r in rows if isinstance(r, ThreadResult)]
    errors = [r for r in rows if isinstance(r, ErrorRecord)]
    threads.sort(key=lambda r: (not r.fraud.suspected, r.grade or 9))
    out.write(f"{'grade':<6}{'fraud':<7}{'lang':<8}{'msgs':>4}  {_fit('customer', 34)}  subject\n")
    for r in threads:
        grade = str(r.grade) if r.grade is not None else "-"
        fraud = "YES" if r.fraud.suspected else ("no" if r.fraud.suspected is False else "-")
        who = r.customer_name or ""
        who = f"{who} <{r.customer_address}>" if who and r.customer_address else (r.customer_address or who)
        out.write(f"{grade:<6}{fraud:<7}{(r.lang or '?'):<8}{len(r.message_ids):>4}  {_fit(who, 34)}  "
                  f"{_fit(r.subject, 60).rstrip()}\n")
    for e in errors:
        out.write(f"ERROR {e.kind} {e.source}#{e.index}: {e.detail}\n")
    return len(rows)
