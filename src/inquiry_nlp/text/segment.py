"""Segmentation: jieba with the trade dictionary and spaCy blank pipelines, each built lazily
and once per process.

jieba loads its dictionary on first use, with ``jieba.dt.tmp_dir`` set beforehand to a private
temporary folder (so jieba never writes its cache into the shared system temp folder). The
dictionary is ``data/jieba_dict.txt``, jieba's own trimmed to its 100,000 most frequent words
(``tools/make_jieba_dict.py``): it loads in a quarter of the time of the full 349,046 words,
which a mail filter's cold start feels. The trade dictionary ``data/trade_terms.txt``
(products, materials, units, Incoterms, standards) is added right after. A spaCy pipeline segmented by jieba cannot
be pickled: each worker process builds its own. Extractors that match a lexicon need no
segmentation (see ``extract.products``); jieba serves the features that need Chinese words.

>>> cut("需要304不锈钢六角螺栓M10x50，镀锌，LED灯带和T8灯管")
['需要', '304不锈钢', '六角螺栓', 'M10x50', '，', '镀锌', '，', 'LED灯带', '和', 'T8灯管']
>>> [t.text for t in zh_nlp()("请报价热镀锌钢管DN50")]
['请', '报价', '热镀锌钢管', 'DN50']
>>> [t.text for t in en_nlp()("hex bolts M10x50, 40HQ")]
['hex', 'bolts', 'M10x50', ',', '40HQ']
"""
from __future__ import annotations

import logging
import os
import sys
import tempfile
import threading
from functools import lru_cache
from importlib import resources
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import jieba
    from spacy.language import Language
    from spacy.vocab import Vocab

__all__ = ["cut", "en_nlp", "import_spacy", "jieba_tokenizer", "shared_vocab", "trade_terms", "zh_nlp"]

_LOCK = threading.RLock()


def trade_terms() -> list[tuple[str, int, str]]:
    """The jieba user dictionary (``data/trade_terms.txt``): (term, frequency, POS tag)."""
    out = []
    text = resources.files("inquiry_nlp").joinpath("data/trade_terms.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(" ")
        term = parts[0]
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
        tag = parts[2] if len(parts) > 2 else "n"
        out.append((term, freq, tag))
    return out


def _tmp_dir() -> str:
    try:
        user = str(os.getuid())  # type: ignore[attr-defined]
    except AttributeError:  # pragma: no cover - Windows
        user = os.environ.get("USERNAME", "user")
    path = os.path.join(tempfile.gettempdir(), f"inquiry-nlp-jieba-{user}")
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
    except OSError:  # pragma: no cover - read-only temp: a fresh private folder
        path = tempfile.mkdtemp(prefix="inquiry-nlp-jieba-")
    return path


@lru_cache(maxsize=1)
def jieba_tokenizer() -> jieba.Tokenizer:
    """jieba's default tokenizer, initialised once with the trade dictionary.

    It is the process-wide ``jieba.dt`` (spaCy's jieba segmenter calls ``jieba.cut``), so the
    trade terms also shape the segmentation of ``zh_nlp()``.
    """
    with _LOCK:
        from .normalize import import_without_pkg_resources

        jieba = import_without_pkg_resources("jieba")
        jieba.setLogLevel(logging.WARNING)
        dt = jieba.dt
        if not dt.initialized:  # (a host program that loaded jieba itself keeps its dictionary)
            if dt.tmp_dir is None:
                dt.tmp_dir = _tmp_dir()
            dt.set_dictionary(str(resources.files("inquiry_nlp").joinpath("data/jieba_dict.txt")))
            dt.initialize()
        for term, freq, tag in trade_terms():
            dt.add_word(term, freq or None, tag)
        return dt


def cut(text: str, hmm: bool = True) -> list[str]:
    """Words of a Chinese (or mixed) text, segmented with the trade dictionary."""
    return [w for w in jieba_tokenizer().lcut(text, HMM=hmm) if not w.isspace()]


def import_spacy() -> ModuleType:
    """The ``spacy`` package, imported without its command line.

    ``spacy/__init__.py`` imports ``spacy.cli.info`` only to re-export ``spacy.info``, and that
    pulls in every CLI command with typer, weasel, httpx, requests and rich: 0.3 s of CPU, a
    third of spaCy's import, which a cold mail filter pays for nothing. While spaCy imports,
    ``spacy.cli`` and ``spacy.cli.info`` are placeholders in ``sys.modules``; they are removed
    right after, so a later ``import spacy.cli`` loads the real one, and ``spacy.info`` loads
    it when called. Nothing else in spaCy's import reads ``spacy.cli``.
    """
    with _LOCK:
        if "spacy" in sys.modules:  # (the import statement waits for one under way in another thread)
            import spacy

            return spacy
        placeholders: dict[str, ModuleType] = {}
        if "spacy.cli" not in sys.modules:
            cli, info = ModuleType("spacy.cli"), ModuleType("spacy.cli.info")
            cli.__path__ = []  # a package, so that "spacy.cli.info" can be its child
            info.info = _spacy_info  # type: ignore[attr-defined]
            placeholders = {"spacy.cli": cli, "spacy.cli.info": info}
            sys.modules.update(placeholders)
        try:
            import spacy
        finally:
            for name, module in placeholders.items():
                if sys.modules.get(name) is module:
                    del sys.modules[name]
        return spacy


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, with spaCy's command line imported on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


@lru_cache(maxsize=1)
def en_nlp() -> Language:
    """A blank English spaCy pipeline (tokenizer only), built once per process."""
    with _LOCK:
        return import_spacy().blank("en")


@lru_cache(maxsize=1)
def zh_nlp() -> Language:
    """A blank Chinese spaCy pipeline segmented by jieba with the trade dictionary."""
    with _LOCK:
        jieba_tokenizer()
        return import_spacy().blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


@lru_cache(maxsize=1)
def shared_vocab() -> Vocab:
    """The vocabulary phrase matchers and their documents share: a bare one that
    only knows lower-casing (building lexemes with every English attribute getter made loading
    a lexicon of a few thousand terms three times slower)."""
    with _LOCK:
        import_spacy()
        from spacy.attrs import LOWER
        from spacy.vocab import Vocab

        return Vocab(lex_attr_getters={LOWER: str.lower})
