"""Fraction arithmetic, simplifying, and a mixed number added or multiplied."""
from __future__ import annotations

import math
import random
from fractions import Fraction

from ..example import Example, Level
from ..latex import answer_of, common_denominator, frac_tex, op_tex, raw_frac


def _simplify_steps(n: int, d: int) -> tuple[list[str], Fraction]:
    q = Fraction(n, d)
    g = math.gcd(n, d)
    if g == 1 or d == 0:
        return [], q
    return [f"${raw_frac(n, d)} = {frac_tex(q)}$"], q


def generate(rng: random.Random, lv: Level) -> Example:
    kind = rng.choice(["add", "sub", "mul", "div", "simplify", "mixed"])
    maxd = min(lv.max_small, 12) if lv.name == "train" else lv.max_small

    def rand_frac() -> tuple[int, int]:
        d = rng.randint(2, maxd)
        return rng.randint(1, d - 1), d

    (a, b), (c, d) = rand_frac(), rand_frac()
    steps: list[str] = []
    if kind == "simplify":
        g = rng.randint(2, lv.max_small)
        n, den = rand_frac()
        n, den = n * g, den * g
        line = f"${raw_frac(n, den)} = {frac_tex(Fraction(n, den))}$"
        question = rng.choice([f"Simplify ${raw_frac(n, den)}$.", f"Reduce {n}/{den} to lowest terms.",
                               f"Write ${raw_frac(n, den)}$ in simplest form."])
        return Example("fractions", question, [line], answer_of(Fraction(n, den)))
    if kind == "mixed":
        w = rng.randint(1, lv.max_small // 2 + 1)
        steps.append(f"${w}{raw_frac(a, b)} = {raw_frac(w * b + a, b)}$")
        left = (w * b + a, b)
        op = rng.choice("+*")
        qtxt = f"${w}{raw_frac(a, b)} {op_tex(op)} {raw_frac(c, d)}$"
        kind = "add" if op == "+" else "mul"
        a, b = left
    else:
        op = {"add": "+", "sub": "-", "mul": "*", "div": "/"}[kind]
        qtxt = f"${raw_frac(a, b)} {op_tex(op)} {raw_frac(c, d)}$"
        if rng.random() < 0.3:
            qtxt = f"{a}/{b} {op if op in '+-' else ('times' if op == '*' else 'divided by')} {c}/{d}"
    if kind == "div":
        steps.append(f"${raw_frac(a, b)} \\div {raw_frac(c, d)} = {raw_frac(a, b)} \\times {raw_frac(d, c)}$")
        c, d = d, c
        kind = "mul"
    if kind == "mul":
        n, den = a * c, b * d
        steps.append(f"${raw_frac(a, b)} \\times {raw_frac(c, d)} = {raw_frac(n, den)}$")
    else:
        sign = "+" if kind == "add" else "-"
        if b == d:
            n, den = (a + c if sign == "+" else a - c), b
        else:
            more, a, c, den = common_denominator(a, b, c, d)
            steps += more
            b = d = den
            n = a + c if sign == "+" else a - c
        steps.append(f"${raw_frac(a, b)} {sign} {raw_frac(c, d)} = {frac_tex(Fraction(n, den)) if n <= 0 else raw_frac(n, den)}$")
    more, q = _simplify_steps(n, den) if n > 0 else ([], Fraction(n, den))
    steps += more
    question = rng.choice([f"Compute {qtxt}.", f"What is {qtxt}?", f"Calculate {qtxt}.",
                           f"Find {qtxt} in simplest form."])
    return Example("fractions", question, steps, answer_of(q))
