"""The value of a function given by a formula (linear or quadratic) at a point."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import evaluation_steps, poly_tex
from ..phrasing import H, T, fill
from ..registry import Templates

TEMPLATES = [T("If $f(x) = {poly}$, find $f({x})$."), T("Given $f(x) = {poly}$, what is $f({x})$?"), T("Evaluate $g({x})$ for $g(x) = {poly}$."),
             T("Let $h(x) = {poly}$. Compute $h({x})$."), T("f(x) = {poly}. Find f({x})."), T("Find the value of $f(x) = {poly}$ when $x = {x}$."),
             H("For the function $f(x) = {poly}$, work out $f({x})$."), H("What is $p({x})$ if $p(x) = {poly}$?")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    deg = rng.choice([1, 1, 2]) if lv.name == "train" else rng.choice([1, 2, 2])
    coeffs = {p: rng.randint(-9, 9) for p in range(deg + 1)}
    coeffs[deg] = rng.choice([c for c in range(-6, 10) if c != 0])
    # A constant term, so that every evaluation has at least one step.
    coeffs[0] = rng.choice([c for c in range(-9, 10) if c != 0])
    x = rng.randint(-5, 6)
    steps, total = evaluation_steps(coeffs, x)
    poly = poly_tex(coeffs)
    q = fill(rng, TEMPLATES, which, poly=poly, x=x)
    return Example("function_value", q, steps, str(total), {"degree": str(deg)})
