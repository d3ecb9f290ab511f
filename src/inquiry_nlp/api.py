"""The Python API: load the model once, then classify messages and threads from any thread.

:class:`Classifier` wraps the pipeline (:func:`inquiry_nlp.pipeline.thread_results`) for
callers that hold mail in memory — a mail filter, a daemon, an IMAP script — rather than a
dump on disk. Results are the typed records of :mod:`inquiry_nlp.result`; their
``to_dict()`` is the output contract (``../shared/spec/output.md``).

>>> from inquiry_nlp import Classifier
>>> clf = Classifier.load()
>>> raw = (b"From: Wang Lei <wanglei@sdhengtai-machinery.com>\\nTo: sales@hongli-fasteners.com\\n"
...        b"Subject: =?utf-8?b?6K+i5Lu377ya5LiN6ZSI6ZKi6J665qCT?=\\n"
...        b"Content-Type: text/plain; charset=utf-8\\n\\n"
...        + "您好，我们需要M10不锈钢螺栓500套，请报价。".encode())
>>> result = clf.classify(raw)
>>> result.subject, result.customer_address, result.fields.quantities[0]["text"]
('询价：不锈钢螺栓', 'wanglei@sdhengtai-machinery.com', '500套')
>>> record = result.to_dict()
>>> record["schema"], record["grade"] in (1, 2, 3, 4), isinstance(record["fraud"]["score"], float)
(1, True, True)
>>> [type(r).__name__ for r in clf.classify_many([raw, b"not mail at all"])]
['ThreadResult', 'ErrorRecord']
"""
from __future__ import annotations

import email.message
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import Any, Union

from .errors import InquiryError
from .mail import ErrorRecord, Message, Owner, Thread, build_threads, read_raw, split_body, thread_lang
from .mail.sources import RawMail, iter_raw
from .model import GradeModel
from .pipeline import grade_safely, thread_results
from .result import Fields, Hit, ThreadResult
from .rules import RuleSet, evaluate, load_rules

__all__ = ["Classifier", "Extracted", "MessageInput", "ThreadInput", "UnreadableMessage"]

MessageInput = Union[bytes, bytearray, memoryview, str, os.PathLike, email.message.Message]
"""One message: raw RFC 822 bytes, its text, a parsed ``email.message.Message``, or a path
to a file holding mail (an ``.eml``, or an mbox / maildir / folder of one conversation)."""
ThreadInput = Union[MessageInput, Sequence[MessageInput]]
"""One thread: one message, or a list of messages that form one conversation."""

BATCH = 32  # threads per model call in classify_many (one call costs about as much as a few threads)
_WARM_UP = (
    "From: Li Na <lina@example-buyer.cn>\nTo: sales@example-supplier.com\nSubject: 询价 M10 bolts\n"
    "Content-Type: text/plain; charset=utf-8\n\n"
    "您好，我们公司需要304不锈钢螺栓M10x50，数量5000件，请在下周五前报价（FOB上海）。\n"
    "We also need 2 x 40HQ of hex nuts by the end of March, USD 2.5/pc target price.\n"
    "李娜 采购部 上海某某贸易有限公司 电话：021-12345678 微信：lina_2026\n"
)


class UnreadableMessage(InquiryError):
    """No message of the input could be read as mail; :attr:`record` is its error record."""

    def __init__(self, record: ErrorRecord) -> None:
        super().__init__(f"{record.kind}: {record.detail}")
        self.record = record


