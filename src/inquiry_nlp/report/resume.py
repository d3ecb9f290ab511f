"""Resume: what an interrupted run already wrote, so the next run skips exactly that.

A run writes whole records only, but a killed process can leave half a line: it is cut off
here, and its thread is classified again.
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

from ..errors import InputError

_CSV_ERROR = re.compile(r"\((?P<source>.*) #(?P<index>\d+)\)$")


def already_written(path: Path, fmt: str) -> frozenset[str]:
    """The keys (thread ids; ``error:SOURCE#INDEX`` for error records) of every complete
    record in ``path``; a trailing partial record is removed from the file."""
    _drop_partial_line(path)
    keys: set[str] = set()
    seen: Counter[str] = Counter()

    def add(key: str) -> None:
        # Dumps can hold two conversations under one Message-ID: the n-th is its own key.
        seen[key] += 1
        keys.add(key if seen[key] == 1 else f"{key}#{seen[key]}")

    with open(path, encoding="utf-8", newline="") as fh:
        if fmt == "jsonl":
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    add(record_key(json.loads(line)))
                except (ValueError, KeyError, TypeError) as exc:
                    raise InputError(f"{path}:{n}: not a record of inquiry-nlp ({exc}); --resume continues only "
                                     f"a file written by classify --format jsonl") from None
        else:
            for row in csv.DictReader(fh):
                if row.get("error"):
                    m = _CSV_ERROR.search(row["error"])
                    if m:
                        add(f"error:{m['source']}#{m['index']}")
                elif row.get("thread_id"):
                    add(row["thread_id"])
    return frozenset(keys)


def record_key(record: dict) -> str:
    """A written record's key: its thread id, or for an error record its source and index."""
    if "error" in record:
        return f"error:{record['error'].get('source')}#{record['error'].get('index')}"
    return record["thread_id"]


def _drop_partial_line(path: Path) -> None:
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        with open(path, "r+b") as fh:
            fh.truncate(data.rfind(b"\n") + 1)
