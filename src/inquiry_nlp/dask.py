"""Classify on a Dask cluster: the records of ``classify --engine local``, computed by many
machines (``docs/dask.md``). Needs the ``inquiry-nlp[dask]`` extra; ``import inquiry_nlp``
never imports this module.

The run has three steps:

1. **Read** (workers): small files (``.eml``, small mbox files) are read whole through fsspec,
   many per task (``dask.bag.from_sequence``); large mbox files are split as raw bytes at
   ``\\nFrom `` (``fsspec.utils.read_block``, read inside the task that parses the block)
   and each block is cut at its real From_ lines, so nothing is decoded before MIME parsing.
   Every message is parsed and cleaned where it was read, and the parsed messages stay in
   the workers' memory (persisted).
2. **Thread** (client): a slim copy of each message's headers (ids, references, subject,
   addresses, date — no body) comes back to the client, which runs the same
   :func:`~inquiry_nlp.mail.build_threads` as the local engine over the whole dump. The
   thread key of a message is the number of its thread in the local engine's output order
   (threads by the input position of their first message).
3. **Grade** (workers): full messages are shuffled with ``dask.dataframe`` on the thread
   key into ranges of consecutive threads, and each range is graded by the local engine's
   own code (:class:`~inquiry_nlp.workers.Pool`), so error records match too.

Heavy state (rules, model, jieba, spaCy) loads once per worker process, in this module's
cache: register :class:`InquiryState` (the CLI does) or start workers with
``dask worker --preload inquiry_nlp.dask``.
"""
from __future__ import annotations

import json
import math
import os
import pickle
import posixpath
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

import dask
import dask.bag as db
import dask.dataframe as dd
import fsspec
import pandas as pd
import pyarrow as pa
from distributed import Client, LocalCluster, WorkerPlugin, get_client

from inquiry_nlp.errors import InputError
from inquiry_nlp.mail import ErrorRecord, Message, Owner, Thread, build_threads, read_raw
from inquiry_nlp.mail.sources import RawMail, is_from_line, is_mail_name, iter_mbox, kind_of

BLOCKSIZE = 16 * 2**20  # mbox files larger than this are split into blocks of this size
FILES_PER_TASK = 64  # small files read and parsed per task
PART_MESSAGES = 1000  # messages per graded partition (a larger thread gets one of its own)
PARTS_PER_WORKER = 4  # at least this many graded partitions per worker: the last ones even out the load
FIRST_BATCH = 1000  # messages the owner is inferred from, as the local engine's first batch
LOOKAHEAD = 8  # blocks a message may run past the one it starts in
_DELIM = b"\nFrom "

# One key of a message in the dump: (file number, block number, index within the block).
Key = tuple[int, int, int]


# ---------------------------------------------------------------- state on the workers


@dataclass(frozen=True)
class Spec:
    """What to grade with: rule files and a model ("default", a folder, or None for rules
    only). Only this small spec travels with tasks; each worker loads what it names."""

    rules: tuple[str, ...] = ()
    model: str | None = "default"


_CACHE: dict[Spec, tuple[Any, Any]] = {}
_LOADING = threading.Lock()  # a worker with several threads loads a spec once, not once per thread


def worker_state(spec: Spec) -> tuple[Any, Any]:
    """The (ruleset, model) of ``spec``, loaded once per process and kept here (a module the
    workers import, so tasks never carry it)."""
    state = _CACHE.get(spec)
    if state is None:
        with _LOADING:
            state = _CACHE.get(spec)
            if state is None:
                from inquiry_nlp.model.store import load
                from inquiry_nlp.rules import load_rules

                model = None if spec.model is None else load(None if spec.model == "default" else spec.model)
                state = _CACHE[spec] = (load_rules(spec.rules), model)
    return state


def warm(spec: Spec = Spec()) -> None:
    """Load ``spec``'s state and grade a tiny thread, which loads jieba's dictionary and the
    spaCy pipelines too, so a worker's first real task pays none of it."""
    from inquiry_nlp.mail import Address
    from inquiry_nlp.workers import Pool

    ruleset, model = worker_state(spec)
    m = Message("<warm-up>", 0, "<warm@up>", "询价 M10 bolts", Address("", "a@buyer.com"),
                [Address("", "b@seller.com")], body="您好，请报价 M10 螺栓 5000 件。Please quote 5000 pcs.")
    m.parts = None
    with Pool(1, ruleset, model) as pool:
        list(pool.grade([Thread([m], Address("", "a@buyer.com"))]))


