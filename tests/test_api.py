"""The Python API: every input form, one thread per call, streaming, thread safety, cheap import."""
from __future__ import annotations

import email
import email.policy
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from itertools import count

import pytest

from conftest import REAL, ROOT, need_shared
from inquiry_nlp.api import Classifier, Extracted, UnreadableMessage
from inquiry_nlp.mail import ErrorRecord, read_raw
from inquiry_nlp.mail.sources import iter_raw
from inquiry_nlp.result import ThreadResult, output_schema
from mailfactory import b64, encoded_word, message

SAMPLE = ROOT / "data" / "sample" / "inbox.mbox"
HEAVY = ("spacy", "jieba", "sklearn", "numpy", "scipy", "joblib", "aiohttp")

INQUIRY = message(
    "您好，\n\n我司需要采购304不锈钢六角螺栓 M12x80，数量20000件，请于下周五前报价（FOB青岛）。\n"
    "另需要样品5件。\n\n王磊\n山东恒泰机械有限公司 采购部\n电话：0531-88886666\n微信：wl_hengtai\n",
    subject=encoded_word("询价：不锈钢螺栓", "utf-8"), sender="王磊 <wanglei@sdhengtai-machinery.com>",
    to="sales@hongli-fasteners.com", msgid="<q1@sdhengtai-machinery.com>")
OUR_REPLY = message(
    "王先生您好，M12x80 单价 USD 0.12/pc，交期25天。", subject="Re: 询价", sender="Tom <tom@hongli-fasteners.com>",
    to="wanglei@sdhengtai-machinery.com", msgid="<r1@hongli-fasteners.com>", date="Tue, 03 Mar 2026 09:00:00 +0800")
FOLLOW_UP = message(
    "价格可以接受，我们下个月下单，请发形式发票。", subject="订单确认", sender="王磊 <wanglei@sdhengtai-machinery.com>",
    to="tom@hongli-fasteners.com", msgid="<q2@sdhengtai-machinery.com>", date="Wed, 04 Mar 2026 10:00:00 +0800")


def test_import_is_cheap_and_classifier_is_lazy():
    """Mail tools import the package on every message: spaCy, jieba and scikit-learn wait for load()."""
    code = ("import sys, inquiry_nlp; print([m for m in %r if m in sys.modules]); "
            "print('inquiry_nlp.api' in sys.modules)" % (HEAVY,))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["[]", "False"]
    import inquiry_nlp

    assert inquiry_nlp.Classifier is Classifier


def test_unknown_attribute_still_raises():
    import inquiry_nlp

    with pytest.raises(AttributeError):
        inquiry_nlp.NoSuchThing  # noqa: B018


def test_every_input_form_gives_the_same_record(classifier, tmp_path):
    eml = tmp_path / "inquiry.eml"
    eml.write_bytes(INQUIRY)
    forms = [INQUIRY, bytearray(INQUIRY), INQUIRY.decode("utf-8"), eml, str(eml),
             email.message_from_bytes(INQUIRY, policy=email.policy.default), [INQUIRY]]
    records = [classifier.classify(x).to_dict() for x in forms]
    assert all(r == records[0] for r in records)
    r = records[0]
    assert r["subject"] == "询价：不锈钢螺栓"
    assert r["customer"] == {"address": "wanglei@sdhengtai-machinery.com", "name": "王磊"}
    assert r["fields"]["phones"] == ["+8653188886666"]
    assert {"value": 20000, "unit": "pcs"}.items() <= r["fields"]["quantities"][0].items()
    assert r["model"]["name"] == classifier.model_info["name"]


def test_a_list_is_one_thread_even_without_threading_headers(classifier):
    """The follow-up has another subject and no In-Reply-To: the caller says it is one thread."""
    r = classifier.classify([FOLLOW_UP, INQUIRY, OUR_REPLY])
    assert r.message_ids == ["<q1@sdhengtai-machinery.com>", "<r1@hongli-fasteners.com>",
                             "<q2@sdhengtai-machinery.com>"]  # by date, whatever the order given
    assert r.customer_address == "wanglei@sdhengtai-machinery.com"
    assert r.thread_id == "<q1@sdhengtai-machinery.com>"
    assert 0.12 not in [p["amount"] for p in r.fields.prices]  # our quoted price is not the customer's


