"""Every answer of the third hand-written natural split (bench/data/natural-c.jsonl, a blind judge) recomputed exactly from
the numbers in its problem, independently of the answer written beside it. The split is never used
for training or for choosing anything; this test only reads it."""
from __future__ import annotations

import json
import re
from collections import Counter
from fractions import Fraction as F
from pathlib import Path

NATURAL_C = Path(__file__).resolve().parents[2] / "bench" / "data" / "natural-c.jsonl"

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
    "rates-c01": "F(84)/4",
    "rates-c02": "F(120)/8",
    "rates-c03": "F(9)/6",
    "rates-c04": "F(270)/18",
    "rates-c05": "F('7.25')/5",
    "rates-c06": "450*(2+F(20,60))",
    "unit-conversion-c01": "F('2.4')*1000",
    "unit-conversion-c02": "F('6.05')*100",
    "unit-conversion-c03": "(3+F(1,4))*60",
    "unit-conversion-c04": "F(750)/1000",
    "unit-conversion-c05": "F('1.8')*1000/300",
    "unit-conversion-c06": "5*12+8",
    "ages-c01": "F(2*20-20)/(4-2)",
    "ages-c02": "F(29+7)/2",
    "ages-c03": "F(36)/3+5",
    "ages-c04": "11+5+8",
    "ages-c05": "42-2*12",
    "ages-c06": "F(80)/(4+1)",
    "sum-difference-c01": "F(73+19)/2",
    "sum-difference-c02": "F(120-34)/2",
    "sum-difference-c03": "F(50-8)/2",
    "sum-difference-c04": "(F('3.6')-F('0.8'))/2",
    "sum-difference-c05": "F(64+10)/2",
    "sum-difference-c06": "F(5-15)/2",
    "averages-c01": "F(7+11+13+4+10)/5",
    "averages-c02": "4*12-(9+15+10)",
    "averages-c03": "(F('3.5')+F('4.5')+F('6.1'))/3",
    "averages-c04": "4*82-(72+80+91)",
    "averages-c05": "F(18+21+19+22+20+17+23)/7",
    "averages-c06": "F(3*150+2*140)/5",
    "ratio-c01": "F(60)*3/(2+3)",
    "ratio-c02": "F(350)/5*2",
    "ratio-c03": "F(28)*4/(3+4)",
    "ratio-c04": "F(18,24)",
    "ratio-c05": "F(15)*1/(1+4)",
    "ratio-c06": "F(12)/(7-3)*7",
    "percent-c01": "F(15,100)*240",
    "percent-c02": "80-F(30,100)*80",
    "percent-c03": "F(17,50)*100",
    "percent-c04": "F(2800-2500,2500)*100",
    "percent-c05": "F(240)/(1-F(20,100))",
    "percent-c06": "65*(1+F(40,100))",
    "simple-interest-c01": "600*F(5,100)*4",
    "simple-interest-c02": "2500*F(2,100)*3",
    "simple-interest-c03": "400*F(3,100)*6",
    "simple-interest-c04": "1500+1500*F(4,100)*5",
    "simple-interest-c05": "F(96)/(800*3)*100",
    "simple-interest-c06": "900*F(6,100)*F(8,12)",
    "area-perimeter-c01": "15*8",
    "area-perimeter-c02": "(F(52)/4)**2",
    "area-perimeter-c03": "F(9*4)/2",
    "area-perimeter-c04": "2*(20+12)",
    "area-perimeter-c05": "2*(F(84)/7+7)",
    "area-perimeter-c06": "F('6.5')*4",
    "change-c01": "20-F('8.75')",
    "change-c02": "10-(F('3.40')+F('1.15'))",
    "change-c03": "5-3*F('0.85')",
    "change-c04": "50-2*F('12.50')",
    "change-c05": "20-4*F('2.35')",
    "change-c06": "(2*20-F('37.60'))*100",
    "remainder-c01": "200%7",
    "remainder-c02": "(95//4, 95%4)",
    "remainder-c03": "1234%10",
    "remainder-c04": "(75+6-1)//6",
    "remainder-c05": "143%9",
    "remainder-c06": "(100+14-1)//14",
    "function-eval-c01": "5*3-2",
    "function-eval-c02": "(-2)**2+4*(-2)",
    "function-eval-c03": "2*4**2-4",
    "function-eval-c04": "3*F(1,3)+7",
    "function-eval-c05": "F(10+6,4)",
    "function-eval-c06": "2**3-2*2**2+1",
    "derivative-c01": "2*3+5",
    "derivative-c02": "12*2**2",
    "derivative-c03": "2*1-6",
    "derivative-c04": "6*(-1)-2",
    "derivative-c05": "3*2**2-3",
    "derivative-c06": "5-2*4",
    "exponents-c01": "3**5",
    "exponents-c02": "2**6+6**2",
    "exponents-c03": "10**4",
    "exponents-c04": "F(5**7, 5**5)",
    "exponents-c05": "F(2)**-3",
    "exponents-c06": "(-3)**4-3**2",
    "fractions-c01": "F(3,5)+F(1,3)",
    "fractions-c02": "F(7,8)-F(1,6)",
    "fractions-c03": "F(2,3)*F(3,4)",
    "fractions-c04": "F(5,6)/F(10,9)",
    "fractions-c05": "(1+F(1,2))+(2+F(2,5))",
    "fractions-c06": "(2+F(1,4))*(1+F(1,3))",
    "linear-equation-c01": "F(37-9)/4",
    "linear-equation-c02": "F(21)/3+2",
    "linear-equation-c03": "F(20+5)/(7-2)",
    "linear-equation-c04": "(8-3)*5",
    "linear-equation-c05": "F(11-6)/(-2)",
    "linear-equation-c06": "F(-9-3)/(5-2)",
    "system-c01": "F(12*(-1)-4*1, 1*(-1)-1*1)",
    "system-c02": "F(2*7-1*11, 2*1-1*1)",
    "system-c03": "F(10*(-1)-9*2, 1*(-1)-3*2)",
    "system-c04": "F(3*(-3)-1*19, 3*(-2)-1*2)",
    "system-c05": "F(1*1-7*(-3), 5*1-2*(-3))",
    "system-c06": "(2*F('1.80')-1*F('4.30'))/(2*1-1*3)",
    "order-of-operations-c01": "12+6*3-4",
    "order-of-operations-c02": "(9-4)**2*2+1",
    "order-of-operations-c03": "20-3*4+2",
    "order-of-operations-c04": "F(48,2+6)*3",
    "order-of-operations-c05": "5+2*(10-3**2)",
    "order-of-operations-c06": "F(36,4)+3*5-2**3",
    "word-problem-c01": "24*36",
    "word-problem-c02": "250-45+3*20",
    "word-problem-c03": "7*52-19",
    "word-problem-c04": "F(156)/12",
    "word-problem-c05": "3*15+5*9",
    "word-problem-c06": "1200-385+240",
}

NUMBER = re.compile(r"-?\d+(/\d+|\.\d+)?")
QUOTIENT_REMAINDER = re.compile(r"(\d+) remainder (\d+)")


def load() -> list[dict[str, str]]:
    with NATURAL_C.open(encoding="utf-8") as f:
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
    assert len(ids) == len(set(ids)) == 114


def test_keys_in_order() -> None:
    for row in load():
        assert list(row) == KEYS, row["id"]
        assert all(isinstance(row[key], str) and row[key] for key in KEYS), row["id"]


def test_six_per_family_and_ids_match_family() -> None:
    rows = load()
    assert Counter(row["family"] for row in rows) == {family: 6 for family in FAMILIES}
    for row in rows:
        assert re.fullmatch(re.escape(row["family"]) + r"-c0[1-6]", row["id"]), row["id"]


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
