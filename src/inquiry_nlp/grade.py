"""Grade: the model's probabilities and the spec's explicit rules, combined visibly.

Policy (every override appears in the result's ``reasons``):

1. **Fraud first.** The fraud classifier's probability (fraud signals with learned weights
   plus text) against the threshold chosen at training: the highest out-of-fold recall
   (folds by writer) whose false-positive rate stays within 1.5% (``model.train``). A suspected
   fraud is grade 4 whatever the grade model says: its apparent intent is not a purchase.
   A score above the threshold with no fraud signal behind it is not a suspicion (the
   spec: "the signals say why"); the result says so. Setting ``fraud_needs_signal = false``
   turns this off.
2. **Grade 1 facts.** When the thread shows an order, PO, paid deposit/sample fee
   (``order_placed``) or a visit to us (``visited``), the grade is 1.
3. **No clear intent, no grade 2 or 3.** Grades 2 and 3 need clear intent: a product named,
   a requirement (specification, quantity, use, deadline) or a price requirement. When no
   such signal fired, a model's 2 or 3 becomes 4.
4. Otherwise the grade model's most probable grade.

Without a model (``rules_grade``), the spec's criteria are applied to the signals alone: the
"rules only" system of the ablation.

>>> rules_grade({"product_named", "quantity_given"}, fraud=False)[0]
3
>>> rules_grade({"detail_interest", "contact_complete", "product_named"}, fraud=False)[0]
2
"""
from __future__ import annotations

from collections.abc import Iterable

from .model import Prediction
from .rules import FRAUD_SIGNALS

GRADE2_CRITERIA = {
    "detailed interest": ("detail_interest",),
    "six or more messages": ("engaged_thread",),
    "complete contact information": ("contact_complete",),
    "a clear decision path": ("decision_maker", "decision_process"),
    "budget, recurring need or supplier switch": ("budget_given", "recurring_need", "switching_supplier"),
}
GRADE3_SIGNALS = ("product_named", "specs_given", "quantity_given", "deadline_given", "purpose_given")
GRADE1_SIGNALS = ("order_placed", "visited")
INTENT_SIGNALS = frozenset((*GRADE3_SIGNALS, "price_request"))  # clear intent, the floor of grades 2 and 3
LABELS = {
    "product_named": "product named", "specs_given": "specification given", "quantity_given": "quantity given",
    "deadline_given": "deadline given", "purpose_given": "purpose given", "price_request": "price requested",
    "order_placed": "order placed", "visited": "visited us",
}


def grade2_criteria(codes: Iterable[str]) -> list[str]:
    have = set(codes)
    return [name for name, alts in GRADE2_CRITERIA.items() if any(a in have for a in alts)]


def rules_grade(codes: Iterable[str], fraud: bool) -> tuple[int, str]:
    """The spec's criteria on the signals alone: 1, then 2, then 3, else 4."""
    have = set(codes)
    if fraud:
        return 4, "grade 4: fraud suspected"
    if have & set(GRADE1_SIGNALS):
        return 1, "grade 1: " + " and ".join(LABELS[c] for c in GRADE1_SIGNALS if c in have)
    crit = grade2_criteria(have)
    if len(crit) >= 2:
        return 2, "grade 2: " + " and ".join(crit)
    if have & set(GRADE3_SIGNALS) or ("price_request" in have and "product_named" in have):
        named = [LABELS[c] for c in GRADE3_SIGNALS if c in have]
        return 3, "grade 3: " + " and ".join(named or ["price requested"])
    return 4, "grade 4: no product, requirement or price request"


def combine(pred: Prediction, codes: Iterable[str], fraud_needs_signal: bool = True) -> tuple[int, bool, list[str]]:
    """The final grade and fraud verdict from the model's prediction and the signals, with
    the reasons a salesperson reads first."""
    have = set(codes)
    reasons: list[str] = []
    probs = ", ".join(f"{g}: {p:.2f}" for g, p in pred.probabilities.items())
    model_reason = f"model: grade {pred.grade} ({probs})"
    if pred.top_features:
        model_reason += "; strongest features: " + ", ".join(name for name, _ in pred.top_features)
    if pred.fraud and fraud_needs_signal and not have & set(FRAUD_SIGNALS):
        reasons.append(f"not suspected by rule: fraud score {pred.fraud_probability:.2f} is above the threshold, "
                       f"but no fraud signal fired")
    elif pred.fraud:
        reasons.append(f"grade 4: fraud suspected (fraud score {pred.fraud_probability:.2f})")
        reasons.append(model_reason)
        return 4, True, reasons
    grade = pred.grade
    facts = [c for c in GRADE1_SIGNALS if c in have]
    if facts and grade != 1:
        reasons.append("grade 1 by rule: " + " and ".join(LABELS[c] for c in facts)
                       + f" (the model said {grade})")
        grade = 1
    elif grade in (2, 3) and not have & INTENT_SIGNALS:
        reasons.append(f"grade 4 by rule: no product, requirement or price request (the model said {grade})")
        grade = 4
    else:
        reasons.append(_why(grade, have))
    reasons.append(model_reason)
    return grade, False, reasons


def _why(grade: int, have: set[str]) -> str:
    if grade == 1:
        facts = [LABELS[c] for c in GRADE1_SIGNALS if c in have]
        return "grade 1: " + (" and ".join(facts) if facts else "established buyer negotiating a concrete deal")
    if grade == 2:
        crit = grade2_criteria(have)
        return "grade 2: " + (" and ".join(crit) if crit else "strong interest (model)")
    if grade == 3:
        named = [LABELS[c] for c in (*GRADE3_SIGNALS, "price_request") if c in have]
        return "grade 3: " + (" and ".join(named) if named else "clear intent (model)")
    return "grade 4: no clear intent"
