"""The labels stage checkpoints after every chunk (tvm_training/labels.py): a run killed right after a
checkpoint and started again must label every path exactly as an uninterrupted run, for the sampled paths
and for the student-error prefixes. Trains the smoke policy in a temporary cache."""
from __future__ import annotations

from pathlib import Path

import pytest

from tvm_training import labels, stages
from tvm_training.common import SMOKE, cache_dir
from tvm_training.curriculum import V1
from tvm_training.policy import build_splits, build_tokenizer, load_policy


@pytest.fixture(scope="module")
def smoke_policy(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TVM_TUTOR_CACHE", str(tmp_path_factory.mktemp("cache")))
        stages.run(SMOKE, "policy", None, None)
        cache = cache_dir(SMOKE)
        tok = build_tokenizer(SMOKE, cache)
        policy = load_policy(cache, tok)
        problems = labels.label_problems(SMOKE, build_splits(SMOKE, cache).held_out())
    return policy, tok, problems


def compare(run, checkpoint: Path, monkeypatch) -> dict:
    """An uninterrupted run, then one killed after its first checkpoint and resumed."""
    real_save = labels.save_progress
    whole = run(None)

    def killed_after_first_checkpoint(checkpoint, rows, next_start):
        real_save(checkpoint, rows, next_start)
        raise KeyboardInterrupt

    monkeypatch.setattr(labels, "save_progress", killed_after_first_checkpoint)
    with pytest.raises(KeyboardInterrupt):
        run(checkpoint)
    monkeypatch.setattr(labels, "save_progress", real_save)
    resumed_from = labels.resume_point(checkpoint)[1]
    saved_after_resume = []

    def recording(checkpoint, rows, next_start):
        saved_after_resume.append(next_start)
        real_save(checkpoint, rows, next_start)

    monkeypatch.setattr(labels, "save_progress", recording)
    again = run(checkpoint)
    monkeypatch.setattr(labels, "save_progress", real_save)

    def key(r):
        return (r.ids, r.start, r.tvm, r.orm, r.prm, r.weight, r.source)

    return {"rows": len(whole), "resumed_from": resumed_from, "first_chunk_after_resume": saved_after_resume[0],
            "same": [key(r) for r in whole] == [key(r) for r in again]}


def check(outcome: dict) -> None:
    assert outcome["rows"] > 0, "no rows labelled"
    assert outcome["resumed_from"] == 4, "the killed run should have checkpointed its first chunk"
    assert outcome["first_chunk_after_resume"] == 8, "the resumed run should start at the second chunk"
    assert outcome["same"] is True


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(labels, "SAMPLED_CHUNK", 4)
    monkeypatch.setattr(labels, "ERROR_CHUNK", 4)


def test_sampled_path_labels_resumed_after_a_kill_equal_an_uninterrupted_run(smoke_policy, small_chunks, tmp_path,
                                                                              monkeypatch):
    policy, tok, problems = smoke_policy
    check(compare(lambda c: labels.sampled_path_labels(policy, tok, problems, SMOKE, c), tmp_path / "s.partial",
                  monkeypatch))


def test_student_error_labels_resumed_after_a_kill_equal_an_uninterrupted_run(smoke_policy, small_chunks, tmp_path,
                                                                               monkeypatch):
    policy, tok, problems = smoke_policy
    check(compare(lambda c: labels.error_prefix_labels(policy, tok, V1, problems, SMOKE.error_prefixes, SMOKE.error_rollouts,
                                                       5, SMOKE.max_new_tokens, c),
                  tmp_path / "e.partial", monkeypatch))
