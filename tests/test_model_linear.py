"""The model's direct arithmetic (model/linear.py) gives scikit-learn's probabilities."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn import config_context

from inquiry_nlp.corpus import load_threads, thread_from_labels
from inquiry_nlp.model.dataset import featurize
from inquiry_nlp.model.linear import LinearScorer
from inquiry_nlp.model.store import load
from inquiry_nlp.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def features() -> list[dict]:
    """Threads of every language, grade and fraud kind: two batches' dev split."""
    rules = load_rules()
    threads = [t for b in ("bndT", "mixS", "zhtR", "frdO") for t in load_threads([ROOT / "data" / "corpus" / "hand" / f"{b}.jsonl"])
               if t["split"] == "dev"]
    return [featurize(thread_from_labels(t), rules)[0] for t in threads]


@pytest.mark.parametrize("which", ["grade_pipeline", "fraud_pipeline"])
def test_scorer_gives_the_pipeline_s_probabilities(features, which):
    pipeline = getattr(load(pipelines=True), which)
    scorer = LinearScorer.from_pipeline(pipeline)
    ours = scorer.predict_proba(scorer.rows(features))
    with config_context(assume_finite=True):
        theirs = pipeline.predict_proba(features)
    assert len(features) > 60
    assert scorer.classes == list(pipeline.classes_)
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-6)
    assert (ours.argmax(1) == theirs.argmax(1)).all()


def test_scorer_rows_are_the_union_s_features(features):
    pipeline = load(pipelines=True).grade_pipeline
    scorer = LinearScorer.from_pipeline(pipeline)
    X = pipeline.named_steps["features"].transform(features[:20]).tocsr()
    for i, (cols, values) in enumerate(scorer.rows(features[:20])):
        dense = np.zeros(X.shape[1])
        dense[cols] = values
        np.testing.assert_allclose(dense, X[i].toarray().ravel(), atol=1e-6)


def test_a_pipeline_of_another_shape_is_refused():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    with pytest.raises(ValueError, match="retrain it with `inquiry-nlp train`"):
        LinearScorer.from_pipeline(Pipeline([("features", "passthrough"), ("clf", LogisticRegression())]))


def test_a_saved_scorer_loads_with_the_same_vocabularies_and_probabilities(features, tmp_path):
    """Vocabularies are saved as one string of terms (joblib's unpickler is slow on big
    dicts): a save/load round trip keeps every column and every probability."""
    import joblib

    scorer = LinearScorer.from_pipeline(load(pipelines=True).grade_pipeline)
    joblib.dump(scorer, tmp_path / "s.joblib", compress=3)
    back = joblib.load(tmp_path / "s.joblib")
    assert [b.vocabulary for b in back.blocks] == [b.vocabulary for b in scorer.blocks]
    assert sum(len(b.vocabulary) for b in back.blocks) > 1000
    np.testing.assert_array_equal(back.predict_proba(back.rows(features)), scorer.predict_proba(scorer.rows(features)))


def test_a_scorer_saved_with_plain_vocabularies_still_loads():
    """A block pickled before vocabularies were packed (a dict in its state) reads as is."""
    from inquiry_nlp.model.linear import _Dict

    block = _Dict(None, True, False, {"fraud:fee_request": 0, "grade:vague": 1}, "=", 1.0, 0)
    state = dict(block.__dict__)
    restored = _Dict.__new__(_Dict)
    restored.__setstate__(state)
    assert restored == block
    packed = _Dict.__new__(_Dict)
    packed.__setstate__(block.__getstate__())
    assert packed == block and isinstance(block.__getstate__()["vocabulary"], str)
