"""Curriculum v2's canonical problem statement (curriculum/prompt.py): the shared case table
(fixtures/prompt_cases.json, for the engine's TypeScript mirror too), idempotence, and that final
punctuation and whitespace never change a v2 prompt."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tvm_training.curriculum import TRAIN, V1, V2, normalise
from tvm_training.curriculum.prompt import canonical_problem
from tvm_training.data import prompt_of

CASES = json.loads((Path(__file__).parent / "fixtures" / "prompt_cases.json").read_text())


@pytest.mark.parametrize("case", CASES, ids=[c["why"] for c in CASES])
def test_each_case_of_the_shared_table(case):
    assert canonical_problem(case["input"]) == case["canonical"]
    assert canonical_problem(case["canonical"]) == case["canonical"], "canonical_problem is idempotent"


def test_final_punctuation_and_whitespace_never_change_a_v2_prompt_and_v1_prompts_keep_them():
    rng = random.Random(3)
    for family in V2.names:
        for _ in range(20):
            question = V2.generate(family, rng, TRAIN).question
            bare = question.rstrip(" .?")
            variants = [bare, bare + ".", bare + "?", "  " + bare + " . ", bare + "\n"]
            assert len({prompt_of(v, V2) for v in variants}) == 1, question
            assert len({normalise(v) for v in variants}) == 1, "one problem for the splits' disjointness"
    assert prompt_of("Solve 5x = 35.", V1) == "Q: Solve 5x = 35.\n"
    assert prompt_of("Solve 5x = 35.", V2) == "Q: Solve 5x = 35\n"
