"""Products and specifications (to be written)."""
from __future__ import annotations

from .base import Context, Found


def extract_products(ctx: Context) -> list[Found]:
    return []


def extract_specs(ctx: Context) -> list[Found]:
    return []
