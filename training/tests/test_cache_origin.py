"""The pipeline cache's recipe guard (tvm_training/cache_origin.py): a resumed build with the recipe the
cache was built from goes on, one whose profile or curriculum differs stops with a message naming the
difference and the way out."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from tvm_training import cache_origin
from tvm_training.common import SMOKE


def attempt(cache: Path, profile) -> str | None:
    """None when the build may go on, else the message it stops with."""
    try:
        cache_origin.check_origin(cache, profile)
        return None
    except SystemExit as stop:
        return str(stop)


def test_a_cache_without_a_recipe_gets_one_and_the_same_recipe_resumes(tmp_path):
    assert attempt(tmp_path, SMOKE) is None
    assert (tmp_path / "origin.json").exists()
    assert attempt(tmp_path, SMOKE) is None


def test_more_label_paths_resume_their_outputs_are_named_after_the_count(tmp_path):
    assert attempt(tmp_path, SMOKE) is None
    assert attempt(tmp_path, dataclasses.replace(SMOKE, label_paths=SMOKE.label_paths + 4)) is None


def test_another_policy_size_stops_the_build_naming_the_field_and_what_to_do(tmp_path):
    assert attempt(tmp_path, SMOKE) is None
    longer = attempt(tmp_path, dataclasses.replace(SMOKE, policy_steps=SMOKE.policy_steps + 1))
    assert longer is not None and "policy_steps 60 -> 61" in longer
    assert "TVM_TUTOR_CACHE" in longer


def test_a_curriculum_that_writes_other_texts_stops_the_build(tmp_path, monkeypatch):
    assert attempt(tmp_path, SMOKE) is None
    real = cache_origin.tokenizer_corpus
    monkeypatch.setattr(cache_origin, "tokenizer_corpus",
                        lambda profile, n: [t.replace("\\times", "*") for t in real(profile, n)])
    restyled = attempt(tmp_path, SMOKE)
    assert restyled is not None and "curriculum generates other texts" in restyled


def test_the_calculator_may_join_a_recipe_before_any_label_is_sampled_and_is_recorded(tmp_path):
    assert attempt(tmp_path, SMOKE) is None
    calculated = dataclasses.replace(SMOKE, calculator=True)
    assert attempt(tmp_path, calculated) is None
    assert cache_origin.json.loads((tmp_path / "origin.json").read_text())["profile"]["calculator"] is True
    # Recorded now: leaving it out again is another recipe once labels exist.
    (tmp_path / f"labels-n{SMOKE.label_paths}.sampled.partial").write_bytes(b"")
    without = attempt(tmp_path, SMOKE)
    assert without is not None and "calculator True -> False" in without


def test_the_calculator_cannot_change_under_labels_already_sampled(tmp_path):
    assert attempt(tmp_path, SMOKE) is None
    (tmp_path / f"labels-n{SMOKE.label_paths}.pkl").write_bytes(b"")
    changed = attempt(tmp_path, dataclasses.replace(SMOKE, calculator=True))
    assert changed is not None and "calculator False -> True" in changed


def test_the_number_of_labelled_problems_may_change_until_labels_exist(tmp_path):
    assert attempt(tmp_path, SMOKE) is None
    tripled = dataclasses.replace(SMOKE, label_problems=3 * SMOKE.label_problems)
    assert attempt(tmp_path, tripled) is None
    (tmp_path / f"labels-n{SMOKE.label_paths}.pkl").write_bytes(b"")
    changed = attempt(tmp_path, SMOKE)
    assert changed is not None and f"label_problems {3 * SMOKE.label_problems} -> {SMOKE.label_problems}" in changed
