"""How well the verifiers rank paths *of one problem*, which is what search needs:

    python3 training/within_problem.py --profile full [--out FILE]

The card's AUCs pool prefixes of 160 problems per split, so they also reward a verifier for telling
easy problems from hard ones. Beam search and best-of-N only ever compare candidates of the same
problem. On the card's held-out rows (4 sampled paths per problem, every step end with its rollout
success) this reports, per split and verifier:
- pooled: the card's AUC (final step: the path's answer is correct; mid-path: success ≥ 0.5);
- within: the mean over problems of the AUC among that problem's rows alone (mid-path: rows of the
  same problem and step), over the problems (or problem-steps) that have both outcomes;
- pick: on problems whose paths disagree, how often the highest-valued path is correct (ties
  split), against `chance`, the share of correct paths there (what a random pick gets);
and the TVM's margin in within-problem AUC over the ORM and the PRM, with a bootstrap interval.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tvm_training.common import PROFILES, log  # noqa: E402
from tvm_training.stages import VERIFIERS, calculator_for, load_verifier, open_finished, verifier_file  # noqa: E402
from tvm_training.verifier_eval import auc, evaluation_rows, percentile_interval, row_values  # noqa: E402

Rows = list[dict[str, object]]


def grouped(rows: Rows, final: bool) -> dict[tuple[object, object], list[int]]:
    """Row indices by (problem, step): one group per problem for the final step, one per problem
    and step mid-path."""
    groups: dict[tuple[object, object], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if (r["step"] == "final") == final:
            groups[(r["problem"], r["step"])].append(i)
    return groups


def successes(rows: Rows) -> list[bool]:
    """The card's ground truth: the path is right (final step) or rollouts succeed ≥ half the time."""
    return [float(r["rate"]) >= 0.5 for r in rows]  # type: ignore[arg-type]


def group_aucs(groups: dict[tuple[object, object], list[int]], values: list[float], positive: list[bool]
               ) -> dict[tuple[object, object], float]:
    """Each group's AUC among its own rows, for the groups that have both outcomes."""
    out: dict[tuple[object, object], float] = {}
    for key, g in groups.items():
        a = auc([values[i] for i in g], [positive[i] for i in g])
        if a is not None:
            out[key] = a
    return out


def ranking(rows: Rows, values: list[float], final: bool) -> dict[str, float | int | None]:
    by_key = grouped(rows, final)
    groups = list(by_key.values())
    positive = successes(rows)
    every = [i for g in groups for i in g]
    within = list(group_aucs(by_key, values, positive).values())
    mixed = [g for g in groups if 0 < sum(positive[i] for i in g) < len(g)]
    picks = 0.0
    for g in mixed:
        top = max(values[i] for i in g)
        best = [i for i in g if values[i] == top]
        picks += sum(positive[i] for i in best) / len(best)
    return {
        "pooled": auc([values[i] for i in every], [positive[i] for i in every]),
        "within": sum(within) / len(within) if within else None,
        "groups": len(within),
        "pick": picks / len(mixed) if mixed else None,
        "chance": sum(sum(positive[i] for i in g) / len(g) for g in mixed) / len(mixed) if mixed else None,
    }


def within_margin(rows: Rows, tvm: list[float], baseline: list[float], final: bool, seed: int,
                  draws: int = 2000) -> tuple[float, float, float]:
    """The TVM's mean within-problem AUC minus the baseline's, with a 95 % bootstrap interval over
    problems (a problem's groups are resampled together: its steps are not independent)."""
    groups, positive = grouped(rows, final), successes(rows)
    ours, theirs = group_aucs(groups, tvm, positive), group_aucs(groups, baseline, positive)
    by_problem: dict[object, list[float]] = defaultdict(list)
    for key, a in ours.items():
        by_problem[key[0]].append(a - theirs[key])
    problems = list(by_problem.values())

    def mean_of(sample: list[list[float]]) -> float:
        diffs = [d for p in sample for d in p]
        return sum(diffs) / len(diffs)

    rng = random.Random(seed)
    low, high = percentile_interval([mean_of([rng.choice(problems) for _ in problems]) for _ in range(draws)])
    return mean_of(problems), low, high


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", choices=sorted(PROFILES), default="full")
    parser.add_argument("--out", type=Path, default=None, help="JSON report (default: only printed)")
    args = parser.parse_args()
    profile = PROFILES[args.profile]
    cache, tok, splits, policy = open_finished(profile)
    verifiers = {kind: load_verifier(verifier_file(cache, profile, kind))[0] for kind in VERIFIERS}
    with calculator_for(profile, tok) as calculator:  # as the pipeline's stages sample and score
        rows = evaluation_rows(policy, tok, splits.test, splits.hard, profile, cache, calculator)
        values_by_split = {split: row_values(rows[f"{split}_steps"], policy, verifiers, tok, calculator) for split in ("test", "hard")}
    report: dict[str, dict[str, dict[str, dict[str, float | int | None]]]] = {}
    for split in ("test", "hard"):
        part = rows[f"{split}_steps"]
        values = values_by_split[split]
        report[split] = {kind: {"final": ranking(part, v, True), "mid-path": ranking(part, v, False)}
                         for kind, v in values.items()}
        for kind, where in report[split].items():
            log(f"{split} {kind}: {json.dumps(where)}")
        for baseline in ("orm", "prm"):
            margins = {where: [round(x, 3) for x in within_margin(part, values["tvm"], values[baseline], where == "final",
                                                                  profile.seed + 1100)]
                       for where in ("final", "mid-path")}
            report[split][f"tvm-{baseline}"] = margins  # type: ignore[assignment]
            log(f"{split} TVM within-problem AUC margin over {baseline} [95 % interval]: {margins}")
    if args.out:
        args.out.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
