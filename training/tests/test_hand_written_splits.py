"""Every answer of the hand-written natural splits natural-b, natural-c and natural-val (bench/data/)
recomputed exactly from the numbers in its problem (natural_*_checks.py), independently of the answer
written beside it, and each file's shape. The splits are never used for training; natural-val is
where search settings are chosen, the others only judge. This test only reads them."""
from __future__ import annotations

import json
import re
from collections import Counter
from fractions import Fraction as F
from pathlib import Path

import natural_b_checks
import natural_c_checks
import natural_val_checks
import pytest

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"
FAMILIES = (
    "rates", "unit-conversion", "ages", "sum-difference", "averages", "ratio", "percent", "simple-interest",
    "area-perimeter", "change", "remainder", "function-eval", "derivative", "exponents", "fractions",
    "linear-equation", "system", "order-of-operations", "word-problem",
)
STYLES = ("textbook", "worksheet", "student")
KEYS = ["id", "family", "style", "question", "answer"]
NUMBER = re.compile(r"-?\d+(/\d+|\.\d+)?")
QUOTIENT_REMAINDER = re.compile(r"(\d+) remainder (\d+)")

# Each CHECKS maps id → the computation, with F = Fraction; % and // are the remainder and quotient of a division.
# A tuple (q, r) is the check of an answer written "q remainder r". Systems use Cramer's rule:
# for a1 x + b1 y = c1, a2 x + b2 y = c2: x = F(c1*b2 - c2*b1, a1*b2 - a2*b1), y = F(a1*c2 - a2*c1, a1*b2 - a2*b1).
# split → (its checks, problems per family, the letter of its ids: `<family>-<letter>0N`)
SPLITS = {
    "natural-b": (natural_b_checks.CHECKS, 6, "b"),
    "natural-c": (natural_c_checks.CHECKS, 6, "c"),
    "natural-val": (natural_val_checks.CHECKS, 3, "v"),
}
split_names = pytest.mark.parametrize("split", list(SPLITS))


def load(split: str) -> list[dict[str, str]]:
    with (DATA / f"{split}.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def parse_answer(answer: str) -> F | tuple[int, int]:
    """An exact answer: an integer, a reduced fraction a/b, a decimal, or "q remainder r"."""
    qr = QUOTIENT_REMAINDER.fullmatch(answer)
    if qr:
        return int(qr.group(1)), int(qr.group(2))
    assert NUMBER.fullmatch(answer), f"not an exact number: {answer!r}"
    value = F(answer)
    if "/" in answer:
        assert value.denominator > 1 and answer == f"{value.numerator}/{value.denominator}", f"not reduced: {answer!r}"
    if "." in answer:
        assert not answer.endswith("0"), f"trailing zero: {answer!r}"
    return value


def compute(expression: str) -> F | tuple[int, int]:
    value = eval(expression, {"__builtins__": {}, "F": F})
    if isinstance(value, tuple):
        return int(value[0]), int(value[1])
    return F(value)


@split_names
def test_every_problem_has_a_check_and_a_unique_id(split: str) -> None:
    checks, per_family, _ = SPLITS[split]
    ids = [row["id"] for row in load(split)]
    assert sorted(ids) == sorted(checks)
    assert len(ids) == len(set(ids)) == per_family * len(FAMILIES)


@split_names
def test_keys_in_order(split: str) -> None:
    for row in load(split):
        assert list(row) == KEYS, row["id"]
        assert all(isinstance(row[key], str) and row[key] for key in KEYS), row["id"]


@split_names
def test_the_same_count_per_family_and_ids_match_family(split: str) -> None:
    _, per_family, letter = SPLITS[split]
    rows = load(split)
    assert Counter(row["family"] for row in rows) == {family: per_family for family in FAMILIES}
    for row in rows:
        assert re.fullmatch(re.escape(row["family"]) + f"-{letter}0[1-{per_family}]", row["id"]), row["id"]


@split_names
def test_styles_are_valid(split: str) -> None:
    styles = Counter(row["style"] for row in load(split))
    assert set(styles) <= set(STYLES)
    assert all(styles[style] > 0 for style in STYLES)


@split_names
def test_every_answer_recomputed(split: str) -> None:
    checks = SPLITS[split][0]
    wrong = []
    for row in load(split):
        expected = compute(checks[row["id"]])
        written = parse_answer(row["answer"])
        if written != expected:
            wrong.append((row["id"], row["answer"], expected))
    assert not wrong, wrong
