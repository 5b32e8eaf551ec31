"""The derivative of a polynomial at a point: differentiate term by term, then evaluate."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import derivative_lines, evaluation_steps, poly_tex
from ..phrasing import H, T, fill
from ..registry import Templates

TEMPLATES = [T("Find the derivative of $f(x) = {poly}$ at $x = {x}$."), T("If $f(x) = {poly}$, what is $f'({x})$?"),
             T("Differentiate ${poly}$ and evaluate the derivative at $x = {x}$."), T("Compute $f'({x})$ for $f(x) = {poly}$."),
             T("What is the slope of the tangent to $y = {poly}$ at $x = {x}$? Use the derivative."),
             H("Evaluate the derivative of ${poly}$ when $x = {x}$."), H("Let $g(x) = {poly}$. Find $g'({x})$.")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    deg = rng.randint(2, 3 if lv.name == "train" else 4)
    coeffs = {p: rng.randint(-9, 9) for p in range(deg + 1)}
    coeffs[deg] = rng.randint(1, 6)
    x = rng.randint(-3, 4)
    steps, derivative = derivative_lines(coeffs)
    more, total = evaluation_steps(derivative, x)
    steps += more
    q = fill(rng, TEMPLATES, which, poly=poly_tex(coeffs), x=x)
    return Example("derivative_at", q, steps, str(total), {"degree": str(deg)})
