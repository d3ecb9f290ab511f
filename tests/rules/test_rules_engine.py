"""Rule files an analyst writes: overrides, new rules, and errors that say what to fix."""
from __future__ import annotations

import json

import pytest

from inquiry_nlp.cli import main
from inquiry_nlp.mail import Owner, build_threads, split_body
from inquiry_nlp.mail.parse import parse_mail
from inquiry_nlp.extract import extract_thread
from inquiry_nlp.rules import SIGNALS, RuleFileError, evaluate, load_rules
from mailfactory import message

US = "sales@hongli-fasteners.com"


def thread_of(*bodies, subject="询价", sender="buyer@example.com", attachments_html=None):
    msgs = []
    for i, body in enumerate(bodies):
        m = parse_mail(message(body, subject=subject, sender=sender, to=US, msgid=f"<{i}@example.com>"), "t", i)
        m.parts = split_body(m.body)
        msgs.append(m)
    threads, _ = build_threads(msgs, Owner.from_config([US]))
    return threads[0]


def fired(thread, ruleset=None):
    ruleset = ruleset or load_rules()
    return evaluate(thread, extract_thread(thread), ruleset)


def test_every_signal_of_the_spec_has_at_least_one_rule():
    rs = load_rules()
    assert {r.signal for r in rs.active()} == set(SIGNALS)
    for r in rs.active():
        assert r.name and r.description and isinstance(r.score, float)


def test_fee_request_fires_with_evidence_and_message():
    t = thread_of("王经理您好，合同已经准备好了，但需支付公证费3000元，请先打到公证处账户。")
    s = fired(t)
    hit = s.by_code["fee_request"]
    assert "公证费" in hit.evidence and hit.message_id == "<0@example.com>"
    assert s.fraud_score > 0.5


def test_traditional_chinese_matches_simplified_patterns():
    t = thread_of("陳經理您好，簽約前需支付公證費，請儘快安排。")
    assert "fee_request" in fired(t).by_code


def test_override_file_changes_scores_disables_and_adds(tmp_path):
    f = tmp_path / "my_rules.toml"
    f.write_text('''
[settings]
local_places = ["青岛", "黄岛"]

[[rule]]
name = "ZH_FEE_NOTARY"
score = 0.1

[[rule]]
name = "EN_PRICE_REQUEST"
enabled = false

[[rule]]
name = "MY_HALAL"
signal = "detail_interest"
score = 1.0
description = "asks for halal certification"
keywords = ["halal"]
''', encoding="utf-8")
    rs = load_rules([f])
    assert rs.rules["ZH_FEE_NOTARY"].score == 0.1
    assert not rs.rules["EN_PRICE_REQUEST"].enabled
    assert rs.setting("local_places") == ["青岛", "黄岛"]
    t = thread_of("Do you have halal certificate for the gelatin capsules? Please quote.")
    s = fired(t, rs)
    assert s.by_code["detail_interest"].rule in ("MY_HALAL", "DETAIL_QUESTIONS")
    assert all(h.rule != "EN_PRICE_REQUEST" for h in s.hits)


@pytest.mark.parametrize("content,message", [
    ('[[rule]]\nname = "X"\nsignal = "fee_request"\nscore = 1\ndescription = "d"\npatterns = ["(unclosed"]\n',
     r"my\.toml:2: rule 'X': bad pattern"),
    ('[[rule]]\nname = "X"\nsignal = "fee_request"\nscore = 1\ndescription = "d"\npatterns = ["fine", "a)b"]\n',
     r"my\.toml:2: rule 'X': bad pattern 'a\)b'"),
    ('[[rule]]\nname = "X"\nsignal = "fee_requst"\nscore = 1\ndescription = "d"\nkeywords = ["a"]\n',
     r"my\.toml:2: rule 'X' has unknown signal 'fee_requst'"),
    ('[[rule]]\nname = "NEW"\nsignal = "fee_request"\nkeywords = ["a"]\n',
     r"my\.toml:2: rule 'NEW' needs 'score'"),
    ('[[rule]]\nname = "X"\nsignal = "fee_request"\nscore = "high"\ndescription = "d"\nkeywords = ["a"]\n',
     r"score must be a number"),
    ('[[rule]\nname = "X"\n', r"my\.toml: not valid TOML: .*line 1"),
    ('[[rule]]\nname = "X"\nsignal = "fee_request"\nscore = 1\ndescription = "d"\nkeyword = ["a"]\n',
     r"unknown key\(s\) \['keyword'\]"),
    ('[rules]\nx = 1\n', r"unknown section\(s\) \['rules'\]"),
])
def test_malformed_rule_files_name_file_line_and_problem(tmp_path, content, message):
    f = tmp_path / "my.toml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(RuleFileError, match=message):
        load_rules([f])


