"""Workers: the two heavy steps of a run — reading (MIME parsing, cleaning) and grading
(extraction, signals, model) — on N processes, results in input order.

The rules and the model are loaded once per worker process, never sent with each task: on
Linux the workers are forked from a parent that already holds them; elsewhere each worker
loads them once when it starts. With one worker everything runs in-process.

>>> from inquiry_nlp.mail.sources import RawMail
>>> with Pool(1, None, None) as pool:
...     [m.subject for m in pool.read([RawMail("x", 0, b"Subject: hi\\n\\nbody\\n")])]
['hi']
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from .mail import ErrorRecord, Message, Thread, read_raw, thread_lang
from .mail.sources import Raw

READ_CHUNK = 64  # raw messages per task
GRADE_CHUNK = 32  # threads per task (the model predicts a chunk in one call)

_STATE: tuple[Any, Any] | None = None  # (ruleset, model) of this process


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _init(state: tuple[Any, Any] | None) -> None:
    global _STATE
    if state is not None:
        _STATE = state
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _read_chunk(raws: list[Raw]) -> list[Message | ErrorRecord]:
    return [read_raw(r) for r in raws]


def _grade_chunk(threads: list[Thread]) -> list[Any]:
    from .pipeline import grade_safely, thread_results

    assert _STATE is not None, "worker started without rules"
    ruleset, model = _STATE
    for t in threads:
        if t.lang is None:
            t.lang = thread_lang(t)
    return grade_safely(threads, lambda ts: thread_results(ts, ruleset, model), failed)


def failed(thread: Thread, exc: Exception) -> list[ErrorRecord]:
    """Error records for a thread the pipeline could not grade: one per message, so every
    message is still accounted for, each naming where it came from."""
    detail = (f"grading failed ({type(exc).__name__}: {exc}); the other threads are unaffected. "
              f"Please report it with this message attached")
    return [ErrorRecord("processing_error", detail, m.source, m.index, [m.message_id]) for m in thread.messages]


def _lazy_chunks(items: Iterator[Any], n: int) -> Iterator[list[Any]]:
    while chunk := list(islice(items, n)):
        yield chunk


def _chunks(items: Sequence[Any], n: int) -> list[list[Any]]:
    """``items`` in chunks of ``n``, but for the first ones, which grow from 1 to ``n`` (1, 2,
    4, …): the first results of a batch come out after one item, not after ``n``.

    >>> [len(c) for c in _chunks(range(40), 8)]
    [1, 2, 4, 8, 8, 8, 8, 1]
    """
    out, i, size = [], 0, 1
    while i < len(items):
        out.append(list(items[i:i + size]))
        i += size
        size = min(size * 2, n)
    return out


class Pool:
    """``workers`` processes (or none, for 1) that read and grade in input order."""

    def __init__(self, workers: int, ruleset: Any, model: Any) -> None:
        self.workers = max(1, int(workers or 1))
        self.state = (ruleset, model)
        self._pool: Any = None

    def __enter__(self) -> Pool:
        global _STATE
        _STATE = self.state
        if self.workers > 1:
            # No warm-up before the fork: each worker builds what grading builds lazily
            # (jieba, the product lexicon, rule patterns) when its first thread needs it,
            # so the first record waits for what one thread needs, not for all of it.
            if "fork" in mp.get_all_start_methods():
                ctx = mp.get_context("fork")
                self._pool = ctx.Pool(self.workers, initializer=_init, initargs=(None,))
            else:
                ctx = mp.get_context("spawn")
                self._pool = ctx.Pool(self.workers, initializer=_init, initargs=(self.state,))
        return self

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        if self._pool is not None:
            if exc_type is None:
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()
            self._pool = None

    def _map(self, fn: Any, chunks: list[list[Any]]) -> Iterator[Any]:
        if self._pool is None or len(chunks) <= 1:
            for c in chunks:
                yield from fn(c)
            return
        for out in self._pool.imap(fn, chunks):
            yield from out

    def read(self, raws: Iterable[Raw]) -> Iterator[Message | ErrorRecord]:
        """Each raw message parsed and cleaned, in order. Raw messages are taken from
        ``raws`` only as workers get free (a few chunks in flight), so the raw bytes of a
        batch are never all in memory: only the parsed text is kept."""
        chunks = _lazy_chunks(iter(raws), READ_CHUNK)
        if self._pool is None:
            for c in chunks:
                yield from _read_chunk(c)
            return
        pending: deque[Any] = deque()
        for c in chunks:
            pending.append(self._pool.apply_async(_read_chunk, (c,)))
            if len(pending) >= 2 * self.workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()

    def grade(self, threads: Sequence[Thread]) -> Iterator[Any]:
        """The record of each thread, in order, as soon as its chunk is done."""
        size = GRADE_CHUNK
        if self._pool is not None:
            # Small batches still keep every worker busy.
            size = max(1, min(GRADE_CHUNK, -(-len(threads) // (self.workers * 2))))
        return self._map(_grade_chunk, _chunks(threads, size))
