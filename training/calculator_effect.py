"""What sampling with the engine's calculator (tvm_training/calculator.py) changes, measured:

    python3 training/calculator_effect.py [--bundle models/default] [--problems 40] [--paths 8] [--out FILE]

On a bundle's policy (default: the shipped v1 policy, read from its Transformers checkpoint) and
problems spread evenly over its val split: greedy accuracy without and with the calculator, how often
the calculator writes a result per path (greedy and sampled at T = 0.7), and sampling throughput
(paths/s) both ways (median of 3 alternating runs); then the same throughput on the smoke profile's policy (trained in a temporary
cache, 60 steps: it writes almost no closed calculation, so it shows the calculator's fixed cost).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402

from tvm_training import stages  # noqa: E402
from tvm_training.calculator import Calculator  # noqa: E402
from tvm_training.common import SMOKE, cache_dir, curriculum_of, is_correct, log, setup_torch  # noqa: E402
from tvm_training.curriculum import V1  # noqa: E402
from tvm_training.data import prompt_of  # noqa: E402
from tvm_training.hf_format import decoder_from_transformers  # noqa: E402
from tvm_training.model import Decoder  # noqa: E402
from tvm_training.policy import build_splits, build_tokenizer, load_policy, sample_marked_paths  # noqa: E402
from tvm_training.sampling import Continuation  # noqa: E402
from tvm_training.tokenizer import BpeTokenizer  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
REPEATS = 3


def calculations(c: Continuation) -> int:
    """Results the calculator wrote in a path: runs of consecutive forced tokens."""
    return sum(1 for i, k in enumerate(c.forced) if i == 0 or c.forced[i - 1] != k - 1)


def timed(policy: Decoder, tok: BpeTokenizer, prompts: list[list[int]], n: int, temperature: float, max_new: int,
          calculator: Calculator | None) -> tuple[list[list[Continuation]], float]:
    start = time.perf_counter()
    paths = sample_marked_paths(policy, tok, prompts, n, temperature, 20261205, max_new, calculator=calculator)
    return paths, len(prompts) * n / (time.perf_counter() - start)


def both_ways(policy: Decoder, tok: BpeTokenizer, prompts: list[list[int]], n: int, temperature: float,
              max_new: int) -> dict[str, tuple[list[list[Continuation]], float]]:
    """Paths and paths/s without and with the calculator: after one warm-up run each, REPEATS runs
    alternating the two (the machine is shared), the median rate; the same seed gives the same paths."""
    with Calculator(tok) as calc:
        ways = {"without": None, "with": calc}
        for way in ways.values():
            timed(policy, tok, prompts[:2], 1, temperature, max_new, way)
        runs: dict[str, list[tuple[list[list[Continuation]], float]]] = {name: [] for name in ways}
        for _ in range(REPEATS):
            for name, way in ways.items():
                runs[name].append(timed(policy, tok, prompts, n, temperature, max_new, way))
    return {name: (done[-1][0], statistics.median(rate for _, rate in done)) for name, done in runs.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bundle", type=Path, default=REPO / "models" / "default")
    ap.add_argument("--problems", type=int, default=40)
    ap.add_argument("--paths", type=int, default=8, help="sampled paths per problem (T = 0.7) for rate and throughput")
    ap.add_argument("--max-new", type=int, default=200)
    ap.add_argument("--out", type=Path, default=REPO / "training" / "results" / "calculator-effect-v1.json")
    args = ap.parse_args()
    setup_torch()
    tok = BpeTokenizer.load(args.bundle / "tokenizer.json")
    policy = decoder_from_transformers(args.bundle)
    rows = [json.loads(line) for line in (args.bundle / "splits" / "val.jsonl").read_text().splitlines()]
    every = max(1, len(rows) // args.problems)
    chosen = rows[::every][: args.problems]
    prompts = [tok.encode(prompt_of(r["question"], V1)) for r in chosen]
    report: dict[str, object] = {"bundle": str(args.bundle.relative_to(REPO) if args.bundle.is_relative_to(REPO) else args.bundle),
                                 "problems": len(chosen), "threads": torch.get_num_threads()}
    greedy = both_ways(policy, tok, prompts, 1, 0.0, args.max_new)
    for way, (paths, rate) in greedy.items():
        right = [is_correct(tok.decode(ps[0].tokens), r["answer"]) for ps, r in zip(paths, chosen)]
        report[f"greedy_{way}"] = {"accuracy": round(100 * sum(right) / len(right), 1), "right": sum(right),
                                   "calculations_per_path": round(sum(calculations(ps[0]) for ps in paths) / len(paths), 2),
                                   "tokens_per_path": round(sum(len(ps[0].tokens) for ps in paths) / len(paths), 1),
                                   "paths_per_s": round(rate, 2)}
    changed = sum(a[0].tokens != b[0].tokens for a, b in zip(greedy["without"][0], greedy["with"][0]))
    report["greedy_paths_changed"] = changed
    sampled = both_ways(policy, tok, prompts, args.paths, 0.7, args.max_new)
    for way, (paths, rate) in sampled.items():
        flat = [c for ps in paths for c in ps]
        right = [is_correct(tok.decode(c.tokens), r["answer"]) for ps, r in zip(paths, chosen) for c in ps]
        report[f"sampled_{way}"] = {"paths": len(flat), "accuracy": round(100 * sum(right) / len(right), 1),
                                    "calculations_per_path": round(sum(map(calculations, flat)) / len(flat), 2),
                                    "paths_with_a_calculation": round(100 * sum(bool(c.forced) for c in flat) / len(flat), 1),
                                    "tokens_per_path": round(sum(len(c.tokens) for c in flat) / len(flat), 1),
                                    "paths_per_s": round(rate, 2)}
    with tempfile.TemporaryDirectory() as cache_root:
        os.environ["TVM_TUTOR_CACHE"] = cache_root
        stages.run(SMOKE, "policy", None, None)
        cache = cache_dir(SMOKE)
        smoke_tok = build_tokenizer(SMOKE, cache)
        smoke_prompts = [smoke_tok.encode(prompt_of(e.question, curriculum_of(SMOKE))) for e in build_splits(SMOKE, cache).test[:16]]
        smoke = both_ways(load_policy(cache, smoke_tok), smoke_tok, smoke_prompts, 8, 0.7, SMOKE.max_new_tokens)
    report["smoke"] = {way: {"paths": len(smoke_prompts) * 8, "paths_per_s": round(rate, 2),
                             "calculations_per_path": round(sum(calculations(c) for ps in paths for c in ps) / (len(smoke_prompts) * 8), 3)}
                       for way, (paths, rate) in smoke.items()}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    log(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
