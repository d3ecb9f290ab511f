"""inquiry-nlp: tell a B2B supplier's sales team which inquiry emails deserve their time.

Reads inbox dumps (Chinese and English), groups them into inquiry threads, extracts what
the customer asks for, and grades each thread 1-4 with fraud flags.

Importing the package is cheap: :class:`Classifier` (the Python API, :mod:`inquiry_nlp.api`)
is imported on first use, and the model loads on ``Classifier.load()``.

>>> import inquiry_nlp
>>> inquiry_nlp.__version__ >= "0.1"
True
>>> inquiry_nlp.Classifier.__name__
'Classifier'
"""
from __future__ import annotations

TYPE_CHECKING = False  # typing itself is not imported: `import inquiry_nlp` stays cheap for the filter
__version__ = "0.1.0"
__all__ = ["Classifier", "__version__"]

if TYPE_CHECKING:
    from .api import Classifier


def __getattr__(name: str) -> object:
    """The API's names, imported on first use (they pull in jieba, spaCy and scikit-learn)."""
    if name == "Classifier":
        from .api import Classifier

        return Classifier
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
