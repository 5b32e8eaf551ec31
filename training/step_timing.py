"""What the training-step studies share (compile_speed.py, precision_speed.py): the medium profile's
length-bucketed batches, one AdamW step, a timed pass over the batches, and their command line."""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import torch

from tvm_training.common import PROFILES, cache_dir, seed_everything, setup_torch
from tvm_training.data import Batch, collate
from tvm_training.model import Decoder
from tvm_training.policy import build_splits, build_tokenizer, length_bucketed, model_config

RESULTS = Path(__file__).resolve().parent / "results"


def batches(profile_name: str, count: int) -> tuple[list[Batch], Decoder]:
    profile = PROFILES[profile_name]
    out = cache_dir(profile)
    tok, splits = build_tokenizer(profile, out), build_splits(profile, out)
    cfg = model_config(profile, tok)
    held_out = splits.held_out()
    # Steps spread over the run: the length buckets (and so the shapes) vary as they do in training.
    made = [collate(length_bucketed(tok, profile, step, step / profile.policy_steps, held_out), cfg.max_positions, tok.eos_id)
            for step in range(0, profile.policy_steps, max(1, profile.policy_steps // count))][:count]
    return made, Decoder(cfg)


def timed_steps(model: torch.nn.Module, step_fn, data: list[Batch]) -> tuple[float, int]:
    tokens, started = 0, time.perf_counter()
    for batch in data:
        step_fn(model, batch)
        tokens += int(batch.mask.sum())
    return time.perf_counter() - started, tokens


def make_step(weight: float, opt: torch.optim.Optimizer, trunk_fn):
    def step(model: Decoder, batch: Batch) -> None:
        loss, problem = trunk_fn(model, batch)
        opt.zero_grad(set_to_none=True)
        (loss if problem is None else loss + weight * problem).backward()
        opt.step()
    return step


def block_arguments(doc: str) -> argparse.Namespace:
    """--profile, --blocks and --steps (per block); torch set up and seeded as the pipeline does."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", choices=sorted(PROFILES), default="medium")
    parser.add_argument("--blocks", type=int, default=4)
    parser.add_argument("--steps", type=int, default=15, help="steps per block")
    args = parser.parse_args()
    setup_torch()
    seed_everything(0)
    return args
