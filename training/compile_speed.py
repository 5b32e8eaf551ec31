"""Does `torch.compile` train the policy faster on this CPU? (issue 15, part 3)

Times the medium profile's training step (forward, backward, AdamW) eager and compiled on the same
batches, in alternating blocks so that a change in the machine's load hits both alike; compile time is
reported apart. Writes training/results/compile-speed.json (read in compile-speed.md).

  bash training/venv.sh python training/compile_speed.py [--blocks 4 --steps 15]
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from step_timing import RESULTS, batches, block_arguments, make_step, timed_steps  # noqa: E402
from tvm_training.common import PROFILES, log, write_json  # noqa: E402
from tvm_training.data import Batch  # noqa: E402
from tvm_training.model import Decoder  # noqa: E402
from tvm_training.policy import token_losses  # noqa: E402


def main() -> None:
    args = block_arguments(__doc__)
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
