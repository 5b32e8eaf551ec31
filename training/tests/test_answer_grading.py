"""The Python grader (training labels) on the table of cases the engine's grader is tested on too
(test/core/grading/sharedCases.test.ts): both sides give every case its expected verdict."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tvm_training.common import is_correct
from tvm_training.grading import answers_equivalent

CASES = json.loads((Path(__file__).resolve().parents[2] / "test" / "fixtures" / "answer-grading-cases.json").read_text())


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_shared_case(case: dict) -> None:
    assert answers_equivalent(case["answer"], case["reference"]) is case["equivalent"]
    # Equivalence is symmetric: the table's answer may as well be the reference.
    assert answers_equivalent(case["reference"], case["answer"]) is case["equivalent"]


def test_labels_use_the_grader() -> None:
    assert is_correct("$3 \\times 4 = 12$\nThe answer is 12 dollars.", "12")
    assert is_correct("The answer is $x^2 + 5x + 6$", "$6 + 5x + x^2$")
    assert not is_correct("$3 + 4 = 7$", "7"), "a path without a stated answer is not right"
