"""Training, saving, loading and explaining a model, as an analyst does it (small data)."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT
from inquiry_nlp.cli import main
from inquiry_nlp.model.store import ModelError, load
from inquiry_nlp.pipeline import classify

SMALL = ROOT / "data" / "corpus" / "hand" / "bndI.jsonl"
SAMPLE = ROOT / "data" / "sample" / "inbox.mbox"


@pytest.fixture(scope="module")
def small_model(tmp_path_factory):
    out = tmp_path_factory.mktemp("model") / "m"
    assert main(["train", str(SMALL), "-o", str(out), "--seed", "1"]) == 0
    return out


def test_manifest_records_what_the_model_is(small_model):
    manifest = json.loads((small_model / "manifest.json").read_text())
    assert manifest["libraries"]["scikit-learn"] and manifest["libraries"]["jieba"]
    assert len(manifest["training_data_sha256"]["corpus"]) == 64
    assert sum(manifest["label_counts"]["grade"].values()) == manifest["label_counts"]["threads"]
    assert 0 < manifest["metrics"]["cross_validated"]["macro_f1"] <= 1
    assert manifest["created"] and manifest["version"]
    assert 0.0 < manifest["fraud_threshold"] < 1.0


def test_training_is_reproducible_with_a_seed(small_model, tmp_path):
    again = tmp_path / "again"
    assert main(["train", str(SMALL), "-o", str(again), "--seed", "1"]) == 0
    a = json.loads((small_model / "manifest.json").read_text())["metrics"]
    b = json.loads((again / "manifest.json").read_text())["metrics"]
    assert a == b


def test_version_mismatch_names_the_rebuild_command(small_model, tmp_path):
    broken = tmp_path / "old"
    broken.mkdir()
    (broken / "model.joblib").write_bytes((small_model / "model.joblib").read_bytes())
    manifest = json.loads((small_model / "manifest.json").read_text())
    manifest["libraries"]["scikit-learn"] = "0.24.2"
    (broken / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match=r"built with scikit-learn 0\.24\.2.*inquiry-nlp train data/corpus/hand -o"):
        load(broken)


def test_missing_model_folder_says_how_to_build_one(tmp_path, capsys):
    code = main(["classify", str(SAMPLE), "--model", str(tmp_path / "nothing")])
    assert code == 2
    assert "no model here" in capsys.readouterr().err


def test_classify_with_a_model_explains_itself(small_model):
    records = [r.to_dict() for r in classify([str(SAMPLE)], own=["hongli-fasteners.com"], model=str(small_model))
               .records()]
    for r in records:
        assert r["grade"] in (1, 2, 3, 4)
        assert abs(sum(r["grade_probabilities"].values()) - 1.0) < 0.02
        assert r["reasons"][0].startswith(f"grade {r['grade']}")
        assert any(x.startswith("model: grade") for x in r["reasons"])
        if r["fraud"]["suspected"]:
            assert r["grade"] == 4
    assert any("strongest features" in x for r in records for x in r["reasons"])


def test_evaluate_prints_the_ablation(small_model, capsys):
    assert main(["evaluate", str(SMALL), "--model", str(small_model), "--split", "dev"]) == 0
    out = capsys.readouterr().out
    assert "rules only" in out and "model only" in out and "combined" in out
    assert "ablation (macro-F1)" in out


def test_rules_only_when_asked(capsys):
    assert main(["classify", str(SAMPLE), "--no-model", "--format", "jsonl", "-q"]) == 0
    r = json.loads(capsys.readouterr().out.splitlines()[0])
    assert r["model"]["name"] == "rules-only" and r["grade_probabilities"] is None


def test_a_damaged_model_file_names_the_rebuild_command(small_model, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "manifest.json").write_text((small_model / "manifest.json").read_text())
    (broken / "model.joblib").write_bytes((small_model / "model.joblib").read_bytes()[:1000])
    with pytest.raises(ModelError, match=r"unreadable.*inquiry-nlp train data/corpus/hand -o"):
        load(broken)


@pytest.mark.parametrize("thread_id, batch", [
    ("zhsA-0012", "zhsA"),
    ("enD-0001", "enD"),
    ("<20240305.bndI-0001_1.b4b293@163.com>", ""),  # a Message-ID: an analyst's own mail
    ("zhsA-0012-copy", ""),
    ("", ""),
])
def test_a_thread_s_batch_comes_from_its_corpus_id(thread_id, batch):
    from inquiry_nlp.model.train import batch_of

    assert batch_of(thread_id) == batch


def test_out_of_fold_scores_never_see_the_held_out_writer():
    from inquiry_nlp.model.train import batch_of, cv_folds

    ids = [f"w{chr(65 + i % 12)}-{i:04d}" for i in range(240)]
    labels = [i % 4 + 1 for i in range(240)]
    splitter, groups, described = cv_folds(ids, labels)
    assert described == "5 folds by batch"
    for train, test in splitter.split(ids, labels, groups):
        assert not {batch_of(ids[i]) for i in train} & {batch_of(ids[i]) for i in test}


def test_an_analyst_s_own_labels_fall_back_to_random_folds():
    from inquiry_nlp.model.train import cv_folds

    ids = [f"<m{i}@example.com>" for i in range(12)]
    labels = [0] * 9 + [1] * 3
    splitter, groups, described = cv_folds(ids, labels)
    assert groups is None and described == "3 random folds"
    assert all(len(set(labels[i] for i in test)) == 2 for _, test in splitter.split(ids, labels))


def test_grading_reads_the_scorer_and_never_imports_scikit_learn(small_model):
    """A mail filter's cold start: the scorer file is all grading needs (scikit-learn alone
    costs 1.6 s of imports)."""
    import subprocess
    import sys

    code = ("import sys; from inquiry_nlp import Classifier; "
            f"c = Classifier.load({str(small_model)!r}); "
            "r = c.classify(b'From: a@b.com\\nSubject: RFQ\\n\\nPls quote 500 pcs M10x50 hex bolts, 304.'); "
            "print(r.grade, 'sklearn' in sys.modules, 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] in "1234" and out[1:] == ["False", "False"]


def test_the_scorer_grades_as_the_pipelines_do(small_model):
    from inquiry_nlp.corpus import load_threads, thread_from_labels
    from inquiry_nlp.model.dataset import featurize
    from inquiry_nlp.rules import load_rules

    fast, full = load(small_model), load(small_model, pipelines=True)
    assert fast.grade_pipeline is None and full.grade_pipeline is not None
    rules = load_rules()
    feats = [featurize(thread_from_labels(t), rules)[0] for t in list(load_threads([SMALL]))[:40]]
    assert [p.__dict__ for p in fast.predict(feats, explain=3)] == [p.__dict__ for p in full.predict(feats, explain=3)]


def test_a_scorer_left_from_another_training_is_not_used(small_model, tmp_path):
    import shutil

    other = tmp_path / "other"
    shutil.copytree(small_model, other)
    manifest = json.loads((other / "manifest.json").read_text())
    manifest["created"] = "2020-01-01T00:00:00+00:00"  # model.joblib retrained, scorer.joblib not
    (other / "manifest.json").write_text(json.dumps(manifest))
    assert load(other).grade_pipeline is not None


def test_a_model_loaded_to_grade_survives_pickling(small_model):
    """Workers started with 'spawn' (macOS, Windows) receive the model pickled."""
    import pickle

    model = load(small_model)
    again = pickle.loads(pickle.dumps(model))
    feats = [{"text": "pls quote 500 pcs m10 bolts", "lang": "en", "signals": ["quantity_given"], "rules": [], "num": {}}]
    assert [p.__dict__ for p in again.predict(feats)] == [p.__dict__ for p in model.predict(feats)]