def test_cli_reports_a_bad_rule_file_in_one_line(tmp_path, capsys):
    f = tmp_path / "bad.toml"
    f.write_text('[[rule]]\nname = "X"\nsignal = "nope"\nscore = 1\ndescription = "d"\nkeywords = ["a"]\n')
    eml = tmp_path / "a.eml"
    eml.write_bytes(message("hello"))
    assert main(["classify", str(eml), "--rules", str(f)]) == 2
    err = capsys.readouterr().err
    assert "bad.toml:2" in err and "unknown signal 'nope'" in err


def test_cli_rules_option_changes_the_output(tmp_path, capsys):
    f = tmp_path / "extra.toml"
    f.write_text('[[rule]]\nname = "MY_TEA"\nsignal = "fee_request"\nscore = 5.0\n'
                 'description = "asks for tea as a gift"\nkeywords = ["铁观音"]\n', encoding="utf-8")
    eml = tmp_path / "a.eml"
    eml.write_bytes(message("来签合同的时候记得带两盒铁观音给我们领导。", subject="合同"))
    assert main(["classify", str(eml), "--rules", str(f), "--format", "jsonl", "-q"]) == 0
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    assert record["fraud"]["suspected"] is True
    assert any(s["code"] == "fee_request" and "铁观音" in s["evidence"] for s in record["fraud"]["signals"])


def test_phishing_link_and_risky_attachment_from_the_reader():
    from mailfactory import b64, multipart
    raw = multipart([
        ("text/html; charset=utf-8", "",
         b'<p>Dear supplier, please <a href="http://secure-login.example.net/owa">view the RFQ document</a></p>'),
        ("application/octet-stream", "Content-Transfer-Encoding: base64\n"
         "Content-Disposition: attachment; filename=\"PO_20260311.pdf.exe\"", b64(b"MZ" + b"\0" * 64)),
    ], msgid="<p@x>", sender="buyer@example.com", to=US, subject="New order")
    m = parse_mail(raw, "t", 0)
    m.parts = split_body(m.body)
    threads, _ = build_threads([m], Owner.from_config([US]))
    s = fired(threads[0])
    assert "view the RFQ document" in s.by_code["phishing_link"].evidence
    assert s.by_code["risky_attachment"].evidence == "PO_20260311.pdf.exe"
    assert s.fraud_score > 0.8


def test_needle_prefilter_never_hides_a_match():
    """A rule's regex is skipped on a text without any of its needles: on every customer text
    of the corpus (and the subjects), a text the regex matches always holds a needle."""
    import re as _re

    from inquiry_nlp.corpus import load_threads
    from inquiry_nlp.rules.engine import needles
    from inquiry_nlp.text.normalize import for_matching

    from conftest import ROOT

    rules = [r for r in load_rules().rules.values() if r.func is None and r.regex is not None]
    assert sum(needles(r.regex) is not None for r in rules) >= len(rules) // 2  # the filter does work
    texts = []
    for i, t in enumerate(load_threads([ROOT / "data" / "corpus" / "hand"])):
        if i % 3 == 0:  # a third of the corpus keeps the test quick and still meets every rule
            texts += [for_matching(m["subject"] + "\n" + m["body"]) for m in t["messages"]]
    checked = 0
    for r in rules:
        for rx in [r.regex, *r.regexes]:  # the whole rule, and each pattern on its own
            need = needles(rx)
            if need is None:
                continue
            for text in texts:
                if rx.search(text):
                    checked += 1
                    assert any(n in text.lower() for n in need), (r.name, need, text[:200])
    assert checked > 200
    assert needles(_re.compile(r"(?:ab)?c")) is None or "c" not in needles(_re.compile(r"(?:ab)?c"))