class InquiryState(WorkerPlugin):
    """Loads the rules, the model, jieba and spaCy once on every worker (and on workers that
    join later): ``client.register_plugin(InquiryState(Spec(...)))``."""

    name = "inquiry-nlp-state"

    def __init__(self, spec: Spec = Spec()) -> None:
        self.spec = spec

    def setup(self, worker: Any) -> None:
        warm(self.spec)


def dask_setup(worker: Any) -> None:
    """``dask worker --preload inquiry_nlp.dask``: warm the default rules and model."""
    warm(Spec())


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class InputFile:
    """One file of the dump: its number in input order, URL, name in records, size."""

    number: int
    url: str
    source: str
    size: int


def list_inputs(paths: Iterable[str], storage_options: dict[str, Any] | None = None) -> list[InputFile]:
    """The files of the dump in the local engine's order: the paths as given; a folder's
    files in name order, then its subfolders in name order; globs expanded in name order."""
    found: list[tuple[str, str, int]] = []
    for p in paths:
        if p == "-":
            raise InputError("--engine dask reads files and URLs, not standard input")
        fs, root = fsspec.core.url_to_fs(p, **(storage_options or {}))
        local = _is_local(fs)
        matches = sorted(fs.glob(root)) if fsspec.core.has_magic(root) else [root]
        if not matches or not all(fs.exists(m) for m in matches):
            raise InputError(f"{p}: no such file or folder. Give mbox files, folders of .eml files or "
                             f".eml files (local paths or fsspec URLs)")
        for m in matches:
            base = p if local and m == root else (m if local else fs.unstrip_protocol(m))
            for path, size in _walk(fs, m):
                rel = posixpath.relpath(path, m) if path != m else ""
                source = str(_join(base, rel)) if local else (fs.unstrip_protocol(path))
                found.append((fs.unstrip_protocol(path), source, size))
    return [InputFile(i, url, source, size) for i, (url, source, size) in enumerate(found)]


def _is_local(fs: Any) -> bool:
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    return protocol in ("file", "local")


def _join(base: str, rel: str) -> str:
    """A path named as the local engine names it (``pathlib`` joins, as given)."""
    from pathlib import Path

    return str(Path(base) / rel) if rel else str(Path(base))


def _walk(fs: Any, path: str) -> Iterator[tuple[str, int]]:
    info = fs.info(path)
    if info["type"] != "directory":
        yield path, int(info.get("size") or 0)
        return
    entries = fs.ls(path, detail=True)
    names = {posixpath.basename(e["name"].rstrip("/")) for e in entries}
    if {"cur", "new"} <= names:
        raise InputError(f"{path}: a maildir; --engine dask reads mbox and .eml files (use --engine local)")
    files = sorted((e for e in entries if e["type"] != "directory"), key=lambda e: e["name"])
    for e in files:
        if is_mail_name(posixpath.basename(e["name"])):
            yield e["name"], int(e.get("size") or 0)
    for e in sorted((e for e in entries if e["type"] == "directory"), key=lambda e: e["name"]):
        if not posixpath.basename(e["name"].rstrip("/")).startswith("."):
            yield from _walk(fs, e["name"])


# ---------------------------------------------------------------- step 1: read (workers)

Piece = tuple[int, int, int, Message | ErrorRecord]  # file, block, index in block, item


def _read_files(files: list[InputFile], storage_options: dict[str, Any]) -> list[Piece]:
    """Small files read whole and parsed: an mbox gives its messages, anything else is one
    message (as the local engine reads a file)."""
    out: list[Piece] = []
    for f in files:
        with fsspec.open(f.url, "rb", compression="infer", **storage_options) as fh:
            data = fh.read()
        for raw in _raws(f, data):
            out.append((f.number, 0, raw.index, read_raw(raw)))
    return out


def _raws(f: InputFile, data: bytes) -> Iterator[RawMail]:
    kind = kind_of(posixpath.basename(f.url), lambda: data[:4096])
    if kind == "mbox":
        yield from iter_mbox(data, f.source)
    elif kind == "eml":
        yield RawMail(f.source, 0, data)
    else:
        raise InputError(f"{f.source}: a {kind} export; --engine dask reads mbox and .eml (use --engine local)")


