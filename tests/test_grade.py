"""The spec's explicit rules after the model (grade.combine): each override visible in the reasons."""
from __future__ import annotations

import pytest

from inquiry_nlp.grade import combine
from inquiry_nlp.model import Prediction


def _pred(grade: int, fraud_p: float, fraud: bool) -> Prediction:
    probs = {str(g): (0.97 if g == grade else 0.01) for g in (1, 2, 3, 4)}
    return Prediction(probs, grade, fraud_p, fraud)


@pytest.mark.parametrize("codes, suspected, grade", [
    ({"product_named", "fee_request"}, True, 4),          # a fraud signal behind the score
    ({"product_named", "phishing_link"}, True, 4),
    ({"product_named", "quantity_given"}, False, 3),      # a long honest post: no fraud signal, score alone
])
def test_a_fraud_score_needs_a_fraud_signal(codes, suspected, grade):
    got_grade, got_fraud, reasons = combine(_pred(3, 0.35, True), codes)
    assert (got_grade, got_fraud) == (grade, suspected)
    if not suspected:
        assert "no fraud signal fired" in reasons[0] and "0.35" in reasons[0]


def test_the_score_alone_suspects_when_the_setting_is_off():
    grade, fraud, reasons = combine(_pred(3, 0.35, True), {"product_named"}, fraud_needs_signal=False)
    assert (grade, fraud) == (4, True) and reasons[0].startswith("grade 4: fraud suspected")


def test_an_order_makes_grade_1_visibly():
    grade, fraud, reasons = combine(_pred(2, 0.01, False), {"order_placed", "product_named"})
    assert (grade, fraud) == (1, False) and "grade 1 by rule: order placed (the model said 2)" in reasons


def test_no_intent_signal_means_no_grade_2_or_3():
    grade, _, reasons = combine(_pred(3, 0.01, False), {"contact_complete"})
    assert grade == 4 and reasons[0].startswith("grade 4 by rule")
