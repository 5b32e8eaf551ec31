"""A profile that continues another's finished policy on another curriculum (stages.warm_start):
the source's policy is trained first where it is not finished, the continuation starts from its
weights with its tokenizer, and a continuation cache with another tokenizer is refused."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import torch

from tvm_training import common, policy, stages
from tvm_training.common import SMOKE, cache_dir
from tvm_training.policy import train_policy

SOURCE = dataclasses.replace(SMOKE, policy_steps=3)
CONTINUATION = dataclasses.replace(SOURCE, name="smoke-v2", curriculum="v2", warm_start="smoke", policy_steps=2)


@pytest.fixture
def caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TVM_TUTOR_CACHE", str(tmp_path))
    monkeypatch.setitem(common.PROFILES, "smoke", SOURCE)
    return tmp_path


def test_the_continuation_trains_its_source_first_and_shares_its_tokenizer(caches, capsys):
    stages.run(CONTINUATION, "policy", None, None)
    out = capsys.readouterr().out
    assert "warm start: profile smoke's policy comes first" in out
    assert f"policy: starts from {cache_dir(SOURCE) / 'policy.pt'} (step 3 of its run)" in out
    source, continued = cache_dir(SOURCE), cache_dir(CONTINUATION)
    assert continued.name == "smoke-v2" and (source / "policy_train.json").exists()
    assert (continued / "tokenizer.json").read_bytes() == (source / "tokenizer.json").read_bytes()
    assert (continued / "splits" / "heldout_template.jsonl").exists(), "the continuation's splits come from its own curriculum"
    assert torch.load(continued / "policy.pt", map_location="cpu")["step"] == 2


def test_the_continuation_starts_from_the_source_weights_with_a_fresh_optimizer(caches):
    stages.run(SOURCE, "policy", None, None)
    start_from = stages.warm_start(CONTINUATION)
    assert start_from == cache_dir(SOURCE) / "policy.pt"
    out, tok, splits = stages.open_cache(CONTINUATION)
    model = train_policy(dataclasses.replace(CONTINUATION, policy_steps=0), out, tok, splits, start_from=start_from)
    source = torch.load(start_from, map_location="cpu")["model"]
    for name, weight in model.state_dict().items():
        assert torch.equal(weight, source[name]), name
    assert not (out / "policy.pt").exists(), "nothing trained, nothing saved"


def test_a_continuation_cache_with_another_tokenizer_is_refused(caches):
    stages.run(SOURCE, "policy", None, None)
    mine = cache_dir(CONTINUATION)
    (mine / "tokenizer.json").write_text("{}")
    with pytest.raises(SystemExit, match="another tokenizer"):
        stages.warm_start(CONTINUATION)


def test_a_profile_without_a_warm_start_or_with_its_own_checkpoint_starts_as_before(caches):
    assert stages.warm_start(SOURCE) is None
    (cache_dir(CONTINUATION) / "policy.pt").write_bytes(b"")
    assert stages.warm_start(CONTINUATION) is None


def test_a_continuation_from_a_step_trains_its_source_to_that_step_only(caches, monkeypatch, capsys):
    monkeypatch.setattr(policy, "CHECKPOINT_EVERY", 2)  # checkpoints every 2 steps instead of 1000
    longer = dataclasses.replace(SOURCE, policy_steps=4)
    monkeypatch.setitem(common.PROFILES, "smoke", longer)
    start_from = stages.warm_start(dataclasses.replace(CONTINUATION, warm_start_step=2))
    assert "trained to step 2 first" in capsys.readouterr().out
    assert torch.load(start_from, map_location="cpu")["step"] == 2
    assert not (cache_dir(longer) / "policy_train.json").exists(), "the source run is not finished, only stopped"
    with pytest.raises(ValueError, match="not a multiple"):
        train_policy(longer, *stages.open_cache(longer), stop_at=3)
    stages.run(longer, "policy", None, None)
    with pytest.raises(SystemExit, match="holds step 4"):
        stages.warm_start(dataclasses.replace(CONTINUATION, name="smoke-v2", warm_start_step=2))
