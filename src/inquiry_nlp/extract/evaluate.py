"""Measure extraction against labelled threads (the corpus format of data/README.md).

Threads are built from the labels' own grouping (not re-threaded), so the figures measure
extraction alone. Fields compare like ``../shared/tools/score.py``: quantities as (value,
unit), prices as (amount, currency), IM as (type, id), emails and phones exactly, the
deadline's date exactly, the company by containment of its normalised name.

    inquiry-nlp evaluate-extraction data/corpus/hand --split dev
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..corpus import load_threads, select, thread_from_labels
from . import extract_thread

SCORED = ("quantities", "emails", "phones", "fax", "im", "prices", "specs", "products")


def _norm_company(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "").lower()
    s = re.sub(r"[\s,.;:()（）·\-_'\"]+", "", s)
    for suffix in ("co.ltd", "coltd", "ltd", "inc", "llc", "gmbh", "有限公司", "股份有限公司", "公司"):
        if s.endswith(suffix):
            s = s[: -len(suffix)]
    return s


def _keys(field_name: str, values: list[Any] | None) -> list[Any]:
    out = []
    for v in values or []:
        if field_name == "quantities":
            out.append((round(float(v["value"]), 3), str(v["unit"]).lower()))
        elif field_name == "prices":
            out.append((round(float(v["amount"]), 3), str(v["currency"]).upper()))
        elif field_name == "im":
            out.append((v["type"], str(v["id"]).lower()))
        elif field_name in ("specs", "products"):
            out.append(unicodedata.normalize("NFKC", str(v)).lower().strip())
        else:
            out.append(str(v).lower())
    return out


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[tuple[str, list[Any], list[Any]]] = field(default_factory=list)

    def add(self, tid: str, gold: list[Any], pred: list[Any]) -> None:
        g, p = Counter(gold), Counter(pred)
        tp = sum((g & p).values())
        self.tp += tp
        self.fp += sum(p.values()) - tp
        self.fn += sum(g.values()) - tp
        if g != p:
            self.errors.append((tid, sorted(map(str, (g - p).elements())), sorted(map(str, (p - g).elements()))))

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Report:
    n_threads: int
    n_customer_messages: int
    fields: dict[str, FieldScore]
    deadline_ok: int
    deadline_n: int
    deadline_errors: list[tuple[str, Any, Any]]
    company_ok: int
    company_n: int
    company_errors: list[tuple[str, Any, Any]]
    signals: dict[str, FieldScore] = field(default_factory=dict)

    def lines(self, show_errors: int = 0, only: Iterable[str] = ()) -> list[str]:
        only = set(only)
        out = [f"threads: {self.n_threads}, customer messages: {self.n_customer_messages}",
               f"{'field':<12}{'precision':>10}{'recall':>8}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
        for name, s in self.fields.items():
            p, r, f = s.prf()
            out.append(f"{name:<12}{p:>10.3f}{r:>8.3f}{f:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
        dl = self.deadline_ok / self.deadline_n if self.deadline_n else 1.0
        co = self.company_ok / self.company_n if self.company_n else 1.0
        out.append(f"deadline exact date: {dl:.3f} ({self.deadline_ok}/{self.deadline_n})")
        out.append(f"company match:       {co:.3f} ({self.company_ok}/{self.company_n})")
        if self.signals:
            out.append(f"{'signal':<22}{'precision':>10}{'recall':>8}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
            for name, sc in sorted(self.signals.items()):
                p, r, f = sc.prf()
                out.append(f"{name:<22}{p:>10.3f}{r:>8.3f}{f:>7.3f}{sc.tp:>6}{sc.fp:>6}{sc.fn:>6}")
            if show_errors:
                for name, sc in sorted(self.signals.items()):
                    if only and name not in only:
                        continue
                    for tid, missed, extra in sc.errors[:show_errors]:
                        out.append(f"  {name} {tid}: {'missed' if missed else 'extra'}")
        if show_errors:
            for name, s in self.fields.items():
                if only and name not in only:
                    continue
                for tid, missed, extra in s.errors[:show_errors]:
                    out.append(f"  {name} {tid}: missed {missed} extra {extra}")
            if not only or "deadline" in only:
                for tid, g, p in self.deadline_errors[:show_errors]:
                    out.append(f"  deadline {tid}: gold {g} got {p}")
            if not only or "company" in only:
                for tid, g, p in self.company_errors[:show_errors]:
                    out.append(f"  company {tid}: gold {g!r} got {p!r}")
        return out


def evaluate(paths: Iterable[str], splits: Iterable[str] = ("dev",), rules: Iterable[str] = ()) -> Report:
    from ..rules import SIGNALS, load_rules
    from ..rules import evaluate as run_rules

    ruleset = load_rules(rules)
    sig_scores: dict[str, FieldScore] = {code: FieldScore() for code in SIGNALS}
    threads = select(load_threads(paths), splits)
    scores: dict[str, FieldScore] = defaultdict(FieldScore)
    for name in SCORED:
        scores[name] = FieldScore()
    dl_ok = dl_n = co_ok = co_n = n_cust = 0
    dl_err: list[tuple[str, Any, Any]] = []
    co_err: list[tuple[str, Any, Any]] = []
    for t in threads:
        thread = thread_from_labels(t)
        n_cust += len(thread.customer_messages)
        extraction = extract_thread(thread)
        got = extraction.fields.to_dict()
        gold = t["fields"]
        fired = set(run_rules(thread, extraction, ruleset).by_code)
        wanted = set(t.get("signals", [])) | set(t.get("fraud_signals", []))
        for code in SIGNALS:
            sig_scores[code].add(t["id"], [code] if code in wanted else [], [code] if code in fired else [])
        for name in SCORED:
            scores[name].add(t["id"], _keys(name, gold.get(name)), _keys(name, got.get(name)))
        gd = (gold.get("deadline") or {}).get("date")
        pd = (got.get("deadline") or {}).get("date")
        if gd is not None or pd is not None:
            dl_n += 1
            if gd == pd:
                dl_ok += 1
            else:
                dl_err.append((t["id"], gold.get("deadline"), got.get("deadline")))
        gc = gold.get("company")
        if gc:
            co_n += 1
            a, b = _norm_company(gc), _norm_company(got.get("company") or "")
            if b and (a in b or b in a) and min(len(a), len(b)) >= 0.6 * max(len(a), len(b)):
                co_ok += 1
            else:
                co_err.append((t["id"], gc, got.get("company")))
    return Report(len(threads), n_cust, dict(scores), dl_ok, dl_n, dl_err, co_ok, co_n, co_err, sig_scores)