def _end(block: bytes) -> int:
    """Where a block of ``read_bytes(delimiter=b"\\nFrom ")`` ends without the next
    message's "From " (every block but the last ends with the delimiter)."""
    return len(block) - len(b"From ") if block.endswith(_DELIM) else len(block)


def _first_from(block: bytes, number: int) -> int | None:
    """Where the block's first real From_ line starts (``None``: it has none); a body line
    that merely starts with "From " may have ended the previous block. A later block lost
    the "From " of its first line to the split, so 0 means that line, "From " restored."""
    pos, end = 0, _end(block)
    while pos < end:
        newline = block.find(b"\n", pos, end)
        line_end = end if newline < 0 else newline + 1
        line = block[pos:line_end]
        if is_from_line(b"From " + line if pos == 0 and number > 0 else line):
            return pos
        pos = line_end
    return None


def _head(block: bytes, number: int) -> tuple[bytes, bool]:
    """What a block holds of the message before it (the bytes before its first real From_
    line) and whether it has such a line."""
    start = _first_from(block, number)
    stop = _end(block) if start is None else start
    head = b"From " + block[:stop] if number > 0 and stop > 0 else block[:stop]
    return head, start is not None


def _own_bytes(block: bytes, number: int) -> list[bytes | memoryview]:
    """The bytes of the messages starting in a block, as pieces to join (views of the
    block, never copies of it: a block is large)."""
    end = _end(block)
    if number == 0:
        return [memoryview(block)[:end]] if end else []
    start = _first_from(block, number)
    if start is None:
        return []
    return [b"From ", memoryview(block)[:end]] if start == 0 else [memoryview(block)[start:end]]


def _read_block(f: InputFile, number: int, block: bytes, heads: Sequence[tuple[bytes, bool]],
                to_end: bool) -> list[Piece]:
    """The messages starting in one block of a large mbox, parsed. The last one ends in the
    ``heads`` of the following blocks (``to_end``: they run to the file's last block)."""
    pieces = _own_bytes(block, number)
    if not pieces:
        return []
    for head, found in heads:  # a block may be empty (a message longer than a block)
        if head:
            pieces.append(head)
        if found:
            break
    else:
        if not to_end:
            raise InputError(f"{f.source}: a message in block {number} runs past {LOOKAHEAD} more blocks; "
                             f"rerun with a larger --blocksize")
    data = b"".join(pieces)  # the one copy of the block's bytes
    del pieces
    return [(f.number, number, raw.index, read_raw(raw)) for raw in iter_mbox(data, f.source)]


def _spans(size: int, blocksize: int) -> list[tuple[int, int]]:
    """(offset, length) of the blocks of a file: ``blocksize`` each, the rest joined to
    the last one (no small remainder block)."""
    starts = list(range(0, size, blocksize))
    if len(starts) > 1 and size - starts[-1] < blocksize:
        starts.pop()
    return [(o, (starts[i + 1] if i + 1 < len(starts) else size) - o) for i, o in enumerate(starts)]


def _block(f: InputFile, span: tuple[int, int], storage_options: dict[str, Any]) -> bytes:
    """One block of a large mbox: its bytes from the first ``\\nFrom `` after the span's
    start to the first one after its end (``fsspec.utils.read_block``, as ``read_bytes``).
    Read inside the task that uses it, so no block waits in a worker's memory."""
    offset, length = span
    with fsspec.open(f.url, "rb", **storage_options) as fh:
        return fsspec.utils.read_block(fh, offset, length, _DELIM)


def _read_head(f: InputFile, number: int, span: tuple[int, int],
               storage_options: dict[str, Any]) -> tuple[bytes, bool]:
    """:func:`_head` of a block read from the file."""
    return _head(_block(f, span, storage_options), number)


def _read_span(f: InputFile, number: int, span: tuple[int, int], heads: Sequence[tuple[bytes, bool]],
               to_end: bool, storage_options: dict[str, Any]) -> list[Piece]:
    """:func:`_read_block` of a block read from the file."""
    return _read_block(f, number, _block(f, span, storage_options), heads, to_end)


