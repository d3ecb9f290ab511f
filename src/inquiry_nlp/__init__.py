"""inquiry-nlp: tell a B2B supplier's sales team which inquiry emails deserve their time.

Reads inbox dumps (Chinese and English), groups them into inquiry threads, extracts what
the customer asks for, and grades each thread 1-4 with fraud flags.

>>> import inquiry_nlp
>>> inquiry_nlp.__version__ >= "0.1"
True
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
