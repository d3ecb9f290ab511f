"""Numbers as customers write them (shared by quantities and prices): grouped thousands in
lists, where a comma after the number ends it rather than starting another group."""
from __future__ import annotations

import pytest

from inquiry_nlp.extract.numbers import NUMBER, NUMBER_LOWER, read

LISTS = [
    ("bath 5,000, hand 5,000, pool 2,400 pcs", [[5000], [5000], [2400]]),
    ("Black 1,200, White 800, Red 400", [[1200], [800], [400]]),
    ("2,50,000, next lot 1,50,000", [[250000], [150000]]),
    ("1,200,000 pcs", [[1200000]]),
    ("USD 1,234.50, then 2,000", [[1234.5], [2000]]),
]


@pytest.mark.parametrize("text, expected", LISTS)
def test_grouped_numbers_followed_by_a_comma(text, expected):
    assert [read(m) for m in NUMBER.finditer(text)] == expected
    assert [read(m) for m in NUMBER_LOWER.finditer(text.lower()) if m.lastgroup != "long"] == expected


def test_a_broken_group_is_no_thousands():
    # "1,234,56" is no grouped number: its last group has two digits
    assert [read(m) for m in NUMBER.finditer("1,234,56")] == [[1], [234], [56]]