def read_bag(files: Sequence[InputFile], blocksize: int = BLOCKSIZE,
             storage_options: dict[str, Any] | None = None) -> db.Bag:
    """A bag of parsed :data:`Piece` items: small files many per task, large mbox files
    in blocks."""
    so = storage_options or {}
    small = [f for f in files if not _splittable(f, blocksize, so)]
    large = [f for f in files if _splittable(f, blocksize, so)]
    bags = []
    if small:
        bags.append(db.from_sequence(small, partition_size=FILES_PER_TASK).map_partitions(_read_files, so))
    parts = []
    for f in large:
        spans = _spans(f.size, blocksize)
        heads = [dask.delayed(_read_head, pure=True)(f, i, span, so) for i, span in enumerate(spans)]
        for i, span in enumerate(spans):
            following = heads[i + 1:i + 1 + LOOKAHEAD]
            to_end = i + 1 + LOOKAHEAD >= len(spans)
            parts.append(dask.delayed(_read_span, pure=True)(f, i, span, following, to_end, so))
    if parts:
        bags.append(db.from_delayed(parts))
    if not bags:
        return db.from_sequence([], npartitions=1)
    return db.concat(bags) if len(bags) > 1 else bags[0]


def read_raw_bag(raw: db.Bag, source: str = "<bag>") -> db.Bag:
    """A bag of raw messages (``bytes``, one RFC 822 message each) as the parsed pieces
    :func:`classify_bag` takes; messages are numbered in the bag's order, and ``source``
    names them in error records."""
    parts = [dask.delayed(_parse_raws, pure=True)(p, i, source) for i, p in enumerate(raw.to_delayed())]
    return db.from_delayed(parts)


def _parse_raws(items: Iterable[bytes], number: int, source: str) -> list[Piece]:
    return [(0, number, i, read_raw(RawMail(source, i, bytes(data)))) for i, data in enumerate(items)]


def _splittable(f: InputFile, blocksize: int, so: dict[str, Any]) -> bool:
    if f.size <= blocksize or fsspec.utils.infer_compression(f.url):
        return False

    def head() -> bytes:
        with fsspec.open(f.url, "rb", **so) as fh:
            return fh.read(4096)

    return kind_of(posixpath.basename(f.url), head) == "mbox"


def _slim(pieces: list[Piece]) -> list[tuple[Key, Message | ErrorRecord]]:
    """What the client threads with: headers without bodies (error records whole)."""
    out: list[tuple[Key, Message | ErrorRecord]] = []
    for file_no, block, index, item in pieces:
        if isinstance(item, Message):
            item = replace(item, body="", links=[], attachments=[], notes=[], parts=None)
        out.append(((file_no, block, index), item))
    return out


# ---------------------------------------------------------------- step 2: thread (client)


@dataclass
class Plan:
    """The client's threading of the dump: per read partition, where each message goes."""

    assign: list[list[tuple[int, int, bool] | None]]  # (thread, rank, is_ours) per piece
    offsets: dict[tuple[int, int], int]  # (file, block) -> index of its first message in the file
    customers: list[Any]  # per thread
    sizes: list[int]  # messages per thread
    errors: list[ErrorRecord]
    owner: Owner
    messages: int
    parsed: Any = None  # futures of the parsed messages: held until the records are computed


def plan(slims: Sequence[list[tuple[Key, Message | ErrorRecord]]], own: Iterable[str] = ()) -> Plan:
    """Number every message as the local engine does, thread the dump with its
    :func:`build_threads`, and say where each message of each partition goes."""
    keyed = [(key, part, pos, item) for part, items in enumerate(slims) for pos, (key, item) in enumerate(items)]
    keyed.sort(key=lambda k: k[0])
    offsets = _offsets(k[0] for k in keyed)
    messages: list[Message] = []
    errors: list[ErrorRecord] = []
    where: dict[int, tuple[int, int]] = {}
    first_batch: list[Message] = []
    for n, ((file_no, block, index), part, pos, item) in enumerate(keyed):
        item.index = offsets[(file_no, block)] + index
        if isinstance(item, Message):
            messages.append(item)
            where[id(item)] = (part, pos)
            if n < FIRST_BATCH:
                first_batch.append(item)
        else:
            errors.append(item)
    owner = Owner.from_config(own) or None
    if owner is None and len(keyed) > FIRST_BATCH:
        owner = build_threads(first_batch)[1]  # the local engine infers it from its first batch
    threads, owner = build_threads(messages, owner)
    assign: list[list[tuple[int, int, bool] | None]] = [[None] * len(items) for items in slims]
    for t, thread in enumerate(threads):
        for rank, m in enumerate(thread.messages):
            part, pos = where[id(m)]
            assign[part][pos] = (t, rank, m.is_ours)
    return Plan(assign, offsets, [t.customer for t in threads], [len(t.messages) for t in threads],
                errors, owner, len(keyed))


