"""Fraction and mixed-number arithmetic in all four operations: mixed numbers made improper, a
common denominator, the operation, lowest terms, and a mixed number again when asked for."""
from __future__ import annotations

import math as intmath
import random
from fractions import Fraction

from ..example import Example, Level
from ..latex import common_denominator, frac_tex, raw_frac
from ..phrasing import H, T, fill, math
from ..registry import Templates

EXPRESSION = [T("Compute {m}."), T("What is {m}?"), T("Calculate {m}."), T("Evaluate {m}."), T("Find {m}."), T("Simplify {m}."),
              T("{m} = ?"), H("Work out {m}."), H("Find the value of {m}.")]
BY_OPERATION = {
    "+": [T("Add {a} and {b}."), T("What is the sum of {a} and {b}?"), H("Find the total of {a} and {b}.")],
    "-": [T("Subtract {b} from {a}."), T("What is {a} minus {b}?"), H("How much greater is {a} than {b}?")],
    "*": [T("Multiply {a} by {b}."), T("What is the product of {a} and {b}?"), H("Find {a} of {b}.")],
    "/": [T("Divide {a} by {b}."), T("What is {a} divided by {b}?"), H("How many times does {b} go into {a}?")],
}
AS_MIXED = [T("{q} Give your answer as a mixed number."), T("{q} Write the answer as a mixed number."), H("{q} Answer with a mixed number.")]
TEX_OP = {"+": "+", "-": "-", "*": "\\times", "/": "\\div"}


def written(whole: int, n: int, d: int) -> str:
    return f"{whole}{raw_frac(n, d)}" if whole else raw_frac(n, d)


def mixed_tex(q: Fraction) -> str:
    whole, rest = divmod(q.numerator, q.denominator)
    return f"{whole}{raw_frac(rest, q.denominator)}"


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    maxd = min(lv.max_small, 12)
    op = rng.choice("+-*/")
    operands: list[tuple[int, int, int]] = []   # (whole, numerator, denominator)
    for _ in range(2):
        d = rng.randint(2, maxd)
        whole = rng.randint(1, 5) if rng.random() < 0.45 else 0
        operands.append((whole, rng.randint(1, d - 1), d))
    values = [Fraction(w * d + n, d) for w, n, d in operands]
    if op == "-" and values[0] < values[1]:
        operands.reverse()
        values.reverse()
    any_mixed = any(w for w, _, _ in operands)
    steps: list[str] = []
    improper: list[tuple[int, int]] = []
    for w, n, d in operands:
        if w:
            steps.append(f"${w}{raw_frac(n, d)} = {raw_frac(w * d + n, d)}$")
        improper.append((w * d + n, d))
    (a, b), (c, d) = improper
    if op == "/":
        steps.append(f"${raw_frac(a, b)} \\div {raw_frac(c, d)} = {raw_frac(a, b)} \\times {raw_frac(d, c)}$")
        c, d = d, c
    if op in "*/":
        n, den = a * c, b * d
        steps.append(f"${raw_frac(a, b)} \\times {raw_frac(c, d)} = {raw_frac(n, den)}$")
    else:
        if b != d:
            more, a, c, den = common_denominator(a, b, c, d)
            steps += more
            b = d = den
        n, den = (a + c if op == "+" else a - c), b
        result = frac_tex(Fraction(n, den)) if n <= 0 else raw_frac(n, den)
        steps.append(f"${raw_frac(a, b)} {TEX_OP[op]} {raw_frac(c, d)} = {result}$")
    value = Fraction(n, den)
    if n > 0 and intmath.gcd(n, den) > 1:
        steps.append(f"${raw_frac(n, den)} = {frac_tex(value)}$")
    as_mixed = value.denominator > 1 and value > 1 and (any_mixed or rng.random() < 0.3)
    if as_mixed:
        steps.append(f"${frac_tex(value)} = {mixed_tex(value)}$")
    answer = f"${mixed_tex(value)}$" if as_mixed else (str(value.numerator) if value.denominator == 1 else f"${frac_tex(value)}$")
    texts = [written(*o) for o in operands]
    if rng.random() < 0.3:
        q = fill(rng, BY_OPERATION[op], which, a=math(texts[0], rng, display=False), b=math(texts[1], rng, display=False))
    else:
        q = fill(rng, EXPRESSION, which, m=math(f"{texts[0]} {TEX_OP[op]} {texts[1]}", rng))
    if as_mixed and rng.random() < 0.7:
        q = fill(rng, AS_MIXED, which, q=q if q[-1] in ".?" else q + ".")
    return Example("fraction_ops", q, steps, answer, {"operation": op, "mixed": str(any_mixed)})
