"""A policy run carried in the repository (tvm_training/carry.py): a machine without the cache starts
from the carried checkpoint with the same weights, tokenizer and splits, and goes on from its step;
a cache of another recipe is never mixed with it."""
from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest
import torch

from tvm_training import carry, labels, stages
from tvm_training.common import SMOKE, cache_dir

SHORT = dataclasses.replace(SMOKE, policy_steps=3)


def run_in(cache_root: Path, monkeypatch: pytest.MonkeyPatch, profile=SHORT, carried: Path | None = None) -> Path:
    monkeypatch.setenv("TVM_TUTOR_CACHE", str(cache_root))
    stages.run(profile, "policy", None, None, carried)
    return cache_dir(profile)


def test_a_new_machine_resumes_from_the_carried_checkpoint(tmp_path, monkeypatch, capsys):
    first = run_in(tmp_path / "machine-1", monkeypatch, carried=tmp_path / "runs" / "finished")
    # The carried folder as it stands while the run goes on: the last checkpoint kept, not finished.
    carried = tmp_path / "runs" / "smoke"
    carry.keep(torch.load(first / "policy.pt", map_location="cpu"), first, carried)
    assert carry.carried_step(carried) == 3
    assert (carried / "tokenizer.json").read_bytes() == (first / "tokenizer.json").read_bytes()
    assert sorted(p.name for p in (carried / "splits").iterdir()) == sorted(p.name for p in (first / "splits").iterdir())
    kept = torch.load(carried / "policy.pt", map_location="cpu")
    original = torch.load(first / "policy.pt", map_location="cpu")
    assert all(m["exp_avg"].dtype == torch.bfloat16 for m in kept["opt"]["state"].values())

    second_cache = tmp_path / "machine-2" / first.name
    carry.restore(carried, second_cache)
    restored = torch.load(second_cache / "policy.pt", map_location="cpu")
    assert restored["step"] == 3
    for name, weight in original["model"].items():
        assert torch.equal(restored["model"][name], weight), name
    for i, moments in original["opt"]["state"].items():
        for key in carry.MOMENTS:
            assert restored["opt"]["state"][i][key].dtype == torch.float32
            torch.testing.assert_close(restored["opt"]["state"][i][key], moments[key], rtol=1e-2, atol=1e-12)
    assert (second_cache / "tokenizer.json").read_bytes() == (first / "tokenizer.json").read_bytes()

    capsys.readouterr()
    longer = dataclasses.replace(SHORT, policy_steps=5)
    (second_cache / "origin.json").unlink()  # the longer run is another recipe; its origin is recorded anew
    run_in(second_cache.parent, monkeypatch, profile=longer, carried=carried)
    assert "policy: resumed at step 3" in capsys.readouterr().out
    assert carry.carried_step(carried) == 5


def test_a_cache_with_another_tokenizer_is_not_mixed_with_the_carried_run(tmp_path, monkeypatch):
    carried = tmp_path / "runs" / "smoke"
    run_in(tmp_path / "machine-1", monkeypatch, carried=carried)
    other = tmp_path / "machine-2" / "smoke"
    other.mkdir(parents=True)
    (other / "tokenizer.json").write_text("{}")
    with pytest.raises(SystemExit, match="another tokenizer.json"):
        carry.restore(carried, other)
    assert not (other / "policy.pt").exists()


def test_nothing_carried_leaves_the_cache_alone(tmp_path):
    cache = tmp_path / "cache"
    carry.restore(tmp_path / "runs" / "none", cache)
    assert not cache.exists()


def test_a_finished_run_is_carried_as_its_weights_and_loaded_not_trained_on_a_new_machine(tmp_path, monkeypatch, capsys):
    carried = tmp_path / "runs" / "smoke"
    first = run_in(tmp_path / "machine-1", monkeypatch, carried=carried)
    kept = torch.load(carried / "policy.pt", map_location="cpu")
    assert "opt" not in kept and kept["step"] == 3 and (carried / carry.FINISHED).exists()
    capsys.readouterr()
    second = run_in(tmp_path / "machine-2", monkeypatch, carried=carried)
    out = capsys.readouterr().out
    assert "finished policy (step 3)" in out and "policy step" not in out and "resumed" not in out
    assert (second / carry.FINISHED).read_bytes() == (first / carry.FINISHED).read_bytes()
    original = torch.load(first / "policy.pt", map_location="cpu")["model"]
    for name, weight in torch.load(second / "policy.pt", map_location="cpu")["model"].items():
        assert torch.equal(weight, original[name]), name


