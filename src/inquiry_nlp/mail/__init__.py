"""Read: inbox dumps to clean messages, then to inquiry threads.

>>> from inquiry_nlp.mail import read_dump
>>> dump = read_dump(["data/sample/inbox.mbox"])
>>> dump.owner.describe()
'hongli-fasteners.com (inferred: takes part in 28 of 28 threads)'
>>> dump.messages_read, len(dump.threads), len(dump.errors), dump.accounted()
(61, 28, 0, True)
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .message import Address, Attachment, BodyParts, ErrorRecord, Link, Message
from .parse import parse_mail, parse_row
from .quotes import split_body
from .sources import Raw, RawError, RawMail, RawRow, iter_raw
from .threads import Owner, Thread, build_threads, normalize_subject

__all__ = [
    "Address", "Attachment", "BodyParts", "Dump", "ErrorRecord", "Link", "Message", "Owner", "Thread",
    "build_threads", "iter_messages", "normalize_subject", "read_dump", "read_raw", "split_body", "thread_lang",
]


def iter_messages(paths: Iterable[str]) -> Iterator[Message | ErrorRecord]:
    """Every message of the dump, parsed and cleaned (body split into new text, signature
    and quotes), or an error record for what cannot be read. One item per input message."""
    for raw in iter_raw(paths):
        yield read_raw(raw)


def read_raw(raw: Raw) -> Message | ErrorRecord:
    """One raw input item, parsed and cleaned; never raises."""
    if isinstance(raw, RawMail):
        item = parse_mail(raw.data, raw.source, raw.index)
    elif isinstance(raw, RawRow):
        item = parse_row(raw.row, raw.source, raw.index)
    else:
        assert isinstance(raw, RawError)
        item = ErrorRecord(raw.kind, raw.detail, raw.source, raw.index)
    if isinstance(item, Message):
        try:
            item.parts = split_body(item.body)
        except Exception as exc:  # noqa: BLE001 - keep the message, unsplit
            item.parts = BodyParts(new=item.body)
            item.notes.append(f"quote/signature split failed: {exc}")
    return item


@dataclass
class Dump:
    """A whole dump read: its threads, the messages that could not be read, and the owner."""

    threads: list[Thread]
    errors: list[ErrorRecord]
    owner: Owner
    messages_read: int = 0

    def accounted(self) -> bool:
        """Every input message is in exactly one thread record or one error record."""
        return self.messages_read == sum(len(t.messages) for t in self.threads) + len(self.errors)


def read_dump(paths: Iterable[str], own: Iterable[str] = ()) -> Dump:
    """Read, clean and thread a dump. ``own``: our addresses or domains (inferred if empty)."""
    messages: list[Message] = []
    errors: list[ErrorRecord] = []
    count = 0
    for item in iter_messages(paths):
        count += 1
        (messages if isinstance(item, Message) else errors).append(item)  # type: ignore[arg-type]
    owner = Owner.from_config(own)
    threads, owner = build_threads(messages, owner or None)
    for t in threads:
        t.lang = thread_lang(t)
    return Dump(threads, errors, owner, count)


def thread_lang(thread: Thread) -> str | None:
    """The language of the customer's writing in a thread (not of our replies)."""
    from ..text.lang import detect_lang

    customer_text = "\n".join(m.new_text for m in thread.customer_messages) or thread.subject
    return detect_lang(customer_text) or detect_lang(thread.subject)
