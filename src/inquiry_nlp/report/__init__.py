"""Write: the records of a run as JSON Lines, CSV, a terminal table or an HTML page."""
from __future__ import annotations

from .csv import write_csv
from .html import write_html
from .jsonl import write_jsonl
from .table import write_table

WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "table": write_table, "html": write_html}
__all__ = ["WRITERS", "write_csv", "write_html", "write_jsonl", "write_table"]
