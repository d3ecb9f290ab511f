"""Every pattern runs in linear time: hostile inputs finish quickly through the whole
extraction and the rules (generous bounds here; the benchmark prints the real figures)."""
from __future__ import annotations

import time

import pytest

from inquiry_nlp.extract import extract_message
from inquiry_nlp.extract.base import Context
from inquiry_nlp.extract.contacts import contact_spans

HOSTILE = {
    "1 MB of digits": "1234567890" * 100_000,
    "100,000 repeated 。": "。" * 100_000,
    "50,000-character line": ("请报价M10螺栓500套，电话13905316789，" * 2000)[:50_000],
    "10,000 email-like tokens": " ".join(f"user{i}@mail{i % 97}.example.com" for i in range(10_000)),
    "100,000 x": "x" * 100_000,
    "dots and spaces": ". " * 100_000,
    "numbers with separators": "1,2,3,4,5-6-7-8/9/0 " * 20_000,
    "chinese numerals": "一二三四五六七八九十百千万" * 10_000,
    "unclosed html-ish": "<a href='" * 20_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_extracts_in_bounded_time(name):
    text = HOSTILE[name]
    start = time.perf_counter()
    ctx = Context.build(text)
    ctx.mask(contact_spans(ctx))
    extract_message(ctx)
    elapsed = time.perf_counter() - start
    assert elapsed < 10.0, f"{name}: {elapsed:.2f} s"


def test_a_long_newsletter_is_read_at_its_head_but_signed_at_its_end():
    """Body extractors read the first BODY_SCAN_CHARS of a message (bounded work per
    message); contacts and company still come from the signature at its very end."""
    from inquiry_nlp.extract import BODY_SCAN_CHARS

    filler = "Industry news of the week: markets, prices and trade fairs around the world.\n" * 200
    text = ("Please quote 500 pcs M10 hex bolts.\n" + filler + "PS: and 7000 pcs of M12 nuts.\n"
            + "--\nTom Baker\nBaker Fixings Ltd\nTel +44 20 7946 0958\n")
    assert len(text) > 2 * BODY_SCAN_CHARS
    ctx = Context.build(text, region="GB")
    ctx.mask(contact_spans(ctx))
    found = extract_message(ctx)
    assert [q.value["value"] for q in found["quantities"]] == [500]
    assert [p.value for p in found["phones"]] == ["+442079460958"]
    assert found["company"][0].value == "Baker Fixings Ltd"
