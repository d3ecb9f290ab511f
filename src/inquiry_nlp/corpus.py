"""The labelled corpus (data/README.md format): loading threads and the fixed splits.

Splits are a pure function of the thread id (of the thread a variant comes from), so they
never move when threads are added: 70% train, 15% dev, 15% test. Only hand-written threads
are in test; a variant of a test thread is dropped from training rather than moved.

>>> split_of("zhsA-0001") in ("train", "dev", "test")
True
>>> split_of("variant-x", origin="variant:zhsA-0001") == split_of("zhsA-0001")
True
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

SPLITS = ("train", "dev", "test")



def split_of(thread_id: str, origin: str = "hand") -> str:
    root = origin.split(":", 1)[1] if origin.startswith("variant:") else thread_id
    bucket = int(hashlib.sha1(root.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "train" if bucket < 70 else ("dev" if bucket < 85 else "test")


def load_threads(paths: Iterable[str | Path]) -> Iterator[dict[str, Any]]:
    """Labelled threads from JSONL files or folders of them, each with its ``split``."""
    for p in paths:
        p = Path(p)
        files = sorted(p.rglob("*.jsonl")) if p.is_dir() else [p]
        for f in files:
            with open(f, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        t = json.loads(line)
                        t.setdefault("split", split_of(t["id"], t.get("origin", "hand")))
                        t["_file"] = str(f)
                        yield t


def select(threads: Iterable[dict[str, Any]], splits: Iterable[str]) -> list[dict[str, Any]]:
    wanted = set(splits)
    out = []
    for t in threads:
        if t["split"] in wanted:
            if t["split"] == "test" and t.get("origin", "hand") != "hand":
                continue
            out.append(t)
    return out


def thread_from_labels(t: dict[str, Any]):
    """A Thread from a labelled thread's messages, ours marked by its ``own`` domain."""
    from .mail import Owner, Thread, split_body, thread_lang
    from .mail.message import Message
    from .mail.parse import parse_row

    own = Owner.from_config([t["own"]])
    msgs: list[Message] = []
    for i, row in enumerate(t["messages"]):
        m = parse_row(row, t.get("_file", "labels"), i)
        assert isinstance(m, Message), m
        m.parts = split_body(m.body)
        m.is_ours = own.owns(m.from_addr)
        msgs.append(m)
    thread = Thread(msgs)
    thread.customer = next((m.sender for m in msgs if not m.is_ours and m.sender), None)
    thread.lang = thread_lang(thread)
    return thread
