"""Within-problem ranking (training/within_problem.py): a verifier that only knows how hard each problem is
scores well pooled over problems but no better than chance among one problem's paths, which is what
search compares; one that ranks each problem's paths right is perfect within."""
from __future__ import annotations

import random

import pytest

from within_problem import ranking, within_margin


@pytest.fixture(scope="module")
def scored():
    rng = random.Random(3)
    rows, difficulty, oracle = [], [], []
    for problem in range(40):
        ease = rng.random()
        for _path in range(4):
            ok = rng.random() < ease
            rows.append({"problem": problem, "step": "final", "rate": float(ok)})
            difficulty.append(ease)
            oracle.append(0.5 * ease + 0.5 * ok)
    return rows, difficulty, oracle


def test_a_verifier_that_knows_only_difficulty_ranks_well_pooled_and_at_chance_within(scored):
    rows, difficulty, _ = scored
    result = ranking(rows, difficulty, True)
    assert result["pooled"] > 0.7, f"pooled AUC {result['pooled']}"
    assert result["within"] == 0.5
    assert abs(result["pick"] - result["chance"]) < 1e-9, "its pick among tied paths is a random one"
    assert result["groups"] > 5, "enough problems with both outcomes"


def test_a_verifier_that_ranks_eachproblems_paths_right_is_perfect_within_and_its_margin_excludes_0(scored):
    rows, difficulty, oracle = scored
    result = ranking(rows, oracle, True)
    assert result["within"] == 1
    assert result["pick"] == 1
    assert result["chance"] < 1
    mean, low, high = within_margin(rows, oracle, difficulty, True, seed=1, draws=200)
    assert abs(mean - 0.5) < 1e-9, f"margin {mean}"
    assert 0 < low <= mean <= high


def test_final_step_and_mid_path_rows_are_grouped_apart(scored):
    rows, _, oracle = scored
    assert ranking(rows, oracle, False)["groups"] == 0