def test_records_validate_against_the_output_schema(classifier):
    jsonschema = pytest.importorskip("jsonschema")
    record = classifier.classify(INQUIRY).to_dict()
    jsonschema.validate(json.loads(json.dumps(record, ensure_ascii=False)), output_schema())
    assert ThreadResult.from_dict(record).to_dict() == record


def test_same_records_as_the_classify_command(classifier):
    """The API is the pipeline: each thread of the sample inbox, given as its raw messages,
    gets the record `inquiry-nlp classify` writes for it."""
    from inquiry_nlp.pipeline import classify

    own = ["hongli-fasteners.com"]
    run = classify([str(SAMPLE)], own=own, model=classifier.model, workers=1)
    expected = [r.to_dict() for r in run.records()]
    raw_by_id = {}
    for raw in iter_raw([str(SAMPLE)]):
        raw_by_id[read_raw(raw).message_id] = raw.data
    api = Classifier(classifier.model, classifier.ruleset, own=own)
    got = [api.classify([raw_by_id[i] for i in rec["message_ids"]]).to_dict() for rec in expected]
    assert len(expected) == 28
    assert got == expected


def test_classify_many_streams_one_output_per_item_in_order(classifier):
    items = [INQUIRY, b"", b"\x00\x01 binary junk", [INQUIRY, OUR_REPLY], "Subject: RFQ\n\nQuote 500 pcs M8 nuts."]
    out = list(classifier.classify_many(items, batch=2))
    assert [type(o).__name__ for o in out] == ["ThreadResult", "ErrorRecord", "ErrorRecord", "ThreadResult",
                                              "ThreadResult"]
    assert out[1].kind == "empty_message" and out[2].kind == "unparseable_message"
    assert out[0].to_dict() == classifier.classify(INQUIRY).to_dict()
    assert len(out[3].message_ids) == 2


def test_classify_many_is_lazy(classifier):
    def endless():
        for n in count():
            yield message("Please quote 100 pcs of M6 screws.", msgid=f"<{n}@buyer.example>")

    stream = classifier.classify_many(endless(), batch=3)
    first = [next(stream) for _ in range(4)]
    assert [r.thread_id for r in first] == [f"<{n}@buyer.example>" for n in range(4)]


def test_a_thread_that_breaks_grading_becomes_an_error_record(classifier, monkeypatch):
    real = Classifier._grade

    def fragile(self, threads):
        if any("<boom@x>" in t.message_ids for t in threads):
            raise RuntimeError("boom")
        return real(self, threads)

    monkeypatch.setattr(Classifier, "_grade", fragile)
    out = list(classifier.classify_many([INQUIRY, message("hi", msgid="<boom@x>"), FOLLOW_UP]))
    assert [type(o).__name__ for o in out] == ["ThreadResult", "ErrorRecord", "ThreadResult"]
    assert out[1].kind == "processing_error" and "boom" in out[1].detail and out[1].message_ids == ["<boom@x>"]


@pytest.mark.parametrize("bad, kind", [(b"", "empty_message"), (b"%PDF-1.4\x00\x00binary", "unparseable_message"),
                                        ("just a line of text", "unparseable_message"), ([], "empty_message"),
                                        ("x" * 300, "unparseable_message"),  # too long for a file name
                                        ("a\x00b", "unparseable_message")])
def test_unreadable_input_raises_with_its_error_record(classifier, bad, kind):
    with pytest.raises(UnreadableMessage) as info:
        classifier.classify(bad)
    assert isinstance(info.value.record, ErrorRecord) and info.value.record.kind == kind


def test_unreadable_messages_in_a_thread_are_noted_not_fatal(classifier):
    r = classifier.classify([INQUIRY, b""])
    assert r.message_ids == ["<q1@sdhengtai-machinery.com>"]
    assert any("could not be read (empty_message" in n for n in r.notes)


def test_wrong_type_is_a_type_error(classifier):
    with pytest.raises(TypeError, match="cannot classify a int"):
        classifier.classify(42)


