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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from itertools import islice
from typing import Any

from .extract import extract_thread
from .grade import combine, rules_grade
from .mail import ErrorRecord, Message, Owner, Thread, build_threads
from .mail.sources import check_path, iter_raw
from .model import GradeModel, Prediction
from .model.features import thread_features
from .result import Fraud, Hit, ThreadResult
from .rules import RuleSet, evaluate, load_rules

EXPLAIN_FEATURES = 6


def prepare(ruleset: RuleSet) -> None:
    """Build now what grading otherwise builds on first use (the rules' needles, every
    deadline pattern, the product lexicon's matcher). A process that grades one message and
    exits should not pay for it; a daemon or a library user that loads once should, so that
    no message later does."""
    from . import lazyre
    from .extract import products
    from .extract.deadlines import compile_all
    from .extract.numbers import chinese

    ruleset.prepare()
    compile_all()
    products.prepare()
    chinese("一千二百")  # imports cn2an and builds its patterns
    lazyre.compile_all()  # the extractors' patterns (after the steps above, which make some)


def thread_results(threads: Sequence[Thread], ruleset: RuleSet,
                   model: GradeModel | None = None) -> list[ThreadResult]:
    """The records of several threads, in order; the model predicts them in one call,
    which costs far less than one call per thread."""
    analysed = []
    for thread in threads:
        extraction = extract_thread(thread)
        analysed.append((thread, extraction, evaluate(thread, extraction, ruleset)))
    preds: list[Prediction | None] = [None] * len(analysed)
    if model is not None:
        preds = list(model.predict([thread_features(t, e, s) for t, e, s in analysed], explain=EXPLAIN_FEATURES))
    return [_record(t, e, s, ruleset, model, p) for (t, e, s), p in zip(analysed, preds)]


def grade_safely(threads: Sequence[Thread], grade: Callable[[Sequence[Thread]], list[ThreadResult]],
                 failed: Callable[[Thread, Exception], list[ErrorRecord]]) -> list[ThreadResult | ErrorRecord]:
    """``grade(threads)`` (e.g. :func:`thread_results`) in one call; if that raises, thread by
    thread, so a thread that breaks the pipeline becomes the error records ``failed`` makes
    and the others are graded."""
    try:
        return list(grade(threads))
    except Exception:  # noqa: BLE001 - find the thread that fails
        out: list[ThreadResult | ErrorRecord] = []
        for t in threads:
            try:
                out += grade([t])
            except Exception as exc:  # noqa: BLE001
                out += failed(t, exc)
        return out


def _record(thread: Thread, extraction, signals, ruleset: RuleSet, model: GradeModel | None,
            pred: Prediction | None) -> ThreadResult:
    notes = sorted({n for m in thread.messages for n in m.notes if not n.startswith("no Message-ID")})
    customer = thread.customer
    threshold = float(ruleset.setting("fraud_threshold", 0.5))
    fraud_hits = [Hit(h.code, h.evidence, h.message_id) for h in signals.fraud()]
    codes = set(signals.by_code)
    evidence = [f"{h.code} ({h.rule}): {h.evidence}" for h in signals.hits]
    if model is not None and pred is not None:
        grade, suspected, reasons = combine(pred, codes, bool(ruleset.setting("fraud_needs_signal", True)))
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
class Summary:
    """What a run did, for the summary line on standard error (filled while records stream)."""

    messages: int = 0
    threads: int = 0
    errors: int = 0
    skipped: int = 0
    late_messages: int = 0
    owner: Owner | None = None
    grades: Counter = field(default_factory=Counter)
    fraud: int = 0
    languages: Counter = field(default_factory=Counter)
    thread_messages: int = 0

    def accounted(self) -> bool:
        """Every message read is in exactly one thread record or one error record."""
        return self.messages == self.thread_messages + self.errors

    def as_dict(self) -> dict[str, object]:
        return {
            "messages": self.messages, "threads": self.threads, "errors": self.errors,
            "skipped_threads": self.skipped, "late_messages": self.late_messages,
            "owner": self.owner.describe() if self.owner is not None else "unknown",
            "owner_inferred": bool(self.owner is not None and self.owner.inferred),
            "grades": {str(g): self.grades[g] for g in sorted(self.grades)}, "fraud": self.fraud,
            "languages": dict(sorted(self.languages.items())), "accounted": self.accounted(),
        }


