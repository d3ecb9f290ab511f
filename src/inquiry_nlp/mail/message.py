"""The objects the reader produces: messages, their links and attachments, error records.

Everything later in the pipeline (cleaning, extraction, grading, writers) reads these; none
of them holds raw MIME or attachment content, so a dump of any size costs only its text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


# A link written in plain text: it ends at a space, a quote or bracket, and at Chinese text or
# punctuation written straight after it ("请访问www.eps.gov.hk下载标书，截标日期…").
URL_IN_TEXT = re.compile(r"(?:https?://|www\.)[^\s<>\"'，。）)\]\u2000-\u206f\u3000-\u9fff\uff00-\uffef]+",
                         re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    """A hyperlink as the reader sees it (``text``) and where it goes (``href``)."""

    text: str
    href: str


@dataclass(frozen=True)
class Attachment:
    """An attachment's name, declared type and decoded size in bytes (content is not kept)."""

    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class Address:
    """A mailbox: display name (decoded, may be empty) and lower-cased address."""

    name: str
    addr: str

    @property
    def domain(self) -> str:
        return self.addr.rpartition("@")[2]

    def __str__(self) -> str:
        return f"{self.name} <{self.addr}>" if self.name else self.addr


@dataclass
class BodyParts:
    """A body split by the cleaner: what the sender wrote now, their signature, and the
    earlier messages they quoted or forwarded (each block as it appears)."""

    new: str
    signature: str = ""
    quoted: list[str] = field(default_factory=list)


@dataclass
class Message:
    """One email as read from the dump.

    ``source`` and ``index`` say where it came from (file, position in the file), so any
    record can be traced back. ``body`` is the readable text (HTML converted when the mail
    had no plain-text part); ``parts`` is filled by the cleaner, ``is_ours`` by threading.
    """

    source: str
    index: int
    message_id: str
    subject: str = ""
    sender: Address | None = None
    to: list[Address] = field(default_factory=list)
    cc: list[Address] = field(default_factory=list)
    reply_to: list[Address] = field(default_factory=list)
    date: datetime | None = None
    in_reply_to: str | None = None
    references: list[str] = field(default_factory=list)
    body: str = ""
    body_from_html: bool = False
    links: list[Link] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    synthetic_id: bool = False
    parts: BodyParts | None = None
    is_ours: bool = False

    @property
    def from_addr(self) -> str:
        return self.sender.addr if self.sender else ""

    @property
    def new_text(self) -> str:
        """The sender's own new text (no quotes, no signature); the whole body if uncleaned."""
        return self.parts.new if self.parts else self.body

    def recipients(self) -> list[Address]:
        return [*self.to, *self.cc]


@dataclass
class ErrorRecord:
    """A message that could not be read: where it was and why, per the output contract."""

    kind: str
    detail: str
    source: str
    index: int
    message_ids: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ErrorRecord:
        e = d["error"]
        return cls(e["kind"], e["detail"], e["source"], e["index"], list(d.get("message_ids", [])))

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": 1,
            "error": {"kind": self.kind, "detail": self.detail, "source": self.source, "index": self.index},
            "message_ids": list(self.message_ids),
        }
