"""Write: the records of a run as JSON Lines, a terminal table (CSV and HTML to come)."""
from __future__ import annotations

from .jsonl import write_jsonl
from .table import write_table

WRITERS = {"jsonl": write_jsonl, "table": write_table}
__all__ = ["WRITERS", "write_jsonl", "write_table"]