@dataclass
class Run:
    """A classification run over one dump. :meth:`records` streams one record per thread
    (then the batch's error records), in a deterministic order whatever the number of
    workers; :attr:`summary` fills in as records go by.

    Memory is bounded by batching: messages are read in batches (``first_batch`` messages,
    doubling up to ``batch``; a message's raw bytes only while a worker parses it), threaded
    together with the threads still open, and a thread is graded once the dump's clock (the
    newest date read so far) has passed its last message by ``window_days``, or at the end
    of the input. Mail dumps are nearly always in date order, so a thread is complete long
    before it is graded; the default window is the subject rule's reach
    (``SUBJECT_GAP_DAYS``), so no later message would join a graded thread by subject. A
    reply that arrives after its thread was graded starts a thread of its own; one further
    behind the clock than the window is counted in ``summary.late_messages``.
    ``window_days=0`` holds every thread until the end of the input (exact for any order,
    memory grows with the dump).

    The batch boundaries decide which messages meet in a thread, and the first batch is
    what the owner is inferred from (without ``own``): changing ``first_batch`` changes
    records. The first records still come early: a batch is graded in chunks that grow from
    one thread (:meth:`inquiry_nlp.workers.Pool.grade`).
    """

    paths: list[str]
    own: list[str] = field(default_factory=list)
    ruleset: RuleSet = field(default_factory=load_rules)
    model: GradeModel | None = None
    workers: int = 1
    window_days: float = 30.0
    first_batch: int = 1000
    batch: int = 10000
    skip: frozenset[str] = frozenset()
    progress: Callable[[int, int], None] | None = None
    summary: Summary = field(default_factory=Summary)
    _seen: dict[str, int] = field(default_factory=dict, repr=False)

    def records(self) -> Iterator[ThreadResult | ErrorRecord]:
        from .workers import Pool

        raw = iter_raw(self.paths)
        owner: Owner | None = Owner.from_config(self.own) or None
        carried: list[Message] = []
        clock: datetime | None = None
        horizon = datetime.now(timezone.utc) + timedelta(days=1)  # later dates are clock errors
        size = self.first_batch
        with Pool(self.workers, self.ruleset, self.model) as pool:
            while True:
                items = list(pool.read(islice(raw, size)))
                end = len(items) < size
                self.summary.messages += len(items)
                messages = [m for m in items if isinstance(m, Message)]
                errors = [e for e in items if isinstance(e, ErrorRecord)]
                self.summary.late_messages += self._late(messages, clock)
                for m in messages:
                    if m.date is not None and m.date <= horizon and (clock is None or m.date > clock):
                        clock = m.date
                threads, owner = build_threads(carried + messages, owner)
                if self.summary.owner is None:
                    self.summary.owner = owner
                done, open_ = self._close(threads, clock, end)
                carried = [m for t in open_ for m in t.messages]
                todo = [t for t in done if self._key(t.thread_id) not in self.skip]
                self.summary.skipped += len(done) - len(todo)
                for r in pool.grade(todo):
                    if isinstance(r, ErrorRecord):
                        self.summary.errors += 1
                        if self._key(_error_key(r)) in self.skip:
                            continue
                    else:
                        self._count(r)
                    yield r
                for e in errors:
                    self.summary.errors += 1
                    if self.progress:
                        self.progress(1, 0)
                    if self._key(_error_key(e)) not in self.skip:
                        yield e
                if end:
                    break
                size = min(size * 2, self.batch)

    def _key(self, key: str) -> str:
        """A record's resume key, as report.resume reads it back from a written file."""
        if not self.skip:
            return key
        n = self._seen[key] = self._seen.get(key, 0) + 1
        return key if n == 1 else f"{key}#{n}"

    def _close(self, threads: list[Thread], clock: datetime | None, end: bool) -> tuple[list[Thread], list[Thread]]:
        """Threads complete now (graded) and threads still open (carried to the next batch)."""
        if end:
            return threads, []
        if not self.window_days or clock is None:
            return [], threads
        limit = clock - timedelta(days=self.window_days)
        done, open_ = [], []
        for t in threads:
            last = max((m.date for m in t.messages if m.date is not None), default=None)
            (done if last is not None and last < limit else open_).append(t)
        return done, open_

    def _late(self, messages: list[Message], clock: datetime | None) -> int:
        """Messages that arrive further behind the clock than the window: the dump is not in
        date order there, and such a message may miss a thread already graded."""
        if not self.window_days or clock is None:
            return 0
        limit = clock - timedelta(days=self.window_days)
        return sum(1 for m in messages if m.date is not None and m.date < limit)

    def _count(self, r: ThreadResult) -> None:
        s = self.summary
        s.threads += 1
        s.thread_messages += len(r.message_ids)
        s.grades[r.grade] += 1
        s.fraud += bool(r.fraud.suspected)
        s.languages[r.lang or "unknown"] += 1
        if self.progress:
            self.progress(len(r.message_ids), 1)


def _error_key(e: ErrorRecord) -> str:
    return f"error:{e.source}#{e.index}"  # as report.resume.record_key reads it back


def classify(paths: Iterable[str], own: Iterable[str] = (), rules: Iterable[str] = (),
             model: GradeModel | str | None = "default", **options: Any) -> Run:
    """Prepare a run over ``paths`` as one dump (``rules``: extra rule files; ``model``: a
    loaded model, a model folder, "default" for the shipped one, None for rules only;
    ``options``: the :class:`Run` fields ``workers``, ``window_days``, ``skip``, ``progress``)."""
    from .model.store import load

    ruleset = load_rules(rules)
    if isinstance(model, str):
        model = load(None if model == "default" else model)
    paths = list(paths)
    for p in paths:
        check_path(p)
    return Run(paths, list(own), ruleset, model, **options)