def _offsets(keys: Iterable[Key]) -> dict[tuple[int, int], int]:
    """Messages of a file are numbered across its blocks: a block's first index."""
    counts: Counter[tuple[int, int]] = Counter((f, b) for f, b, _ in keys)
    offsets: dict[tuple[int, int], int] = {}
    running: dict[int, int] = defaultdict(int)
    for file_no, block in sorted(counts):
        offsets[(file_no, block)] = running[file_no]
        running[file_no] += counts[(file_no, block)]
    return offsets


def divisions(sizes: Sequence[int], partitions: int) -> list[int]:
    """Ranges of consecutive thread numbers holding about the same number of messages; a
    thread larger than a share gets a partition of its own (a thread is never split).

    >>> divisions([1, 1, 1, 1, 10, 1, 1], 3)
    [0, 4, 5, 6]
    """
    total = sum(sizes)
    share = max(1, math.ceil(total / max(1, partitions)))
    cuts = [0]
    filled = 0
    for t, n in enumerate(sizes):
        if t > cuts[-1] and (filled + n > share or sizes[t - 1] > share):
            cuts.append(t)
            filled = 0
        filled += n
    cuts.append(len(sizes) - 1)
    if len(cuts) > 2 and cuts[-1] == cuts[-2]:
        cuts.pop(-2)
    return cuts


# ---------------------------------------------------------------- step 3: grade (workers)

_BINARY = pd.ArrowDtype(pa.binary())  # not object: Dask would convert an object column to text
_META = pd.DataFrame({"thread": pd.Series([], dtype="int64"), "rank": pd.Series([], dtype="int64"),
                      "payload": pd.Series([], dtype=_BINARY)})


def _rows(pieces: list[Piece], assign: list[tuple[int, int, bool] | None],
          offsets: dict[tuple[int, int], int], customers: dict[int, Any]) -> pd.DataFrame:
    """A read partition as rows to shuffle: thread, rank in thread, pickled message."""
    threads, ranks, payloads = [], [], []
    for (file_no, block, index, item), a in zip(pieces, assign):
        if a is None:
            continue
        t, rank, ours = a
        item.index = offsets[(file_no, block)] + index
        item.is_ours = ours
        threads.append(t)
        ranks.append(rank)
        payloads.append(pickle.dumps((item, customers.get(t)), protocol=pickle.HIGHEST_PROTOCOL))
    return pd.DataFrame({"thread": pd.Series(threads, dtype="int64"), "rank": pd.Series(ranks, dtype="int64"),
                         "payload": pd.Series(payloads, dtype=_BINARY)})


_RECORDS_META = pd.DataFrame({"record": pd.Series([], dtype=object)},
                             index=pd.Index([], dtype="int64", name="thread"))


def _grade(frame: pd.DataFrame, spec: Spec) -> pd.DataFrame:
    """The records of one partition's threads as JSON lines, in thread order, graded by
    the local engine's code (a thread that fails becomes its error records, as there)."""
    from inquiry_nlp.workers import Pool

    ordered = frame.reset_index().sort_values(["thread", "rank"], kind="stable")
    threads: list[Thread] = []
    numbers: list[int] = []
    for t, payload in zip(ordered["thread"], ordered["payload"]):
        message, customer = pickle.loads(payload)
        if not numbers or t != numbers[-1]:
            threads.append(Thread([], customer))
            numbers.append(int(t))
        threads[-1].messages.append(message)
    ruleset, model = worker_state(spec)
    index: list[int] = []
    lines: list[str] = []
    with Pool(1, ruleset, model) as pool:
        records = list(pool.grade(threads))
    for r, n in zip(records, _thread_numbers(records, threads, numbers)):
        lines.append(_line(r.to_dict()))
        index.append(n)
    return _records(lines, index)


def _records(lines: list[str], index: Iterable[int]) -> pd.DataFrame:
    return pd.DataFrame({"record": pd.Series(lines, index=pd.Index(index, dtype="int64", name="thread"), dtype=object)})


def _thread_numbers(records: Sequence[Any], threads: Sequence[Thread], numbers: Sequence[int]) -> list[int]:
    """The thread number of each record. Records come in thread order, one per thread, or
    one error record per message for a thread that failed (``workers.failed``): counted,
    not looked up by Message-ID, which real dumps repeat across threads."""
    out: list[int] = []
    pos = used = 0
    for r in records:
        out.append(numbers[pos])
        used += 1
        if not isinstance(r, ErrorRecord) or used >= len(threads[pos].messages):
            pos, used = pos + 1, 0
    return out


