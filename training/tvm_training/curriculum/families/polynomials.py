"""Evaluate a polynomial at a point, expand a product of two binomials, or differentiate."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import evaluation_steps, poly_tex


def generate(rng: random.Random, lv: Level) -> Example:
    kind = rng.choice(["evaluate", "expand", "derivative"])
    top = 2 if lv.name == "train" else 3
    if kind == "expand":
        a, b = rng.randint(-9, 9) or 1, rng.randint(-9, 9) or 2
        p = rng.randint(1, 3 if lv.name == "train" else 5)
        f1 = f"{'' if p == 1 else p}x {'+' if a > 0 else '-'} {abs(a)}"
        f2 = f"x {'+' if b > 0 else '-'} {abs(b)}"
        raw = f"{'' if p == 1 else p}x^2 {'+' if p * b > 0 else '-'} {abs(p * b)}x {'+' if a > 0 else '-'} {abs(a)}x {'+' if a * b > 0 else '-'} {abs(a * b)}"
        final = poly_tex({2: p, 1: p * b + a, 0: a * b})
        steps = [f"$({f1})({f2}) = {raw}$", f"$= {final}$"]
        question = rng.choice([f"Expand $({f1})({f2})$.", f"Multiply out ({f1})({f2}).",
                               f"Expand and simplify $({f1})({f2})$."])
        return Example("polynomials", question, steps, f"${final}$")
    deg = rng.randint(2, top)
    coeffs = {p: rng.randint(-9, 9) for p in range(deg + 1)}
    coeffs[deg] = rng.randint(1, 9)
    poly = poly_tex(coeffs)
    if kind == "derivative":
        steps = []
        for p in sorted(coeffs, reverse=True):
            c = coeffs[p]
            if c == 0 or p == 0:
                continue
            term = poly_tex({p: c})
            steps.append(f"$\\frac{{d}}{{dx}}({term}) = {poly_tex({p - 1: c * p})}$")
        final = poly_tex({p - 1: c * p for p, c in coeffs.items() if p > 0})
        question = rng.choice([f"Find the derivative of ${poly}$.", f"Differentiate ${poly}$.",
                               f"What is $\\frac{{d}}{{dx}}({poly})$?"])
        return Example("polynomials", question, steps, f"${final}$")
    x = rng.randint(-4, 5)
    steps, total = evaluation_steps(coeffs, x)
    question = rng.choice([f"Evaluate ${poly}$ at $x = {x}$.", f"Find the value of ${poly}$ when $x = {x}$.",
                           f"If $x = {x}$, what is ${poly}$?"])
    return Example("polynomials", question, steps, str(total))