@pytest.mark.parametrize("text, field, expected, signal", [
    ("请报价：M10不锈钢螺栓，5000件，3月31日前交货。", "quantities", [5000], "quantity_given"),
    ("Please quote 2 x 40HQ of galvanized wire, contact me on WhatsApp +971 50 123 4567",
     "phones", ["+971501234567"], None),
    ("Dear supplier, our company needs hex bolts, pls send your price list and catalogue.", "products", None,
     "price_request"),
])
def test_extract_gives_fields_and_signals(classifier, text, field, expected, signal):
    found = classifier.extract(text)
    assert isinstance(found, Extracted)
    value = found.fields.to_dict()[field]
    if expected is not None:
        got = [q["value"] for q in value] if field == "quantities" else value
        assert got == expected
    if signal:
        assert signal in [h.code for h in found.signals]
    assert set(found.to_dict()) == {"fields", "signals", "fraud_signals"}


def test_extract_reports_fraud_signals(classifier):
    found = classifier.extract("We will place a big order. Before signing the contract you must pay the "
                               "notarization fee of USD 350 to our lawyer.")
    assert "fee_request" in [h.code for h in found.fraud_signals]


def _real_messages(limit: int) -> list[bytes]:
    root = need_shared(REAL)
    paths = sorted((root / "trec06c" / "ham").glob("*.eml"))[:limit // 2]
    paths += sorted((root / "spamassassin" / "spam").iterdir())[:limit // 4]
    return [p.read_bytes() for p in paths] + [r.data for r in iter_raw([str(SAMPLE)])][:limit // 4]


def test_concurrent_calls_match_sequential_ones(classifier):
    """Many threads on one instance give exactly the sequential records (real mail: GBK,
    Big5, HTML, spam, the sample inbox)."""
    inputs = _real_messages(40) * 2
    sequential = [classifier.classify(x).to_dict() for x in inputs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        concurrent = list(pool.map(lambda x: classifier.classify(x).to_dict(), inputs))
    assert concurrent == sequential


def test_a_cold_classifier_builds_lazily_from_many_threads_at_once(classifier):
    """warm=False: patterns, product terms and rule regexes are built by the first messages
    that need them, here by eight threads at once; the records are the warm classifier's."""
    code = """if True:
        import json, sys
        from concurrent.futures import ThreadPoolExecutor
        from inquiry_nlp import Classifier
        inputs = [open(p, "rb").read() for p in sys.argv[1:]]
        cold = Classifier.load(warm=False)
        with ThreadPoolExecutor(max_workers=8) as pool:
            print(json.dumps(list(pool.map(lambda x: cold.classify(x).to_dict(), inputs))))
    """
    root = need_shared(REAL)
    paths = sorted((root / "trec06c" / "ham").glob("*.eml"))[:12] + sorted((root / "spamassassin" / "spam").iterdir())[:6]
    out = subprocess.run([sys.executable, "-c", code, *map(str, paths)], check=True, capture_output=True).stdout
    assert json.loads(out) == [classifier.classify(p.read_bytes()).to_dict() for p in paths]


def test_charset_bodies_are_read(classifier):
    big5 = message(b64("我們需要不鏽鋼螺絲 3000 支，請報價。".encode("big5")),
                   content_type="text/plain; charset=big5", cte="base64", msgid="<b5@buyer.tw>")
    r = classifier.classify(big5)
    assert r.lang == "zh-Hant" and [q["value"] for q in r.fields.quantities] == [3000]


def test_a_loaded_classifier_has_built_what_grading_builds_lazily():
    """A daemon or library user loads once: no later message pays for rule needles or
    deadline patterns (a cold one-message filter builds only what its message needs)."""
    from inquiry_nlp.extract import deadlines

    clf = Classifier.load(rules_only=True)
    pattern_rules = [r for r in clf.ruleset.active() if r.patterns or r.keywords]
    assert pattern_rules and all(r._checks is not None for r in pattern_rules)
    assert set(deadlines._FAMILY_RX) == set(deadlines._FAMILY_KINDS)
    assert "cn2an" in sys.modules
    cold = Classifier.load(rules_only=True, warm=False)
    assert all(r._checks is None for r in cold.ruleset.active() if r.patterns or r.keywords)
