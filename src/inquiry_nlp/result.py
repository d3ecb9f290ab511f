"""The result of classifying one thread: the record of the output contract
(``../shared/spec/output.md``), defined once and written by every writer.

>>> r = ThreadResult(thread_id="<a@b>", message_ids=["<a@b>"], subject="询价")
>>> sorted(r.to_dict())[:5]
['customer', 'fields', 'fraud', 'grade', 'grade_probabilities']
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = 1


def output_schema() -> dict[str, Any]:
    """The JSON Schema of one output line (thread or error record), shipped in the package.

    >>> output_schema()["title"]
    'inquiry-nlp classify record (schema 1)'
    """
    import json
    from importlib.resources import files

    return json.loads(files("inquiry_nlp").joinpath("output.schema.json").read_text(encoding="utf-8"))


@dataclass
class Hit:
    """A signal that fired: its code, the text that shows it, and the message it is in."""

    code: str
    evidence: str
    message_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "evidence": self.evidence, "message_id": self.message_id}


@dataclass
class Fraud:
    suspected: bool | None = None
    score: float | None = None
    signals: list[Hit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"suspected": self.suspected, "score": self.score, "signals": [h.to_dict() for h in self.signals]}


@dataclass
class Fields:
    """Extracted fields in the spec's normal forms (customer's text only)."""

    quantities: list[dict[str, Any]] = field(default_factory=list)
    deadline: dict[str, Any] | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    fax: list[str] = field(default_factory=list)
    company: str | None = None
    person: str | None = None
    im: list[dict[str, str]] = field(default_factory=list)
    prices: list[dict[str, Any]] = field(default_factory=list)
    specs: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ThreadResult:
    """One record per thread. Unknown values are None or empty, never omitted."""

    thread_id: str
    message_ids: list[str]
    subject: str = ""
    customer_address: str | None = None
    customer_name: str | None = None
    lang: str | None = None
    grade: int | None = None
    grade_probabilities: dict[str, float] | None = None
    fraud: Fraud = field(default_factory=Fraud)
    signals: list[Hit] = field(default_factory=list)
    fields: Fields = field(default_factory=Fields)
    reasons: list[str] = field(default_factory=list)
    model: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "thread_id": self.thread_id,
            "message_ids": list(self.message_ids),
            "customer": {"address": self.customer_address, "name": self.customer_name},
            "subject": self.subject,
            "lang": self.lang,
            "grade": self.grade,
            "grade_probabilities": self.grade_probabilities,
            "fraud": self.fraud.to_dict(),
            "signals": [h.to_dict() for h in self.signals],
            "fields": self.fields.to_dict(),
            "reasons": list(self.reasons),
            "model": self.model,
        }
        if self.notes:
            d["notes"] = list(self.notes)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ThreadResult:
        """A record read back from JSON Lines (``to_dict``'s inverse).

        >>> r = ThreadResult(thread_id="<a@b>", message_ids=["<a@b>"], grade=3)
        >>> ThreadResult.from_dict(r.to_dict()) == r
        True
        """
        fraud = d.get("fraud") or {}
        customer = d.get("customer") or {}
        return cls(
            thread_id=d["thread_id"], message_ids=list(d.get("message_ids", [])), subject=d.get("subject", ""),
            customer_address=customer.get("address"), customer_name=customer.get("name"), lang=d.get("lang"),
            grade=d.get("grade"), grade_probabilities=d.get("grade_probabilities"),
            fraud=Fraud(fraud.get("suspected"), fraud.get("score"), [Hit(**h) for h in fraud.get("signals", [])]),
            signals=[Hit(**h) for h in d.get("signals", [])], fields=Fields(**(d.get("fields") or {})),
            reasons=list(d.get("reasons", [])), model=d.get("model"), notes=list(d.get("notes", [])))
