"""Segmentation: jieba with the shipped dictionary and the trade terms."""
from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from inquiry_nlp.text.segment import cut, jieba_tokenizer

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_dictionary_is_the_one_the_tool_makes(tmp_path):
    """data/jieba_dict.txt is reproducible from the installed jieba: the model's word
    features depend on it."""
    out = tmp_path / "dict.txt"
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_jieba_dict.py"), "--out", str(out)],
                   check=True, capture_output=True)
    shipped = resources.files("inquiry_nlp").joinpath("data/jieba_dict.txt").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped
    assert 90_000 < shipped.count("\n") < 110_000


def test_jieba_uses_the_shipped_dictionary():
    assert Path(jieba_tokenizer().dictionary).name == "jieba_dict.txt"


@pytest.mark.parametrize("text,words", [
    ("需要304不锈钢六角螺栓M10x50，镀锌", ["304不锈钢", "六角螺栓", "M10x50", "镀锌"]),  # trade terms
    ("请报价热镀锌钢管DN50，FOB青岛", ["报价", "热镀锌钢管", "DN50", "FOB", "青岛"]),
    ("我们公司明年需要采购一批货物", ["我们", "公司", "明年", "需要", "采购", "货物"]),  # common words
    ("請提供最優惠的價格", ["請", "提供", "價格"]),
])
def test_common_and_trade_words_stay_whole(text, words):
    got = cut(text)
    for w in words:
        assert w in got, (w, got)


def test_spacy_is_imported_without_its_command_line():
    """import_spacy() leaves spaCy's CLI (typer, weasel, httpx, rich) unimported, and leaves no
    placeholder behind: spacy.info and a later `import spacy.cli` still give the real ones."""
    code = """if True:
        import sys
        from inquiry_nlp.text.segment import import_spacy, shared_vocab
        spacy = import_spacy()
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc
        vocab = shared_vocab()
        matcher = PhraseMatcher(vocab, attr="LOWER")
        matcher.add("P", [Doc(vocab, words=["hex", "bolts"])])
        assert len(matcher(Doc(vocab, words=["Hex", "Bolts", "please"]))) == 1
        heavy = sorted(m for m in ("spacy.cli", "spacy.cli.info", "typer", "weasel", "httpx", "rich")
                       if m in sys.modules)
        assert heavy == [], heavy
        assert spacy.info(markdown=False)["spacy_version"] == spacy.__version__
        import spacy.cli
        assert hasattr(spacy.cli, "download") and "typer" in sys.modules
    """
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
