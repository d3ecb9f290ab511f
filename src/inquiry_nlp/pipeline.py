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
from .grade import combine, rules_grade
from .mail import Dump, ErrorRecord, Thread, read_dump
from .model import GradeModel
from .model.features import thread_features
from .result import Fraud, Hit, ThreadResult
from .rules import RuleSet, evaluate, load_rules

EXPLAIN_FEATURES = 6


def thread_result(thread: Thread, ruleset: RuleSet, model: GradeModel | None = None) -> ThreadResult:
    """The record of one thread: read → clean → extract → signals → grade."""
    extraction = extract_thread(thread)
    signals = evaluate(thread, extraction, ruleset)
    notes = sorted({n for m in thread.messages for n in m.notes if not n.startswith("no Message-ID")})
    customer = thread.customer
    threshold = float(ruleset.setting("fraud_threshold", 0.5))
    fraud_hits = [Hit(h.code, h.evidence, h.message_id) for h in signals.fraud()]
    codes = set(signals.by_code)
    evidence = [f"{h.code} ({h.rule}): {h.evidence}" for h in signals.hits]
    if model is not None:
        pred = model.predict([thread_features(thread, extraction, signals)], explain=EXPLAIN_FEATURES)[0]
        grade, suspected, reasons = combine(pred, codes)
        fraud = Fraud(suspected=suspected, score=pred.fraud_probability, signals=fraud_hits)
        probabilities: dict[str, float] | None = pred.probabilities
        model_info = {"name": model.manifest.get("name"), "version": model.manifest.get("version")}
    else:
        suspected = signals.fraud_score >= threshold
        grade, why = rules_grade(codes, suspected)
        reasons = [why + " (rules only: no model loaded)"]
        fraud = Fraud(suspected=suspected, score=signals.fraud_score, signals=fraud_hits)
        probabilities = None
        model_info = {"name": "rules-only", "version": None}
    return ThreadResult(
        thread_id=thread.thread_id,
        message_ids=thread.message_ids,
        subject=thread.subject,
        customer_address=customer.addr if customer else None,
        customer_name=(customer.name or None) if customer else None,
        lang=thread.lang,
        grade=grade,
        grade_probabilities=probabilities,
        fraud=fraud,
        signals=[Hit(h.code, h.evidence, h.message_id) for h in signals.support()],
        fields=extraction.fields,
        reasons=reasons + evidence,
        model=model_info,
        notes=notes,
    )


@dataclass
class Run:
    """A classification run over one dump: its records, in input order, and a summary."""

    dump: Dump
    ruleset: RuleSet = field(default_factory=load_rules)
    model: GradeModel | None = None

    def records(self) -> Iterator[ThreadResult | ErrorRecord]:
        for t in self.dump.threads:
            yield thread_result(t, self.ruleset, self.model)
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


def classify(paths: Iterable[str], own: Iterable[str] = (), rules: Iterable[str] = (),
             model: GradeModel | str | None = "default") -> Run:
    """Read ``paths`` as one dump and prepare its records (``rules``: extra rule files;
    ``model``: a loaded model, a model folder, "default" for the shipped one, None for rules only)."""
    from .model.store import load

    ruleset = load_rules(rules)
    if isinstance(model, str):
        model = load(None if model == "default" else model)
    return Run(read_dump(paths, own), ruleset, model)
