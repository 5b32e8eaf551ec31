"""Every answer of the second hand-written natural split (bench/data/natural-b.jsonl) recomputed exactly from
the numbers in its problem, independently of the answer written beside it. The split is never used
for training; this test only reads it."""
from __future__ import annotations

import json
import re
from collections import Counter
from fractions import Fraction as F
from pathlib import Path

NATURAL_B = Path(__file__).resolve().parents[2] / "bench" / "data" / "natural-b.jsonl"

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
    "rates-b01": "F(240)/3",
    "rates-b02": "45*12",
    "rates-b03": "F(150)/60",
    "rates-b04": "F(180)/15",
    "rates-b05": "F('4.50')/6",
    "rates-b06": "18*F('2.5')+4",
    "unit-conversion-b01": "F('3.5')*1000",
    "unit-conversion-b02": "F('3.75')*100",
    "unit-conversion-b03": "F('4.5')*60",
    "unit-conversion-b04": "F('1.5')*1000/250",
    "unit-conversion-b05": "F(45)/100",
    "unit-conversion-b06": "F(350)*4/1000",
    "ages-b01": "F(26+4)/2",
    "ages-b02": "F(2*12-12)/(3-2)",
    "ages-b03": "F(4*13-40)/(4-1)",
    "ages-b04": "19-5-3",
    "ages-b05": "8*7+10",
    "ages-b06": "F(30-6)/2",
    "sum-difference-b01": "F(50+14)/2",
    "sum-difference-b02": "F(91-17)/2",
    "sum-difference-b03": "F(100+36)/2",
    "sum-difference-b04": "(F('7.2')-F('1.4'))/2",
    "sum-difference-b05": "F(45-9)/2",
    "sum-difference-b06": "F(64-12)/2",
    "averages-b01": "F(12+15+9+20+14)/5",
    "averages-b02": "4*18-(15+22+11)",
    "averages-b03": "F(78+85+90+67)/4",
    "averages-b04": "5*50-(45+62+38+71)",
    "averages-b05": "(F('2.5')+F('3.1')+F('4.0')+F('1.6'))/4",
    "averages-b06": "F(5*24+36)/6",
    "ratio-b01": "F(84)*4/(3+4)",
    "ratio-b02": "F(35)/7*5",
    "ratio-b03": "F(40)*3/(2+3)",
    "ratio-b04": "F(6)/2*5",
    "ratio-b05": "F(150)*3/(1+2+3)",
    "ratio-b06": "F(45)/(9-4)*4",
    "percent-b01": "F(40,100)*65",
    "percent-b02": "F(35,100)*80",
    "percent-b03": "F(12,100)*150",
    "percent-b04": "60-F(25,100)*60",
    "percent-b05": "F(18,24)*100",
    "percent-b06": "F(4600-4000,4000)*100",
    "simple-interest-b01": "500*F(4,100)*3",
    "simple-interest-b02": "1200*F('2.5')/100*4",
    "simple-interest-b03": "800*F(5,100)*2",
    "simple-interest-b04": "2000+2000*F(3,100)*5",
    "simple-interest-b05": "750*F(6,100)*F(18,12)",
    "simple-interest-b06": "F(96)/(F(3,100)*4)",
    "area-perimeter-b01": "12*7",
    "area-perimeter-b02": "2*(F('9.5')+4)",
    "area-perimeter-b03": "(F(36)/4)**2",
    "area-perimeter-b04": "F(10*6)/2",
    "area-perimeter-b05": "2*(F(72)/6+6)",
    "area-perimeter-b06": "(8+2*1)**2-8**2",
    "change-b01": "10-(F('3.75')+F('1.40'))",
    "change-b02": "20-F('6.35')",
    "change-b03": "5-3*F('1.25')",
    "change-b04": "2*100-85",
    "change-b05": "20-4*F('2.15')",
    "change-b06": "50-F('12.49')-20-10",
    "remainder-b01": "257%9",
    "remainder-b02": "(100//7, 100%7)",
    "remainder-b03": "(83//6, 83%6)",
    "remainder-b04": "(58+12-1)//12",
    "remainder-b05": "(345//8, 345%8)",
    "remainder-b06": "47%5",
    "function-eval-b01": "3*4+5",
    "function-eval-b02": "(-3)**2-2*(-3)+1",
    "function-eval-b03": "2*5**2-3",
    "function-eval-b04": "20-4*F('2.5')",
    "function-eval-b05": "F(8+1,2)",
    "function-eval-b06": "3**3-4*3",
    "derivative-b01": "2*2+3",
    "derivative-b02": "12*1**2-2",
    "derivative-b03": "3*2**2",
    "derivative-b04": "10*3-7",
    "derivative-b05": "4*(-1)**3-6*(-1)",
    "derivative-b06": "6*(-2)**2+2*(-2)",
    "exponents-b01": "2**5",
    "exponents-b02": "3**4-4**3",
    "exponents-b03": "5**3",
    "exponents-b04": "F(2**7*2**3, 2**6)",
    "exponents-b05": "(-2)**3+10**2",
    "exponents-b06": "F(4)**-2",
    "fractions-b01": "F(2,3)+F(1,4)",
    "fractions-b02": "F(5,6)-F(3,8)",
    "fractions-b03": "F(3,4)*F(2,9)",
    "fractions-b04": "F(4,5)/F(2,15)",
    "fractions-b05": "(2+F(1,3))+(1+F(3,4))",
    "fractions-b06": "(3+F(1,2))/(1+F(3,4))",
    "linear-equation-b01": "F(22-7)/3",
    "linear-equation-b02": "F(14+4)/(5-2)",
    "linear-equation-b03": "F(3-9)/2",
    "linear-equation-b04": "F(8+4*3)/(4-2)",
    "linear-equation-b05": "(7-2)*3",
    "linear-equation-b06": "F(4+5)/6",
    "system-b01": "F(10*(-1)-4*1, 1*(-1)-1*1)",
    "system-b02": "F(2*1-1*11, 2*(-1)-1*1)",
    "system-b03": "F(16*2-8*2, 3*2-1*2)",
    "system-b04": "F(4*13-2*1, 4*1-2*(-3))",
    "system-b05": "F(2*13-1*34, 2*1-1*3)",
    "system-b06": "F(5*13-3*3, 5*(-2)-3*2)",
    "order-of-operations-b01": "8+4*3-F(6,2)",
    "order-of-operations-b02": "F(15-3,4)+2**3",
    "order-of-operations-b03": "6+3*4-2",
    "order-of-operations-b04": "50-2*(3+4)**2",
    "order-of-operations-b05": "F(18+6, 3*2)-1",
    "order-of-operations-b06": "7*8-F(36,4)+5",
    "word-problem-b01": "F(144)/6*4",
    "word-problem-b02": "18*24-379",
    "word-problem-b03": "3*12-5",
    "word-problem-b04": "420-35*9",
    "word-problem-b05": "F(7*48)/12",
    "word-problem-b06": "F('8.50')*(6+4)",
}

NUMBER = re.compile(r"-?\d+(/\d+|\.\d+)?")
QUOTIENT_REMAINDER = re.compile(r"(\d+) remainder (\d+)")


def load() -> list[dict[str, str]]:
    with NATURAL_B.open(encoding="utf-8") as f:
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
        assert re.fullmatch(re.escape(row["family"]) + r"-b0[1-6]", row["id"]), row["id"]


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
