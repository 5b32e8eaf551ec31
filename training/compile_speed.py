"""Does `torch.compile` train the policy faster on this CPU? (issue 15, part 3)

Times the medium profile's training step (forward, backward, AdamW) eager and compiled on the same
batches, in alternating blocks so that a change in the machine's load hits both alike; compile time is
reported apart. Writes training/results/compile-speed.json (read in compile-speed.md).

  bash training/venv.sh python training/compile_speed.py [--blocks 4 --steps 15]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tvm_training.common import PROFILES, cache_dir, log, seed_everything, setup_torch, write_json  # noqa: E402
from tvm_training.data import Batch, collate  # noqa: E402
from tvm_training.model import Decoder  # noqa: E402
from tvm_training.policy import build_splits, build_tokenizer, length_bucketed, model_config, token_losses  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", choices=sorted(PROFILES), default="medium")
    parser.add_argument("--blocks", type=int, default=4)
    parser.add_argument("--steps", type=int, default=15, help="steps per block")
    args = parser.parse_args()
    setup_torch()
    seed_everything(0)
    profile = PROFILES[args.profile]
    data, eager = batches(args.profile, args.steps)
    dev = torch.device("cpu")
    compiled_model = Decoder(eager.cfg)
    compiled_model.load_state_dict(eager.state_dict())
    # The training loss runs the trunk (all the layers) and the LM head: the trunk is what is compiled.
    compiled_model.trunk = torch.compile(compiled_model.trunk, dynamic=True)  # type: ignore[method-assign]

    def losses(model: Decoder, batch: Batch):
        return token_losses(model, batch, dev, profile.problem_loss_weight)

    steps = {
        "eager": (eager, make_step(profile.problem_loss_weight, torch.optim.AdamW(eager.parameters(), lr=1e-4), losses)),
        "compiled": (compiled_model, make_step(profile.problem_loss_weight, torch.optim.AdamW(compiled_model.parameters(), lr=1e-4),
                                               losses)),
    }
    started = time.perf_counter()
    timed_steps(compiled_model, steps["compiled"][1], data)  # compiles (every shape bucket once)
    compile_s = time.perf_counter() - started
    timed_steps(eager, steps["eager"][1], data[:3])  # warm-up
    log(f"compile + first pass: {compile_s:.0f} s")
    totals = {name: [0.0, 0] for name in steps}
    for block in range(args.blocks):
        for name, (model, step_fn) in steps.items():
            seconds, tokens = timed_steps(model, step_fn, data)
            totals[name][0] += seconds
            totals[name][1] += tokens
            log(f"block {block + 1}: {name} {tokens / seconds:.0f} tok/s")
    rates = {name: tokens / seconds for name, (seconds, tokens) in totals.items()}
    report = {"profile": args.profile, "torch": torch.__version__, "threads": torch.get_num_threads(),
              "load_average_1min_end": os.getloadavg()[0], "compile_and_first_pass_s": round(compile_s),
              "tokens_per_s": {k: round(v) for k, v in rates.items()}, "speedup": round(rates["compiled"] / rates["eager"], 3),
              "blocks": args.blocks, "steps_per_block": args.steps, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    write_json(RESULTS / "compile-speed.json", report)
    log(json.dumps(report))


if __name__ == "__main__":
    main()
