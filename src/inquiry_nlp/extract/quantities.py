"""Quantities (to be written: see issue 3)."""
from __future__ import annotations

from .base import Context, Found


def extract_quantities(ctx: Context) -> list[Found]:
    return []
