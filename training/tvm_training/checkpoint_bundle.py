"""A policy-only bundle from a pipeline cache whose policy may still be training (issue 15: an early
read of a long run). The cache is only read: its checkpoint, tokenizer, splits and origin.json are
copied to a temporary folder first (the training run replaces policy.pt every 1000 steps while it
runs), and the copy is what gets loaded. The bundle has no verifiers; the engine runs greedy, vote
and best-of-N without a value model."""
from __future__ import annotations

import dataclasses
import json
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import torch

from .common import PROFILES, Profile, curriculum_of, log, write_json
from .data import ANSWER_PREFIX, read_split
from .export import copy_splits, parity_cases
from .hf_format import save_hf_bundle, write_short_manifest
from .model import Decoder, ModelConfig
from .policy import validation_loss
from .tokenizer import BpeTokenizer

# What a cache must hold for a checkpoint to be read: the recipe (its profile gives the prompt format),
# the tokenizer, the policy checkpoint and the val split its validation loss is measured on.
NEEDED = ("origin.json", "tokenizer.json", "policy.pt", "splits/val.jsonl")


@dataclass
class PolicyCheckpoint:
    profile: Profile
    tok: BpeTokenizer
    policy: Decoder
    step: int
    tokens: int
    seconds: float
    saved_at: str  # UTC time the training run wrote the checkpoint (its file's mtime)
    snapshot: Path  # the copied cache folder (splits included)


def profile_of_origin(origin: dict) -> Profile:
    """The profile a cache was built with, from its origin.json (cache_origin.py): the named profile with
    the recorded fields, so a cache made under an older definition of that profile still reads right."""
    fields = origin.get("profile", {})
    name = fields.get("name")
    if name not in PROFILES:
        raise SystemExit(f"origin.json names profile {name!r}; this version knows {', '.join(sorted(PROFILES))}")
    known = {f.name for f in dataclasses.fields(Profile)}
    return dataclasses.replace(PROFILES[name], **{k: v for k, v in fields.items() if k in known})


def snapshot_cache(cache: Path, into: Path) -> Path:
    """Copies what NEEDED names (and the other splits) from `cache` into `into`; never writes into `cache`."""
    missing = [n for n in NEEDED if not (cache / n).is_file()]
    if missing:
        raise SystemExit(f"{cache} is not a pipeline cache with a policy checkpoint: {', '.join(missing)} missing "
                         "(policy.pt appears after the policy stage's first 1000 steps)")
    (into / "splits").mkdir(parents=True, exist_ok=True)
    for name in ("origin.json", "tokenizer.json", *(f"splits/{p.name}" for p in (cache / "splits").glob("*.jsonl"))):
        shutil.copy2(cache / name, into / name)
    # Copied last and alone: the training run writes policy.tmp and renames it over policy.pt, so the
    # copy is one whole checkpoint, the old or the new one.
    shutil.copy2(cache / "policy.pt", into / "policy.pt")
    return into


def load_checkpoint(snapshot: Path) -> PolicyCheckpoint:
    profile = profile_of_origin(json.loads((snapshot / "origin.json").read_text()))
    tok = BpeTokenizer.load(snapshot / "tokenizer.json")
    state = torch.load(snapshot / "policy.pt", map_location="cpu")
    policy = Decoder(ModelConfig(**state["config"]))
    policy.load_state_dict(state["model"])
    policy.eval()
    if policy.cfg.vocab_size != tok.size:
        raise SystemExit(f"{snapshot}: the tokenizer has {tok.size} tokens, the checkpoint's policy {policy.cfg.vocab_size}")
    saved_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime((snapshot / "policy.pt").stat().st_mtime))
    return PolicyCheckpoint(profile, tok, policy, int(state["step"]), int(state["tokens"]), float(state["seconds"]),
                            saved_at, snapshot)


def write_policy_bundle(ckpt: PolicyCheckpoint, out: Path, val_loss: float) -> dict[str, object]:
    """The standard layout (hf_format.py) with the policy alone, tutor.json's prompt format from the
    profile's curriculum and a training record naming the checkpoint; returns that record."""
    prompt_format = curriculum_of(ckpt.profile).prompt_format
    # A rebuild over an earlier export must not keep that export's files (a verifier folder above all).
    if out.exists():
        shutil.rmtree(out)
    save_hf_bundle(out, ckpt.tok, ckpt.policy, {}, prompt_format)
    write_json(out / "parity.json", parity_cases(ckpt.tok, {"policy": (ckpt.policy, "policy")}, prompt_format))
    training = {"profile": ckpt.profile.name, "curriculum": ckpt.profile.curriculum,
                "checkpoint": {"step": ckpt.step, "of_steps": ckpt.profile.policy_steps, "tokens": ckpt.tokens,
                               "training_seconds": round(ckpt.seconds), "saved_at": ckpt.saved_at},
                "val_loss": round(val_loss, 4), "verifiers": "none (policy-only checkpoint bundle)"}
    write_short_manifest(out, f"{ckpt.profile.name}-{ckpt.profile.curriculum}-step{ckpt.step}", ANSWER_PREFIX + "(.+)", training)
    copy_splits(ckpt.snapshot, out)
    return training


def export_checkpoint(cache: Path, out: Path) -> dict[str, object]:
    """Snapshot `cache`, measure the checkpoint's validation loss on the val split (as the pipeline's
    learning curves do) and write the policy-only bundle to `out`; the training record."""
    with tempfile.TemporaryDirectory(prefix="tvm-checkpoint-") as tmp:
        ckpt = load_checkpoint(snapshot_cache(cache, Path(tmp)))
        log(f"checkpoint of {cache}: step {ckpt.step}/{ckpt.profile.policy_steps}, {ckpt.tokens / 1e6:.2f}M tokens, "
            f"saved {ckpt.saved_at}")
        started = time.time()
        loss = validation_loss(ckpt.policy, ckpt.tok, read_split(ckpt.snapshot / "splits" / "val.jsonl"), ckpt.profile)
        log(f"val loss {loss:.4f} ({time.time() - started:.0f} s)")
        return write_policy_bundle(ckpt, out, loss)
