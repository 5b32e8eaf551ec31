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
