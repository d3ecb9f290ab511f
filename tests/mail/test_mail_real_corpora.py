"""The real public mail in ../shared/data/real: read with zero crashes, every message
accounted for, Chinese recovered from lying charset headers."""
from __future__ import annotations

import mailbox
import re

import pytest

from conftest import REAL, need_shared
from inquiry_nlp.mail import Message, iter_messages, read_dump
from inquiry_nlp.mail.charsets import plausibility

HAN = re.compile(r"[\u4e00-\u9fff]")

CORPORA = [
    ("trec06c/ham", 250), ("trec06c/spam", 250), ("trec06c/charset_traps", 35),
    ("spamassassin/ham", 250), ("spamassassin/spam", 120),
]


@pytest.mark.slow
@pytest.mark.parametrize("rel,count", CORPORA)
def test_every_file_is_read_and_accounted_for(rel, count):
    path = need_shared(REAL / rel)
    assert len([p for p in path.iterdir() if p.is_file()]) == count
    dump = read_dump([str(path)])
    assert dump.messages_read == count
    assert dump.accounted()
    assert not dump.errors, [(e.source, e.detail) for e in dump.errors]


@pytest.mark.slow
def test_phishing_mbox_matches_the_stdlib_message_count():
    path = need_shared(REAL / "nazario" / "phishing0.mbox")
    expected = len(mailbox.mbox(str(path)))
    dump = read_dump([str(path)])
    assert dump.messages_read == expected == 414
    assert dump.accounted()
    # Phishing HTML: the links keep text and target, the signal's raw material.
    links = [l for t in dump.threads for m in t.messages for l in m.links]
    assert len(links) > 400
    assert any(l.text.startswith("http") and l.text.split("/")[2] != l.href.split("/")[2]
               for l in links if l.href.startswith("http") and "/" in l.text[8:])


@pytest.mark.slow
def test_charset_traps_yield_readable_chinese():
    path = need_shared(REAL / "trec06c" / "charset_traps")
    items = list(iter_messages([str(path)]))
    assert len(items) == 35
    for m in items:
        assert isinstance(m, Message)
        assert len(HAN.findall(m.body)) >= 10, m.source
        assert plausibility(m.body) > 0.6, (m.source, m.body[:80])
    by_name = {m.source.rsplit("/", 1)[-1]: m for m in items}
    trap = by_name["big5decl_589.eml"]  # Big5 declared over GB text
    assert trap.subject == "金属加工刀具夹具应用调查千人统计结果（八）"
    assert "金属加工刀具夹具调查公布后" in trap.body
    b64 = by_name["spam_4496.eml"]       # base64 declared over raw 8-bit GB text
    assert "可以交个朋友吗" in b64.subject and "很想与您学习" in b64.body


@pytest.mark.slow
def test_chinese_ham_and_spam_decode_cleanly():
    path = need_shared(REAL / "trec06c")
    items = [m for m in iter_messages([str(path / "ham"), str(path / "spam")]) if isinstance(m, Message)]
    chinese = [m for m in items if HAN.search(m.body)]
    assert len(chinese) >= 480
    garbled = [m.source for m in chinese if plausibility(m.body) < 0.5]
    assert len(garbled) <= 5, garbled
