"""Write: the records of a run as JSON Lines, CSV, or a terminal table (HTML to come)."""
from __future__ import annotations

from .csv import write_csv
from .jsonl import write_jsonl
from .table import write_table

WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "table": write_table}
__all__ = ["WRITERS", "write_csv", "write_jsonl", "write_table"]
