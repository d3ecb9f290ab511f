"""JSON Lines: one object per thread (or error record) per line, nothing else."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..mail.message import ErrorRecord
from ..result import ThreadResult


def write_jsonl(records: Iterable[ThreadResult | ErrorRecord], out: TextIO) -> int:
    """Write each record as one line of JSON; returns the number of lines written."""
    n = 0
    for r in records:
        out.write(json.dumps(r.to_dict(), ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
        n += 1
    return n
