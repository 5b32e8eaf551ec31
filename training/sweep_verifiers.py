"""Trains variants of the verifiers on a finished pipeline cache (tokenizer, policy, labels) and
scores each on the same held-out rows, to choose the verifier settings of a profile:

    python3 training/sweep_verifiers.py --profile full --variants '[{"logprob_threshold": 3}, ...]'

Each variant overrides Profile fields (a different `seed` measures run-to-run noise). Every
variant trains the verifiers named by --kinds (default: the TVM) and scores them; the best variant
by `selection_score` of its TVM (mean of the mid-path and student-error AUCs on test and hard,
minus the mean mid-path Brier score) then gets the kinds it lacks of TVM, ORM and PRM trained with
the same settings, so the three can be compared as the card compares them. Writes
<out>/sweep.json and the best variant's {tvm,orm,prm}.pt there; the cache itself is never changed.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tvm_training.calculator import Calculator  # noqa: E402
from tvm_training.common import PROFILES, Profile, log, write_json  # noqa: E402
from tvm_training.data import Splits  # noqa: E402
from tvm_training.model import Decoder  # noqa: E402
from tvm_training.stages import calculator_for, open_finished, save_model  # noqa: E402
from tvm_training.surprise import token_logprobs  # noqa: E402
from tvm_training.tokenizer import BpeTokenizer  # noqa: E402
from tvm_training.verifier_eval import evaluate_verifiers, evaluation_rows  # noqa: E402
from tvm_training.verifiers import train_verifier  # noqa: E402


def selection_score(report: dict, kind: str = "tvm") -> float:
    """An AUC that cannot be computed (one class only, in tiny runs) counts as chance."""
    aucs = [report[f"{s}_steps"]["intermediate"][kind]["auc"] for s in ("test", "hard")]
    aucs += [report[f"{s}_errors"]["all"][kind]["auc"] for s in ("test", "hard")]
    aucs = [0.5 if a is None else a for a in aucs]
    briers = [report[f"{s}_steps"]["intermediate"][kind]["brier"] for s in ("test", "hard")]
    return sum(aucs) / len(aucs) - sum(briers) / len(briers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", choices=sorted(PROFILES), default="full")
    parser.add_argument("--variants", required=True, help="JSON list of Profile overrides")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--kinds", default="tvm", help="comma-separated verifiers trained for every variant")
    args = parser.parse_args()
    base = PROFILES[args.profile]
    cache, tok, splits, policy = open_finished(base)
    with calculator_for(base, tok) as calculator:  # as the pipeline's stages sample and score
        sweep(args, base, cache, tok, splits, policy, calculator)


def sweep(args: argparse.Namespace, base: Profile, cache: Path, tok: BpeTokenizer, splits: Splits, policy: Decoder,
          calculator: Calculator | None) -> None:
    data = pickle.loads((cache / f"labels-n{base.label_paths}.pkl").read_bytes())
    rows = evaluation_rows(policy, tok, splits.test, splits.hard, base, cache, calculator)
    logprobs = token_logprobs(policy, [d.ids for d in data], tok, calculator=calculator)
    args.out.mkdir(parents=True, exist_ok=True)
    results: list[dict[str, object]] = []
    kinds = ["tvm"] + [k for k in args.kinds.split(",") if k in ("orm", "prm")]
    best: tuple[float, dict, dict[str, Decoder]] | None = None
    for overrides in json.loads(args.variants):
        profile = dataclasses.replace(base, **overrides)
        trained = {k: train_verifier(policy, data, logprobs, k, profile, tok.eos_id) for k in kinds}
        report = evaluate_verifiers(policy, trained, tok, rows, base.seed, calculator)
        score = selection_score(report)
        results.append({"overrides": overrides, "score": round(score, 4), "report": report})
        log(f"variant {overrides}: score {score:.4f}")
        write_json(args.out / "sweep.json", {"variants": results})
        if best is None or score > best[0]:
            best = (score, overrides, trained)
    assert best is not None
    _, overrides, trained = best
    profile = dataclasses.replace(base, **overrides)
    verifiers = {k: trained.get(k) or train_verifier(policy, data, logprobs, k, profile, tok.eos_id)
                 for k in ("tvm", "orm", "prm")}
    for kind, model in verifiers.items():
        save_model(args.out / f"{kind}.pt", model)
    final = evaluate_verifiers(policy, verifiers, tok, rows, base.seed, calculator)
    write_json(args.out / "sweep.json", {"variants": results, "best": overrides, "best_report": final})
    log(f"best {overrides}; written to {args.out}")


if __name__ == "__main__":
    main()
