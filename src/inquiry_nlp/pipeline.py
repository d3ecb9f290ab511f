"""The pipeline end to end: read → clean → extract → signals → grade → write.

Each step lives in its own module; this one only connects them, so a reader sees the flow
here and the work there.

>>> run = classify(["data/sample/inbox.mbox"], own=["hongli-fasteners.com"])
>>> first = next(run.records()).to_dict()
>>> first["subject"], first["lang"], first["fields"]["emails"]
('Re-order — same as last order, 2 x 40HQ (PO SCF-2688)', 'en', ['mark.henderson@scfixings.com.au'])
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .extract import extract_thread
from .mail import Dump, ErrorRecord, Thread, read_dump
from .result import Fraud, Hit, ThreadResult
from .rules import RuleSet, evaluate, load_rules


def thread_result(thread: Thread, ruleset: RuleSet) -> ThreadResult:
    """The record of one thread: read → clean → extract → signals (→ grade, next)."""
    extraction = extract_thread(thread)
    signals = evaluate(thread, extraction, ruleset)
    notes = sorted({n for m in thread.messages for n in m.notes if not n.startswith("no Message-ID")})
    customer = thread.customer
    threshold = float(ruleset.setting("fraud_threshold", 0.5))
    fraud_hits = [Hit(h.code, h.evidence, h.message_id) for h in signals.fraud()]
    return ThreadResult(
        thread_id=thread.thread_id,
        message_ids=thread.message_ids,
        subject=thread.subject,
        customer_address=customer.addr if customer else None,
        customer_name=(customer.name or None) if customer else None,
        lang=thread.lang,
        fraud=Fraud(suspected=signals.fraud_score >= threshold, score=signals.fraud_score, signals=fraud_hits),
        signals=[Hit(h.code, h.evidence, h.message_id) for h in signals.support()],
        fields=extraction.fields,
        reasons=[f"{h.code} ({h.rule}): {h.evidence}" for h in signals.hits],
        notes=notes,
    )


@dataclass
class Run:
    """A classification run over one dump: its records, in input order, and a summary."""

    dump: Dump
    ruleset: RuleSet = field(default_factory=load_rules)

    def records(self) -> Iterator[ThreadResult | ErrorRecord]:
        for t in self.dump.threads:
            yield thread_result(t, self.ruleset)
        yield from self.dump.errors

    def summary(self) -> dict[str, object]:
        langs = Counter(t.lang or "unknown" for t in self.dump.threads)
        return {
            "messages": self.dump.messages_read,
            "threads": len(self.dump.threads),
            "errors": len(self.dump.errors),
            "owner": self.dump.owner.describe(),
            "owner_inferred": self.dump.owner.inferred,
            "languages": dict(sorted(langs.items())),
            "accounted": self.dump.accounted(),
        }


def classify(paths: Iterable[str], own: Iterable[str] = (), rules: Iterable[str] = ()) -> Run:
    """Read ``paths`` as one dump and prepare its records (``rules``: extra rule files)."""
    ruleset = load_rules(rules)
    return Run(read_dump(paths, own), ruleset)
