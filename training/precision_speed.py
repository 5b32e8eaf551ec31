"""Does bfloat16 autocast train the policy faster on this CPU, and to the same losses? (issue 15, part 3)

The CPU here has AMX (bfloat16 tile matmuls). Times the medium profile's training step (forward,
backward, AdamW) in float32 and under `torch.autocast("cpu", bfloat16)` (TVM_TUTOR_PRECISION=bf16,
`common.training_autocast()`), two copies of one initialisation stepping through the same batches in
alternating blocks (a change in the machine's load hits both alike), and records both models' training
loss after each block and the loss of the same weights computed both ways. Writes
training/results/precision-speed.json (read in precision-speed.md).

  bash training/venv.sh python training/precision_speed.py [--blocks 4 --steps 15]
"""
from __future__ import annotations

import contextlib
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

PRECISIONS = {"fp32": contextlib.nullcontext, "bf16": lambda: torch.autocast("cpu", dtype=torch.bfloat16)}


def main() -> None:
    args = block_arguments(__doc__)
    weight = PROFILES[args.profile].problem_loss_weight
    data, first = batches(args.profile, args.steps)
    second = Decoder(first.cfg)
    second.load_state_dict(first.state_dict())
    dev = torch.device("cpu")
    models = {"fp32": first, "bf16": second}

    def losses_in(precision: str):
        def losses(model: Decoder, batch: Batch):
            with PRECISIONS[precision]():
                return token_losses(model, batch, dev, weight)
        return losses

    steps = {name: make_step(weight, torch.optim.AdamW(models[name].parameters(), lr=1e-4), losses_in(name)) for name in PRECISIONS}
    with torch.no_grad():
        same_weights = {name: float(losses_in(name)(first, data[0])[0]) for name in PRECISIONS}
    for name in PRECISIONS:  # warm-up (oneDNN picks its kernels per shape on first use)
        timed_steps(models[name], steps[name], data[:2])
    totals = {name: [0.0, 0] for name in PRECISIONS}
    curve: dict[str, list[float]] = {name: [] for name in PRECISIONS}
    for block in range(args.blocks):
        for name in PRECISIONS:
            seconds, tokens = timed_steps(models[name], steps[name], data)
            totals[name][0] += seconds
            totals[name][1] += tokens
            with torch.no_grad():  # both models' loss in float32 on the same batch
                curve[name].append(round(float(losses_in("fp32")(models[name], data[0])[0]), 4))
            log(f"block {block + 1}: {name} {tokens / seconds:.0f} tok/s, loss {curve[name][-1]}")
    rates = {name: tokens / seconds for name, (seconds, tokens) in totals.items()}
    report = {"profile": args.profile, "torch": torch.__version__, "threads": torch.get_num_threads(),
              "load_average_1min_end": os.getloadavg()[0], "tokens_per_s": {k: round(v) for k, v in rates.items()},
              "speedup": round(rates["bf16"] / rates["fp32"], 3),
              "same_weights_loss": {k: round(v, 5) for k, v in same_weights.items()},
              "loss_after_each_block": curve, "blocks": args.blocks, "steps_per_block": args.steps,
              "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    write_json(RESULTS / "precision-speed.json", report)
    log(json.dumps(report))


if __name__ == "__main__":
    main()
