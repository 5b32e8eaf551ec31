"""Learning curves of the v2 policy on this machine: for each model size, train for a fixed wall time
with the pipeline's own loop (policy.train_policy) and log, every interval, tokens seen, tokens/s,
training loss and the loss on the v2 val split (prompts masked as in training). Validation time is
not counted as training time. Results: JSON (and a markdown table with --report).

    bash training/venv.sh python training/learning_curves.py --minutes 8 --out training/results/learning-curves-v2.json
    bash training/venv.sh python training/learning_curves.py --report training/results/learning-curves-v2.json
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tvm_training.common import FULL, Profile, cache_dir, device_name, log, seed_everything, setup_torch  # noqa: E402
from tvm_training.model import Decoder, count_parameters  # noqa: E402
from tvm_training.policy import build_splits, build_tokenizer, train_policy, validation_loss  # noqa: E402


@dataclass(frozen=True)
class Size:
    name: str
    d_model: int
    n_layer: int
    n_head: int
    lr: float


# The full profile's size and LR first; wider and deeper ones with the peak LR scaled by 160 / d_model
# (Adam's usual width rule), head_dim 32 throughout.
SIZES = {s.name: s for s in (
    Size("small", 160, 4, 5, FULL.lr),
    Size("medium", 256, 7, 8, FULL.lr * 160 / 256),
    Size("large", 384, 9, 12, FULL.lr * 160 / 384),
)}
REPORT_MINUTES = (2, 4, 6, 8)


def curve_profile(size: Size, horizon_steps: int) -> Profile:
    """The full profile on curriculum v2 with vocab_size 2048, at this size; its LR schedule and
    curriculum mixture run over horizon_steps (the curves see the start of that schedule)."""
    return dataclasses.replace(FULL, curriculum="v2", vocab_size=2048, d_model=size.d_model, n_layer=size.n_layer,
                               n_head=size.n_head, lr=size.lr, policy_steps=horizon_steps)


@dataclass
class Recorder:
    """The step hook: keeps a training clock without validation time, records a point every
    `interval` seconds of it and stops training after `budget` seconds."""
    budget: float
    interval: float
    validate: Callable[[Decoder], float]
    clock: Callable[[], float] = time.monotonic
    points: list[dict[str, float]] = field(default_factory=list)
    trained: float = 0.0
    _since: float | None = None
    _window: tuple[int, float, int] = (0, 0.0, 0)  # tokens at its start, loss sum, steps

    def start(self) -> None:
        self._since = self.clock()

    def __call__(self, model: Decoder, step: int, tokens: int, loss: float) -> bool:
        now = self.clock()
        if self._since is None:
            self._since = now
        self.trained += now - self._since
        start_tokens, loss_sum, n = self._window
        self._window = (start_tokens, loss_sum + loss, n + 1)
        done = self.trained >= self.budget
        if done or self.trained >= self.interval * (len(self.points) + 1):
            window_seconds = self.trained - (self.points[-1]["seconds"] if self.points else 0.0)
            t0 = self.clock()
            val = self.validate(model)
            val_seconds = self.clock() - t0
            self.points.append({"seconds": round(self.trained, 1), "step": step, "tokens": tokens,
                                "tokens_per_s": round((tokens - start_tokens) / max(window_seconds, 1e-9), 1),
                                "train_loss": round((loss_sum + loss) / (n + 1), 4), "val_loss": round(val, 4),
                                "val_seconds": round(val_seconds, 1), "load_avg_1m": round(os.getloadavg()[0], 2)})
            log(f"{self.points[-1]}")
            self._window = (tokens, 0.0, 0)
        self._since = self.clock()
        return done


def run_size(size: Size, minutes: float, interval: float, horizon_steps: int, root: Path) -> dict[str, object]:
    profile = curve_profile(size, horizon_steps)
    shared = root / "shared"
    shared.mkdir(parents=True, exist_ok=True)
    tok = build_tokenizer(profile, shared)
    splits = build_splits(profile, shared)
    out = root / size.name
    shutil.rmtree(out, ignore_errors=True)  # a fresh run, never a resumed one
    out.mkdir(parents=True)
    seed_everything(profile.seed)
    recorder = Recorder(minutes * 60, interval, lambda m: validation_loss(m, tok, splits.val, profile))
    log(f"{size}: {len(splits.val)} val problems, {minutes} min")
    recorder.start()
    model = train_policy(profile, out, tok, splits, on_step=recorder)
    return {"size": dataclasses.asdict(size), "parameters": count_parameters(model), "vocab": tok.size,
            "batch_size": profile.batch_size, "horizon_steps": horizon_steps, "val_problems": len(splits.val),
            "minutes": minutes, "points": recorder.points}


def value_at(points: list[dict[str, float]], seconds: float, key: str) -> float | None:
    """The value at the last point recorded at or before `seconds` (within 5 % of it), else None."""
    before = [p for p in points if p["seconds"] <= seconds * 1.05]
    return before[-1][key] if before and before[-1]["seconds"] >= seconds * 0.9 else None


def report(results: dict[str, object]) -> str:
    """Markdown: one row per size."""
    head = "| size | d_model × layers | params | tokens/s | " + " | ".join(f"val loss {m} min" for m in REPORT_MINUTES) + \
        " | tokens seen | tokens per 3 h (extrapolated) |"
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    for run in results["runs"]:  # type: ignore[union-attr]
        pts = run["points"]
        last = pts[-1]
        rate = last["tokens"] / last["seconds"]
        vals = [value_at(pts, 60 * m, "val_loss") for m in REPORT_MINUTES]
        size = run["size"]
        rows.append(f"| {size['name']} | {size['d_model']} × {size['n_layer']} | {run['parameters'] / 1e6:.2f}M | {rate:.0f} | "
                    + " | ".join("—" if v is None else f"{v:.3f}" for v in vals)
                    + f" | {last['tokens'] / 1e6:.2f}M | {rate * 10800 / 1e6:.0f}M |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=8.0, help="training wall time per size (validation not counted)")
    parser.add_argument("--interval", type=float, default=30.0, help="seconds of training between points")
    parser.add_argument("--sizes", nargs="+", choices=sorted(SIZES), default=list(SIZES))
    parser.add_argument("--horizon-steps", type=int, default=FULL.policy_steps, help="the LR schedule's and mixture's length")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results" / "learning-curves-v2.json")
    parser.add_argument("--report", type=Path, default=None, help="print the markdown table of a results file and stop")
    args = parser.parse_args()
    if args.report:
        print(report(json.loads(args.report.read_text())))
        return
    setup_torch()
    root = cache_dir(curve_profile(SIZES["small"], args.horizon_steps)) / "learning-curves"
    results: dict[str, object] = {"device": device_name(), "started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
                                  "runs": []}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    for name in args.sizes:
        results["runs"].append(run_size(SIZES[name], args.minutes, args.interval, args.horizon_steps, root))  # type: ignore[union-attr]
        args.out.write_text(json.dumps(results, indent=1) + "\n")  # after each size: a cut-short run keeps what it measured
    print(report(results))


if __name__ == "__main__":
    main()
