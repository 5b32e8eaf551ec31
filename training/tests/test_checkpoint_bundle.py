"""hf_export.py --checkpoint (tvm_training/checkpoint_bundle.py): a policy-only bundle from a pipeline cache
whose policy is mid-training, read without writing into the cache, with its validation loss in tutor.json;
the engine's accuracy bench then runs greedy on it (bench:accuracy --greedy-only)."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from node_side import REPO, TRAINING

from tvm_training.common import SMOKE, save_checkpoint, write_json
from tvm_training.data import read_split
from tvm_training.hf_format import decoder_from_transformers
from tvm_training.model import Decoder, ModelConfig
from tvm_training.policy import validation_loss
from tvm_training.tokenizer import BpeTokenizer

DEFAULT = REPO / "models" / "default"
STEP, TOKENS = 1000, 1_746_045


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """A cache as the policy stage leaves it mid-run: origin.json (smoke profile on curriculum v2),
    tokenizer, splits and a policy.pt checkpoint with optimizer state, of a random smoke-size policy."""
    folder = tmp_path_factory.mktemp("medium-v2")
    tok = BpeTokenizer.load(DEFAULT / "tokenizer.json")
    shutil.copy(DEFAULT / "tokenizer.json", folder / "tokenizer.json")
    (folder / "splits").mkdir()
    for split in ("val", "test", "hard"):
        lines = (DEFAULT / "splits" / f"{split}.jsonl").read_text().splitlines()
        (folder / "splits" / f"{split}.jsonl").write_text("\n".join(lines[::max(1, len(lines) // 6)][:6]) + "\n")
    write_json(folder / "origin.json", {"curriculum": "0" * 16, "profile": {"name": "smoke", "curriculum": "v2", "d_model": 64}})
    torch.manual_seed(3)
    policy = Decoder(ModelConfig(vocab_size=tok.size, d_model=SMOKE.d_model, n_layer=SMOKE.n_layer, n_head=SMOKE.n_head))
    opt = torch.optim.AdamW(policy.parameters())
    save_checkpoint(folder / "policy.pt", {"model": policy.state_dict(), "opt": opt.state_dict(), "step": STEP, "tokens": TOKENS,
                                           "seconds": 2909.4, "config": policy.cfg.to_dict()})
    return folder


@pytest.fixture(scope="module")
def exported(cache, tmp_path_factory):
    before = tree_digest(cache)
    out = tmp_path_factory.mktemp("bundle") / "step1000"
    run = subprocess.run([sys.executable, str(TRAINING / "hf_export.py"), "--checkpoint", str(cache), "--out", str(out)],
                         capture_output=True, text=True, timeout=10 * 60, check=False)
    assert run.returncode == 0, f"hf_export --checkpoint failed:\n{run.stdout}\n{run.stderr}"
    assert tree_digest(cache) == before, "the cache must be read only: the training run owns it"
    return out


def test_the_bundle_is_the_checkpoints_policy_alone_with_prompt_format_v2_and_its_record(cache, exported):
    tutor = json.loads((exported / "tutor.json").read_text())
    assert tutor["promptFormat"] == "v2"  # curriculum v2 -> prompt format v2
    assert tutor["name"] == "smoke-v2-step1000"
    record = tutor["training"]["checkpoint"]
    assert (record["step"], record["tokens"], record["training_seconds"]) == (STEP, TOKENS, 2909)
    assert not any((exported / kind).exists() for kind in ("tvm", "orm", "prm"))
    assert (exported / "onnx" / "model.onnx").is_file()
    assert sorted(p.name for p in (exported / "splits").iterdir()) == ["hard.jsonl", "test.jsonl", "val.jsonl"]
    assert set(json.loads((exported / "parity.json").read_text())) == {"policy"}
    state = torch.load(cache / "policy.pt", map_location="cpu")
    rebuilt = decoder_from_transformers(exported)
    for name, tensor in state["model"].items():
        assert torch.equal(rebuilt.state_dict()[name], tensor), name


def test_the_recorded_val_loss_is_the_pipelines_validation_loss_of_the_checkpoint(cache, exported):
    from tvm_training.checkpoint_bundle import load_checkpoint

    ckpt = load_checkpoint(cache)
    expected = validation_loss(ckpt.policy, ckpt.tok, read_split(cache / "splits" / "val.jsonl"), ckpt.profile)
    assert json.loads((exported / "tutor.json").read_text())["training"]["val_loss"] == round(expected, 4)
    assert expected > 1.0  # a random policy: far from what training reaches, so the number is not a constant


def test_the_engines_accuracy_bench_runs_greedy_on_the_bundle(exported, tmp_path):
    run = subprocess.run(["npx", "tsx", "bench/accuracy.ts", "--bundle", str(exported), "--splits", "val", "--limit", "2",
                          "--budgets", "4", "--greedy-only", "--gsm8k-limit", "0", "--out", str(tmp_path)],
                         cwd=REPO, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
                         capture_output=True, text=True, timeout=5 * 60, check=False)
    assert run.returncode == 0, f"bench:accuracy failed:\n{run.stdout}\n{run.stderr}"
    report = json.loads((tmp_path / "accuracy-val.json").read_text())
    assert report["settings"]["greedyOnly"] is True and report["settings"]["verifiers"] == []
    (val,) = report["reports"]
    assert len(val["outcomes"]) == 2 and all(set(o["correct"]) == {"greedy@4"} for o in val["outcomes"])
    assert "| majority vote |" not in (tmp_path / "accuracy-val.md").read_text()


def test_a_folder_without_a_checkpoint_is_named_with_what_is_missing(tmp_path):
    run = subprocess.run([sys.executable, str(TRAINING / "hf_export.py"), "--checkpoint", str(tmp_path), "--out", str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=5 * 60, check=False)
    assert run.returncode != 0
    assert "origin.json, tokenizer.json, policy.pt, splits/val.jsonl missing" in run.stderr