@dataclass
class Extracted:
    """What :meth:`Classifier.extract` finds in a text: the fields, and the signals that fired
    (supporting and fraud), each with its evidence. No grade: that needs a whole thread."""

    fields: Fields
    signals: list[Hit] = field(default_factory=list)
    fraud_signals: list[Hit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The ``fields`` and ``signals`` of the output contract, and ``fraud_signals``."""
        return {"fields": self.fields.to_dict(), "signals": [h.to_dict() for h in self.signals],
                "fraud_signals": [h.to_dict() for h in self.fraud_signals]}


class Classifier:
    """A loaded model and rule set. Build it with :meth:`load`; after that every method may
    be called from many threads at once (nothing is shared between calls but read-only
    state, and the lazily built resources are built by :meth:`load`).

    ``own``: our addresses or domains (``sales@x.com``, ``x.com``). Without them each input
    infers its own owner: for a single incoming message that is its recipient's domain.
    """

    def __init__(self, model: GradeModel | None, ruleset: RuleSet, own: Iterable[str] = ()) -> None:
        self.model = model
        self.ruleset = ruleset
        self.own = tuple(own)

    @classmethod
    def load(cls, path: str | os.PathLike | None = None, rules: Iterable[str | os.PathLike] = (), *,
             own: Iterable[str] = (), rules_only: bool = False, warm: bool = True) -> Classifier:
        """Load a model folder (``None``: the shipped model) and the rules (the shipped rules
        plus any ``rules`` files). ``rules_only`` grades with the rules alone (no model).
        ``warm`` classifies one message and builds every lazily built pattern, so the
        tokenisers, caches and patterns are built now, not on a later call (and not by
        several threads at once).

        >>> Classifier.load(rules_only=True, warm=False).model_info
        {'name': 'rules-only', 'version': None}
        """
        from .model.store import load as load_model

        ruleset = load_rules([str(r) for r in rules])
        model = None if rules_only else load_model(path)
        clf = cls(model, ruleset, own)
        if warm:
            from . import lazyre
            from .pipeline import prepare

            prepare(ruleset)
            clf.classify(_WARM_UP)
            lazyre.compile_all()  # the patterns that tables built on the way hold
        return clf

    @property
    def model_info(self) -> dict[str, Any]:
        """The model's name and version, as every record carries them."""
        if self.model is None:
            return {"name": "rules-only", "version": None}
        return {"name": self.model.manifest.get("name"), "version": self.model.manifest.get("version")}

    def record(self, x: ThreadInput) -> dict[str, Any]:
        """The output record of ``x`` as a dict, or its error record when nothing in it can be
        read: what the daemon answers and the filter writes into headers."""
        try:
            return self.classify(x).to_dict()
        except UnreadableMessage as exc:
            return exc.record.to_dict()

    def classify(self, x: ThreadInput) -> ThreadResult:
        """The record of one thread: ``x`` is one message or a list of the messages of one
        conversation (see :data:`ThreadInput`). Messages that cannot be read are left out and
        named in the record's ``notes``; if none can be read, :class:`UnreadableMessage`.

        >>> clf = Classifier.load(rules_only=True, warm=False)
        >>> clf.classify("Subject: RFQ\\n\\nPlease quote 200 pcs of M8 hex bolts.").fields.quantities
        [{'value': 200, 'unit': 'pcs', 'text': '200 pcs'}]
        """
        return self._grade([self._thread(x)])[0]

    def classify_many(self, items: Iterable[ThreadInput], batch: int = BATCH) -> Iterator[ThreadResult | ErrorRecord]:
        """One output per input item, in order, streamed: the item's :class:`ThreadResult`,
        or an :class:`ErrorRecord` when none of its messages can be read or grading it failed.
        Items are graded ``batch`` at a time (one model call per batch)."""
        it = iter(items)
        while chunk := list(islice(it, max(1, batch))):
            threads: list[Thread | ErrorRecord] = []
            for x in chunk:
                try:
                    threads.append(self._thread(x))
                except UnreadableMessage as exc:
                    threads.append(exc.record)
            yield from self._grade_safely(threads)

    def extract(self, text: str) -> Extracted:
        """The fields and signals of a text the customer wrote (no grade).

        >>> clf = Classifier.load(rules_only=True, warm=False)
        >>> found = clf.extract("请报价：不锈钢螺栓 M10，5000件，月底前交货。联系电话 0531-88886666")
        >>> found.fields.phones, [q["value"] for q in found.fields.quantities]
        (['+8653188886666'], [5000])
        >>> "quantity_given" in [h.code for h in found.signals]
        True
        """
        from .extract import extract_thread

        m = Message("<text>", 0, "<text@inquiry-nlp.invalid>", body=text, parts=split_body(text))
        thread = Thread([m])
        thread.lang = thread_lang(thread)
        extraction = extract_thread(thread)
        signals = evaluate(thread, extraction, self.ruleset)
        as_hits = lambda hits: [Hit(h.code, h.evidence, h.message_id) for h in hits]  # noqa: E731
        return Extracted(extraction.fields, as_hits(signals.support()), as_hits(signals.fraud()))

    # -- reading ---------------------------------------------------------------------------

    def _thread(self, x: ThreadInput) -> Thread:
        """The input read, cleaned and threaded as one conversation."""
        items = list(x) if isinstance(x, (list, tuple)) else [x]
        messages: list[Message] = []
        errors: list[ErrorRecord] = []
        for n, item in enumerate(items):
            for raw in _raws(item, n):
                got = read_raw(raw)
                (messages if isinstance(got, Message) else errors).append(got)  # type: ignore[arg-type]
        if not messages:
            raise UnreadableMessage(errors[0] if errors else ErrorRecord("empty_message", "no message given", "<input>", 0))
        threads, _ = build_threads(messages, Owner.from_config(self.own) or None)
        thread = threads[0] if len(threads) == 1 else _merged(threads)
        thread.lang = thread_lang(thread)
        for e in errors:
            for m in thread.messages[:1]:
                m.notes.append(f"left out: message {e.index} of {e.source} could not be read ({e.kind}: {e.detail})")
        return thread

    # -- grading ---------------------------------------------------------------------------

    def _grade(self, threads: Sequence[Thread]) -> list[ThreadResult]:
        return thread_results(threads, self.ruleset, self.model)

    def _grade_safely(self, items: Sequence[Thread | ErrorRecord]) -> list[ThreadResult | ErrorRecord]:
        """Grade the threads among ``items`` in one call (one thread failing becomes an error
        record, the others are graded); unreadable items stay the error records they are."""
        graded = iter(grade_safely([t for t in items if isinstance(t, Thread)], self._grade, _failed))
        return [next(graded) if isinstance(t, Thread) else t for t in items]


def _failed(thread: Thread, exc: Exception) -> list[ErrorRecord]:
    """One error record per input item: the whole thread's."""
    first = thread.messages[0]
    return [ErrorRecord("processing_error", f"grading failed ({type(exc).__name__}: {exc})",
                        first.source, first.index, thread.message_ids)]


def _raws(item: MessageInput, n: int) -> Iterator[RawMail | Any]:
    """The raw input items of one message argument."""
    if isinstance(item, (bytes, bytearray, memoryview)):
        yield RawMail("<bytes>", n, _without_envelope(bytes(item)))
    elif isinstance(item, email.message.Message):
        yield RawMail("<email.message.Message>", n, _message_bytes(item))
    elif isinstance(item, os.PathLike) or (isinstance(item, str) and _is_path(item)):
        yield from iter_raw([os.fspath(item)])
    elif isinstance(item, str):
        yield RawMail("<str>", n, _without_envelope(item.encode("utf-8", "surrogateescape")))
    else:
        raise TypeError(f"cannot classify a {type(item).__name__}: give bytes, str, email.message.Message, "
                        f"a path, or a list of these")


def _without_envelope(data: bytes) -> bytes:
    """The message without the mbox ``From sender date`` line that procmail and many
    archives put before the headers.

    >>> _without_envelope(b"From a@b.com  Tue Aug  6 11:51:02 2002\\nSubject: x\\n\\nhi")
    b'Subject: x\\n\\nhi'
    """
    if data.startswith(b"From "):
        _, _, rest = data.partition(b"\n")
        return rest
    return data


def _is_path(text: str) -> bool:
    """A str is a path when it is one line naming an existing file or folder; otherwise it
    is the text of a message (also when the system cannot even look the name up).

    >>> _is_path("Subject: " + "x" * 300), _is_path("a\\x00b")
    (False, False)
    """
    if "\n" in text or len(text) >= 4096:
        return False
    try:
        return Path(text).exists()
    except (OSError, ValueError):  # a name too long, or with a NUL byte
        return False


def _message_bytes(msg: email.message.Message) -> bytes:
    try:
        return msg.as_bytes()
    except (UnicodeError, LookupError):  # non-ASCII headers under the compat32 policy
        return msg.as_string().encode("utf-8", "surrogateescape")


_NO_DATE = datetime.min.replace(tzinfo=timezone.utc)


def _merged(threads: list[Thread]) -> Thread:
    """Several header-threads the caller says are one conversation, as one thread by date."""
    messages = sorted((m for t in threads for m in t.messages), key=lambda m: m.date or _NO_DATE)
    merged = Thread(messages)
    merged.customer = next((t.customer for t in threads if t.customer is not None), None)
    return merged
