"""Every answer of the hand-written validation split (bench/data/natural-val.jsonl) recomputed exactly from
the numbers in its problem, independently of the answer written beside it. The split is only used to
choose search settings, never for training nor reported as a judge; this test only reads it."""
from __future__ import annotations

import json
import re
from collections import Counter
from fractions import Fraction as F
from pathlib import Path

NATURAL_VAL = Path(__file__).resolve().parents[2] / "bench" / "data" / "natural-val.jsonl"

FAMILIES = (
    "rates", "unit-conversion", "ages", "sum-difference", "averages", "ratio", "percent", "simple-interest",
    "area-perimeter", "change", "remainder", "function-eval", "derivative", "exponents", "fractions",
    "linear-equation", "system", "order-of-operations", "word-problem",
)
STYLES = ("textbook", "worksheet", "student")
KEYS = ["id", "family", "style", "question", "answer"]

# id → the computation, with F = Fraction; % and // are the remainder and quotient of a division.
# A tuple (q, r) is the check of an answer written "q remainder r". Systems use Cramer's rule:
# for a1 x + b1 y = c1, a2 x + b2 y = c2: x = F(c1*b2 - c2*b1, a1*b2 - a2*b1), y = F(a1*c2 - a2*c1, a1*b2 - a2*b1).
CHECKS: dict[str, str] = {
    "rates-v01": "F(6)*350/100",
    "rates-v02": "F('3.6')/F(45,60)",
    "rates-v03": "F('1.20')/4*10",
    "unit-conversion-v01": "4*60+15",
    "unit-conversion-v02": "F('2.35')*1000",
    "unit-conversion-v03": "5*F('1.6')",
    "ages-v01": "F(24)/(3-1)*3",
    "ages-v02": "20-6-4",
    "ages-v03": "F(31-5)/2",
    "sum-difference-v01": "F(88+24)/2",
    "sum-difference-v02": "F(13-9)/2",
    "sum-difference-v03": "(F('10.5')-F('2.5'))/2",
    "averages-v01": "F(14+9+22+17+8)/5",
    "averages-v02": "F(6*155+162)/7",
    "averages-v03": "F(2+5+5+8+11)/5",
    "ratio-v01": "F(72)*3/(5+3)",
    "ratio-v02": "F(8)*50000/100/1000",
    "ratio-v03": "F(10)/2*5",
    "percent-v01": "F(35,100)*260",
    "percent-v02": "450-F(12,100)*450",
    "percent-v03": "F(18,40)*100",
    "simple-interest-v01": "2000*F('3.5')/100*2",
    "simple-interest-v02": "300+300*F(8,100)*F(18,12)",
    "simple-interest-v03": "5000*F(4,100)*3",
    "area-perimeter-v01": "2*(11+5)",
    "area-perimeter-v02": "F(14*9)/2",
    "area-perimeter-v03": "F('4.5')*3",
    "change-v01": "10-(F('4.60')+F('1.25'))",
    "change-v02": "5-F('3.27')",
    "change-v03": "10-2*F('1.75')",
    "remainder-v01": "365%7",
    "remainder-v02": "(250//12, 250%12)",
    "remainder-v03": "100//7",
    "function-eval-v01": "4*(-3)+1",
    "function-eval-v02": "5**2-3*5+2",
    "function-eval-v03": "F(2*5-1,3)",
    "derivative-v01": "3*2**2+1",
    "derivative-v02": "4*5-8",
    "derivative-v03": "2*(-3)",
    "exponents-v01": "4**3",
    "exponents-v02": "2**3*2**4",
    "exponents-v03": "F(10)**-2",
    "fractions-v01": "F(2,7)+F(1,2)",
    "fractions-v02": "F(3,4)/F(9,10)",
    "fractions-v03": "F(5,8)-F(1,4)",
    "linear-equation-v01": "F(15+7)/2",
    "linear-equation-v02": "F(13-5)/(5-3)",
    "linear-equation-v03": "(3+2)*4",
    "system-v01": "F(9*(-1)-6*1, 1*(-1)-2*1)",
    "system-v02": "F(14*(-1)-2*1, 3*(-1)-1*1)",
    "system-v03": "F(1*6-1*20, 1*(-1)-1*1)",
    "order-of-operations-v01": "7+3*(8-2)",
    "order-of-operations-v02": "100-4**2*5",
    "order-of-operations-v03": "F(18+6,4)-2*3",
    "word-problem-v01": "18*25",
    "word-problem-v02": "F(420)/35",
    "word-problem-v03": "F(240)/40",
}

NUMBER = re.compile(r"-?\d+(/\d+|\.\d+)?")
QUOTIENT_REMAINDER = re.compile(r"(\d+) remainder (\d+)")


def load() -> list[dict[str, str]]:
    with NATURAL_VAL.open(encoding="utf-8") as f:
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


def test_every_problem_has_a_check() -> None:
    ids = [row["id"] for row in load()]
    assert sorted(ids) == sorted(CHECKS)


def test_ids_are_unique() -> None:
    ids = [row["id"] for row in load()]
    assert len(ids) == len(set(ids)) == 57


def test_keys_in_order() -> None:
    for row in load():
        assert list(row) == KEYS, row["id"]
        assert all(isinstance(row[key], str) and row[key] for key in KEYS), row["id"]


def test_three_per_family_and_ids_match_family() -> None:
    rows = load()
    assert Counter(row["family"] for row in rows) == {family: 3 for family in FAMILIES}
    for row in rows:
        assert re.fullmatch(re.escape(row["family"]) + r"-v0[1-3]", row["id"]), row["id"]


def test_styles_are_valid() -> None:
    styles = Counter(row["style"] for row in load())
    assert set(styles) <= set(STYLES)
    assert all(styles[style] > 0 for style in STYLES)


def test_every_answer_recomputed() -> None:
    wrong = []
    for row in load():
        expected = compute(CHECKS[row["id"]])
        written = parse_answer(row["answer"])
        if written != expected:
            wrong.append((row["id"], row["answer"], expected))
    assert not wrong, wrong
