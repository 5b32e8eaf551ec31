"""The verifier evaluation's statistics (tvm_training/verifier_eval.py): the rank-based AUC must equal the
pairwise definition, ties included, and the bootstrap interval of the TVM's margin must separate a better
verifier from a worse one."""
from __future__ import annotations

import random

from tvm_training.verifier_eval import auc, tvm_margins


def pairwise(scores, positive):
    pos = [s for s, p in zip(scores, positive) if p]
    neg = [s for s, p in zip(scores, positive) if not p]
    if not pos or not neg:
        return None
    return sum(1.0 if a > b else 0.5 if a == b else 0.0 for a in pos for b in neg) / (len(pos) * len(neg))


def test_the_rank_auc_equals_the_share_of_pairs_ranked_right_ties_counting_half():
    rng = random.Random(3)
    worst = 0.0
    for _ in range(500):
        n = rng.randint(1, 25)
        scores = [rng.choice([0.1, 0.5, 0.9, rng.random()]) for _ in range(n)]
        positive = [rng.random() < 0.5 for _ in range(n)]
        a, b = auc(scores, positive), pairwise(scores, positive)
        assert (a is None) == (b is None), (scores, positive)
        worst = max(worst, 0.0 if a is None else abs(a - b))
    assert worst < 1e-12, f"largest difference {worst}"
    assert auc([0.2, 0.9], [False, True]) == 1
    assert auc([0.5, 0.5], [False, True]) == 0.5


def test_the_tvm_margin_is_above_zero_against_a_noisier_baseline_and_zero_against_an_identical_one():
    rng = random.Random(5)
    rows, vals = [], {"tvm": [], "orm": [], "prm": []}
    for problem in range(120):
        for step in range(5):
            rate = rng.random()
            rows.append({"problem": problem, "rate": rate, "step": str(step + 1)})
            tvm = min(1.0, max(0.0, rate + rng.gauss(0, 0.15)))
            vals["tvm"].append(tvm)
            vals["orm"].append(min(1.0, max(0.0, rate + rng.gauss(0, 0.45))))
            vals["prm"].append(tvm)
    result = tvm_margins(rows, vals, list(range(len(rows))), seed=9, resamples=300)
    margin, low, high = result["orm"]["auc"]
    assert 0 < low <= margin <= high, f"AUC margin {margin} [{low}, {high}]"
    assert result["orm"]["brier"][1] > 0, f"Brier margin {result['orm']['brier']}"
    assert list(result["prm"]["auc"]) == [0, 0, 0]
    assert list(result["prm"]["brier"]) == [0, 0, 0]