def test_the_labels_and_verifiers_of_a_finished_policy_are_carried_and_not_made_again_on_a_new_machine(tmp_path, monkeypatch, capsys):
    carried = tmp_path / "runs" / "smoke"
    monkeypatch.setenv("TVM_TUTOR_CACHE", str(tmp_path / "machine-1"))
    stages.run(SHORT, "verifiers", None, None, carried)
    first = cache_dir(SHORT)
    labels = first / f"labels-n{SHORT.label_paths}.pkl"
    kept = carried / f"{labels.name}.gz"
    assert kept.exists() and kept.stat().st_size < labels.stat().st_size
    assert all((carried / name).read_bytes() == (first / name).read_bytes() for name in carry.STAGE_RECORDS)

    capsys.readouterr()
    monkeypatch.setenv("TVM_TUTOR_CACHE", str(tmp_path / "machine-2"))

    def made_again(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("made again on the new machine")
    for stage in ("sampled_path_labels", "error_prefix_labels", "evaluate_policy", "train_verifier"):
        monkeypatch.setattr(stages, stage, made_again)
    stages.run(SHORT, "verifiers", None, None, carried)
    second = cache_dir(SHORT)
    assert "the cache gets" in capsys.readouterr().out
    assert (second / labels.name).read_bytes() == labels.read_bytes()
    for kind in stages.VERIFIERS:
        name = stages.verifier_file(first, SHORT, kind).name
        assert (carried / name).read_bytes() == (first / name).read_bytes() == (second / name).read_bytes(), kind
    # Carrying again writes the same bytes (git sees no change).
    before = kept.read_bytes()
    kept.unlink()
    carry.keep_stage_outputs(first, carried)
    assert kept.read_bytes() == before


def test_labels_are_not_given_to_a_cache_with_another_policy(tmp_path, monkeypatch):
    carried = tmp_path / "runs" / "smoke"
    monkeypatch.setenv("TVM_TUTOR_CACHE", str(tmp_path / "machine-1"))
    stages.run(SHORT, "labels", None, None, carried)
    other = tmp_path / "machine-2" / "smoke"
    other.mkdir(parents=True)
    for name in ("tokenizer.json", carry.FINISHED):
        (other / name).write_bytes((carried / name).read_bytes())
    (other / carry.FINISHED).write_text('{"steps": 4}')
    carry.restore_stage_outputs(carried, other)
    assert not any(other.glob(carry.LABELS)) and not (other / "policy_eval.json").exists()


def test_labelling_cut_short_goes_on_from_the_carried_progress_on_a_new_machine(tmp_path, monkeypatch):
    """The labels stage takes longer than a session here: its chunks' progress lives in carry, so a new
    machine labels the rest and ends with the labels of an uninterrupted run."""
    monkeypatch.setenv("TVM_TUTOR_CACHE", str(tmp_path / "whole"))
    stages.run(SHORT, "labels", None, None)
    whole = (cache_dir(SHORT) / f"labels-n{SHORT.label_paths}.pkl").read_bytes()

    carried = tmp_path / "runs" / "smoke"
    real_save = labels.save_progress

    def killed_after_first_checkpoint(checkpoint, rows, next_start):
        real_save(checkpoint, rows, next_start)
        raise KeyboardInterrupt
    monkeypatch.setattr(labels, "save_progress", killed_after_first_checkpoint)
    monkeypatch.setenv("TVM_TUTOR_CACHE", str(tmp_path / "machine-1"))
    with pytest.raises(KeyboardInterrupt):
        stages.run(SHORT, "labels", None, None, carried)
    progress = carried / f"labels-n{SHORT.label_paths}.sampled.partial"
    assert progress.exists() and progress.read_bytes()[:2] == labels.GZIP_MAGIC

    monkeypatch.setattr(labels, "save_progress", real_save)
    monkeypatch.setenv("TVM_TUTOR_CACHE", str(tmp_path / "machine-2"))
    stages.run(SHORT, "labels", None, None, carried)
    resumed = pickle.loads((cache_dir(SHORT) / f"labels-n{SHORT.label_paths}.pkl").read_bytes())
    assert [i for i, (a, b) in enumerate(zip(pickle.loads(whole), resumed)) if a != b] == []
    assert not progress.exists()