def _line(record: dict[str, Any]) -> str:
    """A record as ``--format jsonl`` writes it."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def classify_bag(pieces: db.Bag, own: Iterable[str] = (), spec: Spec = Spec(),
                 partitions: int | None = None) -> tuple[dd.DataFrame, Plan]:
    """The records of a bag of parsed pieces (from :func:`read_bag`): a Dask DataFrame
    with one JSON line per row (column ``record``), indexed by thread number, partitions in
    the local engine's order (threads by their first message's input position, then the
    error records of unreadable messages).

    Runs on the active ``distributed.Client`` (see :func:`client_for`). Reads and threads
    now (the parsed messages stay on the workers until the records are computed); grading
    is lazy."""
    client = get_client()
    parts = client.compute(pieces.to_delayed())  # one future per partition, held by the plan
    slims = client.gather(client.map(_slim, parts))
    the_plan = plan(slims, own)
    the_plan.parsed = parts
    graded = _graded(parts, the_plan, spec, partitions, len(client.scheduler_info()["workers"]))
    if the_plan.errors:
        first = len(the_plan.sizes)
        errors = _records([_line(e.to_dict()) for e in the_plan.errors], range(first, first + len(the_plan.errors)))
        tail = dd.from_pandas(errors, npartitions=1, sort=False)
        graded = tail if graded is None else dd.concat([graded, tail])
    if graded is None:
        graded = dd.from_pandas(_RECORDS_META, npartitions=1)
    return graded, the_plan


def _graded(parts: list[Any], the_plan: Plan, spec: Spec, partitions: int | None,
            workers: int) -> dd.DataFrame | None:
    sizes = the_plan.sizes
    if not sizes:
        return None
    if partitions is None:
        partitions = max(workers * PARTS_PER_WORKER, math.ceil(sum(sizes) / PART_MESSAGES))
    frames = []
    for i, part in enumerate(parts):
        firsts = {a[0]: the_plan.customers[a[0]] for a in the_plan.assign[i] if a is not None and a[1] == 0}
        frames.append(dask.delayed(_rows)(part, the_plan.assign[i], the_plan.offsets, firsts))
    frame = dd.from_delayed(frames, meta=_META, verify_meta=False)
    # A task shuffle, not p2p: p2p pins each output partition to a worker before grading
    # starts, so uneven partitions cannot move to an idle worker.
    shuffled = frame.set_index("thread", divisions=divisions(sizes, partitions), shuffle_method="tasks")
    return shuffled.map_partitions(_grade, spec, meta=_RECORDS_META)


def classify_paths(paths: Iterable[str], own: Iterable[str] = (), spec: Spec = Spec(),
                   blocksize: int = BLOCKSIZE, storage_options: dict[str, Any] | None = None
                   ) -> tuple[dd.DataFrame, Plan]:
    """:func:`classify_bag` of the files at ``paths`` (local paths, fsspec URLs, globs),
    on the active ``distributed.Client``."""
    files = list_inputs(paths, storage_options)
    return classify_bag(read_bag(files, blocksize, storage_options), own, spec)


# ---------------------------------------------------------------- writing and the CLI


def _write_part(frame: pd.DataFrame, url: str, storage_options: dict[str, Any]) -> dict[str, Any]:
    """One partition's records as a JSONL file; returns what the run summary counts."""
    with fsspec.open(url, "w", encoding="utf-8", newline="\n", **storage_options) as fh:
        return _write_lines(frame["record"], fh)


def _write_lines(lines: Iterable[str], fh: Any) -> dict[str, Any]:
    """Records written one per line to the text stream ``fh``; returns what the run
    summary counts."""
    counts: dict[str, Any] = {"threads": 0, "thread_messages": 0, "errors": 0, "fraud": 0,
                              "grades": Counter(), "languages": Counter()}
    for line in lines:
        fh.write(line)
        fh.write("\n")
        r = json.loads(line)
        if "error" in r:
            counts["errors"] += 1
            continue
        counts["threads"] += 1
        counts["thread_messages"] += len(r["message_ids"])
        counts["grades"][r["grade"]] += 1
        counts["fraud"] += bool(r["fraud"]["suspected"])
        counts["languages"][r["lang"] or "unknown"] += 1
    return counts


