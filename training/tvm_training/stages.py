"""The pipeline's stages in order; each is skipped when its output already exists."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from .common import Profile, cache_dir, log, seed_everything, setup_torch
from .policy import build_splits, build_tokenizer, evaluate_policy, load_policy, train_policy

STAGE_NAMES = ["tokenizer", "policy", "policy-eval"]


def run(profile: Profile, until: str, bundle_dir: Path | None, label_paths: int | None) -> None:
    if label_paths is not None:
        profile = dataclasses.replace(profile, label_paths=label_paths)
    setup_torch()
    seed_everything(profile.seed)
    out = cache_dir(profile)
    log(f"profile {profile.name}, cache {out}")
    tok = build_tokenizer(profile, out)
    splits = build_splits(profile, out)
    if until == "tokenizer":
        return
    policy = load_policy(out, tok) if (out / "policy_train.json").exists() else train_policy(profile, out, tok, splits)
    if until == "policy":
        return
    if not (out / "policy_eval.json").exists():
        evaluate_policy(policy, tok, splits, profile, out)
