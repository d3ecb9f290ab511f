"""Signals: the spec's fraud and supporting signals, as named rules with evidence.

Keyword and pattern rules live in TOML files (``default.toml`` here; an analyst adds or
overrides rules with ``--rules my_rules.toml``); rules that need structure (links,
attachments, the thread's timing, the extracted fields) are small functions in
:mod:`.signals`, registered with :func:`rule`. :func:`evaluate` runs them all on a thread.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..extract import Extraction
from ..mail import Thread
from ..text.normalize import for_matching
from .engine import (FRAUD_SIGNALS, SIGNALS, SUPPORT_SIGNALS, Check, Hit, Rule, RuleFileError, RuleSet, checks_of,
                     clip, load_rules, rule)

__all__ = ["FRAUD_SIGNALS", "SIGNALS", "SUPPORT_SIGNALS", "Hit", "Rule", "RuleFileError", "RuleSet", "Signals",
           "ThreadView", "evaluate", "load_rules", "rule"]

_CLAUSE_END = re.compile(r"[。！？!?\n；;]")


@dataclass
class ThreadView:
    """What a rule sees: the thread, its extraction, the settings, and the hits so far."""

    thread: Thread
    extraction: Extraction
    settings: dict
    hits: dict[str, Hit] = field(default_factory=dict)
    _normalised: dict[str, str] = field(default_factory=dict, repr=False)
    _lowered: dict[str, str] = field(default_factory=dict, repr=False)
    _customer: list[tuple[str, str, str]] | None = field(default=None, repr=False)
    _customer_low: str | None = field(default=None, repr=False)

    def _norm(self, text: str) -> str:
        """Normalised text, computed once per thread for all the rules that read it."""
        out = self._normalised.get(text)
        if out is None:
            out = self._normalised[text] = for_matching(text)
        return out

    def has(self, code: str) -> bool:
        return code in self.hits

    @property
    def fields(self):
        return self.extraction.fields

    def customer_texts(self, first_only: bool = False):
        """(message_id, original text, normalised text) of each customer message."""
        out = self._customer
        if out is None:
            n = self._scan_chars()
            out = self._customer = [(mf.message_id, mf.ctx.text[:n], (mf.ctx.plain or mf.ctx.norm)[:n])
                                    for mf in self.extraction.per_message]
        return out[:1] if first_only else out

    def _scan_chars(self) -> int | None:
        """How much of each message pattern rules read (setting ``scan_chars``, as
        SpamAssassin's body_part_scan_size): a 15 KB newsletter would otherwise cost a mail
        filter 100 ms; inquiries are far shorter."""
        return int(self.settings.get("scan_chars") or 0) or None

    def _lower(self, norm: str) -> str:
        low = self._lowered.get(norm)
        if low is None:
            low = self._lowered[norm] = norm.lower()
        return low

    def _match(self, checks: list[Check], norm: str) -> re.Match[str] | None:
        """The first regex of ``checks`` (in order) that matches ``norm``; a regex is not run
        on a text that lacks every string its matches need (see engine.needles)."""
        low = None
        for rx, need in checks:
            if need is not None:
                if low is None:
                    low = self._lower(norm)
                if not any(map(low.__contains__, need)):
                    continue
            m = rx.search(norm)
            if m:
                return m
        return None

    def _customer_may_match(self, checks: list[Check]) -> bool:
        """False when no customer text can match any of ``checks``: one needle test on all
        the customer's texts together instead of one per message."""
        joined = self._customer_low
        if joined is None:
            joined = self._customer_low = "\n".join(self._lower(norm) for _, _, norm in self.customer_texts())
        for _, need in checks:
            if need is None or any(map(joined.__contains__, need)):
                return True
        return False

    def search(self, regex: re.Pattern[str] | list[re.Pattern[str]], scope: str = "customer",
               first_only: bool = False) -> tuple[str, str | None] | None:
        """The first match of ``regex`` (or of the first of a list of regexes that matches a
        text) in the scope, as (evidence clause, message id)."""
        return self.find(checks_of(regex), scope, first_only)

    def find(self, checks: list[Check], scope: str = "customer",
             first_only: bool = False) -> tuple[str, str | None] | None:
        """:meth:`search` with the regexes' needles already worked out (``Rule.checks``)."""
        if scope == "subject":
            for m in self.thread.customer_messages[: 1 if first_only else None]:
                if self._match(checks, self._norm(m.subject)):
                    return clip(m.subject), m.message_id
            return None
        if scope == "thread":
            for m in self.thread.messages:
                text = (m.subject + "\n" + m.new_text)[:self._scan_chars()]
                mt = self._match(checks, self._norm(text))
                if mt:
                    return _clause(text, mt.start(), mt.end()), m.message_id
            return None
        texts = self.customer_texts(first_only)
        if len(texts) > 1 and not self._customer_may_match(checks):
            return None
        for mid, text, norm in texts:
            mt = self._match(checks, norm)
            if mt:
                return _clause(text, mt.start(), mt.end()), mid
        return None


def _clause(text: str, start: int, end: int, limit: int = 80) -> str:
    """The clause around a match: what a salesperson needs to see why it fired."""
    left = start
    floor = max(0, start - limit // 2)
    while left > floor and not _CLAUSE_END.match(text[left - 1]):
        left -= 1
    right = end
    ceiling = min(len(text), end + limit // 2)
    while right < ceiling and not _CLAUSE_END.match(text[right]):
        right += 1
    return clip(text[left:right].strip(" ,，、"))


@dataclass
class Signals:
    """Every rule that fired on a thread, and the first hit of each signal code."""

    hits: list[Hit]
    by_code: dict[str, Hit]
    fraud_score: float

    def fraud(self) -> list[Hit]:
        return [self.by_code[c] for c in FRAUD_SIGNALS if c in self.by_code]

    def support(self) -> list[Hit]:
        return [self.by_code[c] for c in SUPPORT_SIGNALS if c in self.by_code]


def evaluate(thread: Thread, extraction: Extraction, ruleset: RuleSet) -> Signals:
    """Run every active rule on a thread: rules with ``unless`` run last, after the signals
    they depend on are known; pattern rules run before code rules."""
    view = ThreadView(thread, extraction, ruleset.settings)
    hits: list[Hit] = []
    ordered = sorted(ruleset.active(), key=lambda r: (bool(r.unless), r.func is not None))
    for r in ordered:
        if any(view.has(c) for c in r.unless):
            continue
        hit = _run(r, view)
        if hit is None:
            continue
        hits.append(hit)
        view.hits.setdefault(hit.code, hit)
    fraud_total = sum(h.score for h in hits if h.code in FRAUD_SIGNALS and h.score > 0)
    scale = float(ruleset.setting("fraud_score_scale", 3.0))
    return Signals(hits, dict(view.hits), round(1.0 - math.exp(-fraud_total / scale), 3))


def _run(r: Rule, view: ThreadView) -> Hit | None:
    if r.func is not None:
        out = r.func(view)
        if out is None or out is False:
            return None
        if isinstance(out, Hit):
            return out
        evidence, mid = (out, None) if isinstance(out, str) else out
        return Hit(r.signal, r.name, r.score, clip(str(evidence)), mid)
    if not (r.patterns or r.keywords):
        return None
    found = view.find(r.checks, r.scope, r.first_message_only)
    if not found:
        return None
    return Hit(r.signal, r.name, r.score, found[0], found[1])
