"""lazyre: ``re`` with each pattern compiled on first use (the extractors' module patterns)."""
from __future__ import annotations

import pickle
import re
import subprocess
import sys

import pytest

from inquiry_nlp import lazyre


def test_a_pattern_compiles_on_first_use_and_then_is_the_compiled_one():
    rx = lazyre.compile(r"(?P<n>\d+)\s?pcs", lazyre.IGNORECASE)
    assert isinstance(rx, lazyre.LazyPattern) and not rx.compiled_yet
    assert rx.pattern == r"(?P<n>\d+)\s?pcs"  # reading the source compiles nothing
    assert not rx.compiled_yet
    assert rx.search("need 500 PCS")["n"] == "500" and rx.compiled_yet
    assert rx.search.__self__ is rx.compiled  # from now on, the compiled pattern's own methods
    assert rx.flags == re.compile(r"(?P<n>\d+)\s?pcs", re.IGNORECASE).flags
    assert rx.groupindex == {"n": 1} and rx.groups == 1


@pytest.mark.parametrize("use, expect", [
    (lambda rx: rx.match("12pcs").group(), "12pcs"),
    (lambda rx: rx.fullmatch("12 pcs").group(), "12 pcs"),
    (lambda rx: [m.group() for m in rx.finditer("1pcs 2 pcs")], ["1pcs", "2 pcs"]),
    (lambda rx: rx.findall("1pcs 2 pcs"), ["1", "2"]),
    (lambda rx: rx.sub("N", "1pcs, 2 pcs"), "N, N"),
    (lambda rx: rx.subn("N", "1pcs, 2 pcs"), ("N, N", 2)),
    (lambda rx: rx.split("a1pcsb"), ["a", "1", "b"]),
    (lambda rx: lazyre.sub(rx, "N", "3pcs"), "N"),
    (lambda rx: lazyre.search(rx, "x 4pcs").group(), "4pcs"),
    (lambda rx: lazyre.match(rx, "5pcs").group(), "5pcs"),
    (lambda rx: lazyre.fullmatch(rx, "6pcs").group(), "6pcs"),
    (lambda rx: lazyre.findall(rx, "7pcs 8pcs"), ["7", "8"]),
    (lambda rx: lazyre.split(rx, "a9pcsb"), ["a", "9", "b"]),
    (lambda rx: pickle.loads(pickle.dumps(rx)).search("10 pcs").group(), "10 pcs"),
    (lambda rx: lazyre.compile(rx) is rx, True),
])
def test_every_use_gives_what_re_gives(use, expect):
    assert use(lazyre.compile(r"(\d+)\s?pcs")) == expect


def test_a_bad_pattern_fails_when_first_used():
    rx = lazyre.compile(r"(unclosed")
    with pytest.raises(lazyre.error):
        rx.search("x")


def test_importing_the_extractors_compiles_no_pattern_and_prepare_compiles_them_all():
    """A cold one-message process compiles only the patterns its message runs; a process that
    loads once (pipeline.prepare) compiles every one, and each compiles."""
    code = """if True:
        from inquiry_nlp import lazyre
        import inquiry_nlp.extract, inquiry_nlp.mail.quotes
        made = list(lazyre._MADE)
        assert len(made) > 300 and not any(p.compiled_yet for p in made), len(made)
        from inquiry_nlp.pipeline import prepare
        from inquiry_nlp.rules import load_rules
        prepare(load_rules())
        assert all(p.compiled_yet for p in lazyre._MADE) and lazyre.compile_all() == 0
    """
    subprocess.run([sys.executable, "-c", code], check=True)