@pytest.mark.parametrize("bodies, expect_index", [
    (["Hello, we make garden furniture.", "Please note our director's personal account for the fee."], None),
    (["We are reviewing suppliers.", "Kindly pay the notary fee before we sign the contract."], 1),
    (["Kindly pay the notary fee before we sign the contract.", "Thanks."], 0),
])
def test_customer_prefilter_on_joined_texts_finds_the_right_message(bodies, expect_index):
    """The needle test on all customer texts together (one per rule, not one per message)
    must give the same hit, in the same message, as testing each message on its own."""
    from inquiry_nlp.rules import ThreadView

    thread = thread_of(*bodies)
    extraction = extract_thread(thread)
    rs = load_rules()
    view = ThreadView(thread, extraction, rs.settings)
    for r in rs.active():
        if r.func is not None or r.regex is None or r.scope != "customer":
            continue
        got = view.find(r.checks, r.scope, r.first_message_only)
        per_message = next((mid for mid, _, norm in view.customer_texts(r.first_message_only)
                            if view._match(r.checks, norm)), None)
        assert (got[1] if got else None) == per_message, r.name
    hit = fired(thread).by_code.get("fee_request")
    assert (hit.message_id if hit else None) == (None if expect_index is None else f"<{expect_index}@example.com>")


def test_shipped_needles_are_the_ones_the_tool_makes():
    """rules/needles.json is what tools/make_rule_needles.py writes for the shipped rule files:
    after a rule (or the needle analysis) changes, this fails until the tool is run again."""
    import importlib.util
    from importlib import resources

    from conftest import ROOT
    from inquiry_nlp.rules.engine import NEEDLES_FILE, shipped_needles

    spec = importlib.util.spec_from_file_location("make_rule_needles", ROOT / "tools" / "make_rule_needles.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    shipped = resources.files("inquiry_nlp").joinpath(NEEDLES_FILE).read_text(encoding="utf-8")
    assert shipped == tool.render(), "run: python tools/make_rule_needles.py"
    rs = load_rules()
    pattern_rules = [r for r in rs.active() if r.patterns or r.keywords]
    assert all(s in shipped_needles() for r in pattern_rules for s in r.sources)


def test_shipped_patterns_compile_only_for_a_text_holding_a_needle():
    """A cold process (one message, then exit) compiles a shipped rule's regex only when a text
    holds one of its needles; the hits are those of the rules compiled up front."""
    from inquiry_nlp.lazyre import LazyPattern

    thread = thread_of("Hello, we make garden furniture.", "Kindly pay the notary fee before we sign the contract.")
    cold = load_rules()
    assert all(r._regexes is None for r in cold.active() if r.patterns or r.keywords)
    cold_hits = fired(thread, cold).hits
    lazy = [rx for r in cold.active() if r._checks for rx, _ in r._checks]
    assert lazy and all(isinstance(rx, LazyPattern) for rx in lazy)
    compiled = sum(rx.compiled_yet for rx in lazy)
    assert 0 < compiled < len(lazy) // 4
    warm = load_rules()
    warm_hits = fired(thread, warm).hits
    for r in warm.active():
        r.prepare()
    assert fired(thread, warm).hits == warm_hits == cold_hits
    assert "fee_request" in {h.code for h in cold_hits}


def test_needles_are_worked_out_when_the_rule_files_differ_from_the_table(monkeypatch):
    """Rules edited in place (the digest differs): the table is not used; patterns are compiled
    and checked at load, and a bad one is reported as for any rule file."""
    from inquiry_nlp.rules import engine

    files = engine._default_files()
    edited = [(name, text.replace('"公证处"', '"(公证处"', 1)) for name, text in files]  # a rule of ZH_FEE_NOTARY
    assert edited != files
    monkeypatch.setattr(engine, "_default_files", lambda: edited)
    engine.shipped_needles.cache_clear()
    try:
        assert engine.shipped_needles() == {}
        with pytest.raises(RuleFileError, match="ZH_FEE_NOTARY.*bad pattern"):
            load_rules()
    finally:
        monkeypatch.undo()
        engine.shipped_needles.cache_clear()
    assert engine.shipped_needles()
