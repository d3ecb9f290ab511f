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
from dataclasses import dataclass

from .mail import Dump, ErrorRecord, Thread, read_dump
from .result import Fields, ThreadResult


def thread_result(thread: Thread) -> ThreadResult:
    """The record of one thread from what the steps so far know."""
    emails: list[str] = []
    for m in thread.customer_messages:
        if m.from_addr and m.from_addr not in emails:
            emails.append(m.from_addr)
    notes = sorted({n for m in thread.messages for n in m.notes if not n.startswith("no Message-ID")})
    customer = thread.customer
    return ThreadResult(
        thread_id=thread.thread_id,
        message_ids=thread.message_ids,
        subject=thread.subject,
        customer_address=customer.addr if customer else None,
        customer_name=(customer.name or None) if customer else None,
        lang=thread.lang,
        fields=Fields(emails=emails),
        notes=notes,
    )


@dataclass
class Run:
    """A classification run over one dump: its records, in input order, and a summary."""

    dump: Dump

    def records(self) -> Iterator[ThreadResult | ErrorRecord]:
        for t in self.dump.threads:
            yield thread_result(t)
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


def classify(paths: Iterable[str], own: Iterable[str] = ()) -> Run:
    """Read ``paths`` as one dump and prepare its records."""
    return Run(read_dump(paths, own))