def write_parts(records: dd.DataFrame, folder: str,
                storage_options: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Write ``records`` as ``folder/part-00000.jsonl``… (one per partition, in order)."""
    so = storage_options or {}
    fs, root = fsspec.core.url_to_fs(folder, **so)
    fs.makedirs(root, exist_ok=True)
    for old in fs.glob(posixpath.join(root, "part-*.jsonl")):
        fs.rm(old)
    tasks = [dask.delayed(_write_part)(d, fs.unstrip_protocol(posixpath.join(root, f"part-{i:05d}.jsonl")), so)
             for i, d in enumerate(records.to_delayed())]
    counts = list(dask.compute(*tasks))
    seen = len(fs.glob(posixpath.join(root, "part-*.jsonl")))
    if seen != len(tasks):
        raise InputError(f"{folder}: the workers wrote {len(tasks)} part files, this machine sees {seen}: "
                         f"give --parts a folder that the workers and this machine share (a shared disk, "
                         f"or an fsspec URL such as s3://bucket/run/)")
    return counts


def stream_records(records: dd.DataFrame, out: Any) -> list[dict[str, Any]]:
    """Write ``records`` to the text stream ``out`` in order, a partition at a time as the
    workers finish them (nothing touches a disk the workers and this machine might not
    share); returns each partition's summary counts."""
    client = get_client()
    futures = client.compute(records.to_delayed())
    counts = []
    for future in futures:
        counts.append(_write_lines(future.result()["record"], out))
        future.release()
    return counts


def merge_parts(folder: str, out: Any, storage_options: dict[str, Any] | None = None) -> None:
    """Concatenate the part files of ``folder`` in order into the text stream ``out``."""
    fs, root = fsspec.core.url_to_fs(folder, **(storage_options or {}))
    for path in sorted(fs.glob(posixpath.join(root, "part-*.jsonl"))):
        with fs.open(path, "r", encoding="utf-8") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), ""):
                out.write(chunk)


@contextmanager
def client_for(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A client of ``scheduler`` (or ``DASK_SCHEDULER_ADDRESS``), else of a new local
    cluster of ``workers`` single-threaded processes, closed on exit."""
    import logging

    logging.getLogger("distributed.shuffle").setLevel(logging.ERROR)  # a note per shuffle otherwise
    address = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS")
    if address:
        with Client(address) as client:
            yield client
        return
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def run_cli(args: Any) -> int:
    """``inquiry-nlp classify --engine dask``: part files in ``--parts`` (merged into ``-o``
    when given), else the records streamed through this machine into ``-o`` or standard
    output."""
    import sys

    from inquiry_nlp.cli import _own_values, _print_summary

    if args.format not in (None, "jsonl") or args.resume:
        raise InputError("--engine dask writes JSON Lines (no --format other than jsonl, no --resume); "
                         "render other formats from the merged file with: inquiry-nlp report FILE")
    spec = Spec(tuple(args.rules or ()), None if args.no_model else (args.model or "default"))
    to_file = bool(args.output and args.output != "-")
    with client_for(args.scheduler, args.workers) as client:
        client.register_plugin(InquiryState(spec))
        records, the_plan = classify_paths(args.paths, _own_values(args.own), spec, args.blocksize)
        if args.parts:
            counts = write_parts(records, args.parts)
            if to_file:
                with fsspec.open(args.output, "w", encoding="utf-8", newline="\n") as fh:
                    merge_parts(args.parts, fh)
            elif args.output == "-":
                merge_parts(args.parts, sys.stdout)
        elif to_file:
            with fsspec.open(args.output, "w", encoding="utf-8", newline="\n") as fh:
                counts = stream_records(records, fh)
        else:
            counts = stream_records(records, sys.stdout)
        sys.stdout.flush()
    if not args.quiet:
        _print_summary(summary(the_plan, counts).as_dict(), args)
    return 0


def summary(the_plan: Plan, counts: Sequence[dict[str, Any]]) -> Any:
    """The local engine's run summary from a plan and the part files' counts."""
    from inquiry_nlp.pipeline import Summary

    s = Summary(messages=the_plan.messages, owner=the_plan.owner)
    for c in counts:
        s.threads += c["threads"]
        s.thread_messages += c["thread_messages"]
        s.errors += c["errors"]
        s.fraud += c["fraud"]
        s.grades.update(c["grades"])
        s.languages.update(c["languages"])
    return s
