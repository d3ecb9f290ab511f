"""Company and person (to be written)."""
from __future__ import annotations

from .base import Context, Found


def extract_company(ctx: Context) -> list[Found]:
    return []


def extract_person(ctx: Context) -> list[Found]:
    return []
