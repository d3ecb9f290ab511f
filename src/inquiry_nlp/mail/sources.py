"""Where messages come from: mbox, maildir, folders of .eml, one .eml, stdin, JSONL, CSV.

:func:`iter_raw` walks the paths of one dump and yields, lazily and in a deterministic
order, each message as the raw bytes of an RFC 822 message (:class:`RawMail`) or as an
export row (:class:`RawRow`), tagged with its source and index so errors can name them.
Nothing is decoded here and nothing is held beyond the message being read: memory stays
flat however large the dump.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); p = d / "a.mbox"
>>> _ = p.write_bytes(b"From x@y Mon Jan  1 00:00:00 2024\\nSubject: a\\n\\nhi\\n\\n"
...                   b"From x@y Mon Jan  1 00:00:00 2024\\nSubject: b\\n\\n>From here\\n")
>>> [(r.index, r.data) for r in iter_raw([str(p)])]
[(0, b'Subject: a\\n\\nhi\\n'), (1, b'Subject: b\\n\\nFrom here\\n')]
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError


@dataclass
class RawMail:
    source: str
    index: int
    data: bytes


@dataclass
class RawRow:
    """One message of a JSONL/CSV export (or one message of a labelled thread object)."""

    source: str
    index: int
    row: dict[str, Any]


@dataclass
class RawError:
    """Input that is not a message at all (a JSONL line that is not JSON, …)."""

    source: str
    index: int
    kind: str
    detail: str


Raw = RawMail | RawRow | RawError

_FROM_LINE = re.compile(rb"^From \S+\s.*\b(19|20)\d\d\b")
_MBOXRD_ESCAPE = re.compile(rb"^>(>*From )")
_SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini", ".mh_sequences", "cmds"}
_SKIP_SUFFIXES = {".md", ".txt.sig", ".py", ".json", ".toml", ".yml", ".yaml", ".pdf", ".png", ".jpg", ".zip", ".gz.sig"}


def iter_raw(paths: Iterable[str]) -> Iterator[Raw]:
    """Every message of the dump made of ``paths``, in order. Raises :class:`InputError`
    up front for a path that does not exist or cannot be read."""
    paths = list(paths)
    for p in paths:
        check_path(p)
    for p in paths:
        if p == "-":
            yield RawMail("<stdin>", 0, sys.stdin.buffer.read())
            continue
        yield from _iter_path(Path(p))


def estimate_messages(paths: Iterable[str]) -> int | None:
    """A quick estimate of how many messages ``paths`` hold (for a progress bar's ETA):
    From_ lines of an mbox, files of a folder, lines of an export. None when unknown."""
    total = 0
    for p in paths:
        if p == "-":
            total += 1
            continue
        path = Path(p)
        try:
            if path.is_dir():
                total += sum(len(files) for _, _, files in os.walk(path))
            elif path.name.lower().endswith(".gz"):
                return None
            else:
                kind = detect_kind(path)
                marker = b"\nFrom " if kind == "mbox" else b"\n"
                n = 1 if kind in ("mbox", "eml") else 0
                if kind != "eml":
                    with open(path, "rb") as fh:
                        while chunk := fh.read(1 << 22):
                            n += chunk.count(marker)
                total += max(n - (1 if kind == "csv" else 0), 0)
        except OSError:
            return None
    return total


def check_path(p: str) -> None:
    if p == "-":
        return
    path = Path(p)
    if not path.exists():
        raise InputError(f"{p}: no such file or folder. Give an mbox, a maildir, a folder of .eml "
                         f"files, an .eml, a .jsonl/.csv export, or - for standard input.")
    if not os.access(path, os.R_OK):
        raise InputError(f"{p}: permission denied. Check the file's permissions (or run as its owner).")


def _iter_path(path: Path) -> Iterator[Raw]:
    if path.is_dir():
        if _is_maildir(path):
            yield from _iter_maildir(path)
        else:
            yield from _iter_folder(path)
        return
    kind = detect_kind(path)
    if kind == "jsonl":
        yield from _iter_jsonl(path)
    elif kind == "csv":
        yield from _iter_csv(path)
    elif kind == "mbox":
        with _open_binary(path) as fh:
            yield from _iter_mbox(fh, str(path))
    else:
        with _open_binary(path) as fh:
            yield RawMail(str(path), 0, fh.read())


def detect_kind(path: Path) -> str:
    """``mbox``, ``eml``, ``jsonl`` or ``csv``, from the name and, failing that, the first line."""

    def head() -> bytes:
        with _open_binary(path) as fh:
            return fh.read(4096)

    return kind_of(path.name, head)


def kind_of(filename: str, read_head: Callable[[], bytes]) -> str:
    """:func:`detect_kind` for any storage: ``read_head`` returns the (decompressed) first
    4 KB of the file, or raises OSError; it is called only when the name does not decide."""
    name = filename.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".mbox", ".mbx", ".mbox.txt")) or name in {"mbox", "inbox", "sent"}:
        return "mbox"
    try:
        head = read_head()
    except OSError:
        return "eml"
    first = head.lstrip(b"\r\n").split(b"\n", 1)[0]
    if first.startswith(b"From ") and not first.startswith(b"From: "):
        return "mbox"
    if name.endswith(".json") and head.lstrip()[:1] in (b"{", b"["):
        return "jsonl"
    return "eml"


def _open_binary(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _iter_mbox(fh: BinaryIO, source: str) -> Iterator[RawMail]:
    """Split an mbox at its ``From `` lines (mboxo or mboxrd), streaming line by line.

    A line starts a message when it has the From_ shape (``From`` sender, date with a year);
    body lines that merely begin with "From " do not. mboxrd's ``>From `` is unescaped."""
    index = 0
    buf: list[bytes] = []
    started = False
    for line in fh:
        if line.startswith(b"From ") and _FROM_LINE.match(line):
            if started:
                yield RawMail(source, index, _finish(buf))
                index += 1
            buf = []
            started = True
            continue
        if not started:
            if line.strip():
                started = True  # no From_ line at the top: a bare message
            else:
                continue
        if line.startswith(b">") and _MBOXRD_ESCAPE.match(line):
            line = line[1:]
        buf.append(line)
    if started:
        yield RawMail(source, index, _finish(buf))


def _finish(lines: list[bytes]) -> bytes:
    # The blank line before the next From_ belongs to the mbox, not the message.
    if lines and not lines[-1].strip():
        lines = lines[:-1]
    return b"".join(lines)


def _is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() and (path / "new").is_dir()


def _iter_maildir(path: Path) -> Iterator[RawMail]:
    folders = [path] + sorted(p for p in path.iterdir() if p.name.startswith(".") and _is_maildir(p))
    for folder in folders:
        for sub in ("cur", "new"):
            for f in sorted((folder / sub).iterdir()):
                if f.is_file() and not f.name.startswith("."):
                    yield RawMail(str(f), 0, f.read_bytes())


def _iter_folder(path: Path) -> Iterator[Raw]:
    """Every mail file below ``path``: a folder's files in name order, then its subfolders in
    name order, recursively. ``.eml`` files and files without
    a known non-mail suffix are read as messages; mbox/JSONL/CSV files inside are expanded."""
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rootp = Path(root)
        if rootp != path and _is_maildir(rootp):
            dirs[:] = []
            yield from _iter_maildir(rootp)
            continue
        for name in sorted(files):
            if not is_mail_name(name):
                continue
            f = rootp / name
            if not f.is_file():
                continue
            yield from _iter_path(f)


def is_mail_name(name: str) -> bool:
    """Whether a file met in a folder is read as mail (hidden files, notes, images and
    other non-mail files are passed over)."""
    return not (name.startswith(".") or name in _SKIP_NAMES or Path(name).suffix.lower() in _SKIP_SUFFIXES)


def is_from_line(line: bytes) -> bool:
    """Whether an mbox line starts a message (a From_ line: sender, then a date with a year)."""
    return line.startswith(b"From ") and _FROM_LINE.match(line) is not None


def iter_mbox(data: bytes, source: str) -> Iterator[RawMail]:
    """The messages of mbox bytes, indexed from 0 (see :func:`_iter_mbox`)."""
    return _iter_mbox(io.BytesIO(data), source)


def _iter_jsonl(path: Path) -> Iterator[Raw]:
    """Rows of a JSONL export. A line holding a labelled thread (a ``messages`` list, the
    corpus format of data/README.md) yields each of its messages."""
    source = str(path)
    index = 0
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8-sig", errors="replace") as fh:  # type: ignore[operator]
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield RawError(source, index, "unparseable_row", f"line {lineno} is not JSON ({exc.msg}); "
                               "each line must be one JSON object")
                index += 1
                continue
            if isinstance(obj, dict) and isinstance(obj.get("messages"), list):
                for m in obj["messages"]:
                    yield RawRow(source, index, m if isinstance(m, dict) else {"body": str(m)})
                    index += 1
            elif isinstance(obj, dict):
                yield RawRow(source, index, obj)
                index += 1
            else:
                yield RawError(source, index, "unparseable_row",
                               f"line {lineno} is JSON but not an object; each line must be one message object")
                index += 1


def _iter_csv(path: Path) -> Iterator[Raw]:
    """Rows of a CSV export (header row required; UTF-8, UTF-8 with BOM, or GBK as Excel
    writes it in China)."""
    source = str(path)
    csv.field_size_limit(64 * 1024 * 1024)
    with _open_binary(path) as fb:
        head = fb.read(1 << 16)
    encoding = "utf-8-sig"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the buffer's end
            encoding = "gb18030"
    with _open_binary(path) as fb:
        text = io.TextIOWrapper(fb, encoding=encoding, errors="replace", newline="")
        reader = csv.DictReader(text)
        if not reader.fieldnames:
            return
        for index, row in enumerate(reader):
            clean = {str(k).strip().lower().replace("-", "_").replace(" ", "_"): v
                     for k, v in row.items() if k is not None}
            yield RawRow(source, index, clean)
