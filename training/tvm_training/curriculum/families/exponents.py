"""Exponent rules: a product or quotient of powers of one base, a power of a power, and the value
of a power; with a number base (then evaluated) or a letter."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..phrasing import H, T, fill, math
from ..registry import Templates

SIMPLIFY = [T("Simplify {m}."), T("Write {m} as a single power."), T("Simplify {m} using the rules of exponents."), T("What is {m} in simplest form?"),
            H("Use exponent rules to simplify {m}."), H("Express {m} as one power.")]
SIMPLIFY_NUMBER = [T("Simplify {m}."), T("Simplify {m}, then evaluate it."), T("Evaluate {m}."), T("What is {m}?"),
                   H("Use exponent rules to simplify and evaluate {m}.")]
EVALUATE = [T("Evaluate {m}."), T("What is {m}?"), T("Compute {m}."), T("Calculate the value of {m}."), T("Work out {m}."),
            H("Find the value of {m}."), H("Give the value of {m}.")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    kind = rng.choice(["product", "quotient", "power", "value"])
    numeric = kind == "value" or rng.random() < 0.5
    base = str(rng.choice([2, 3, 5, 10])) if numeric else rng.choice("xyabmn")
    a, b = rng.randint(1, 4 if numeric else 9), rng.randint(1, 4 if numeric else 9)
    if numeric and base == "2":
        a, b = rng.randint(1, 5), rng.randint(1, 5)
    steps: list[str] = []
    if kind == "product":
        expr = f"{base}^{a} \\times {base}^{b}" if numeric else f"{base}^{{{a}}} \\cdot {base}^{{{b}}}"
        steps.append(f"${expr} = {base}^{{{a} + {b}}}$")
        exponent = a + b
        steps.append(f"${base}^{{{a} + {b}}} = {base}^{{{exponent}}}$")
    elif kind == "quotient":
        a, b = max(a, b) + 1, min(a, b)
        expr = f"{base}^{{{a}}} \\div {base}^{{{b}}}"
        steps.append(f"${expr} = {base}^{{{a} - {b}}}$")
        exponent = a - b
        steps.append(f"${base}^{{{a} - {b}}} = {base}^{{{exponent}}}$")
    elif kind == "power":
        if numeric:
            a, b = rng.randint(1, 3), rng.randint(1, 2)
        expr = f"({base}^{{{a}}})^{{{b}}}"
        steps.append(f"${expr} = {base}^{{{a} \\times {b}}}$")
        exponent = a * b
        steps.append(f"${base}^{{{a} \\times {b}}} = {base}^{{{exponent}}}$")
    else:
        exponent = rng.randint(2, 4 if base != "2" else 7)
        expr = f"{base}^{{{exponent}}}"
    if not numeric:
        power = f"{base}^{{{exponent}}}" if exponent != 1 else base
        q = fill(rng, SIMPLIFY, which, m=math(expr, rng))
        return Example("exponents", q, steps, f"${power}$", {"kind": kind})
    value = int(base) ** exponent
    repeated = " \\times ".join([base] * exponent)
    if 2 <= exponent <= 4:
        steps.append(f"${base}^{{{exponent}}} = {repeated}$")
        steps.append(f"${repeated} = {value}$")
    elif exponent > 4:
        steps.append(f"${base}^{{{exponent}}} = {value}$")
    q = fill(rng, EVALUATE if kind == "value" else SIMPLIFY_NUMBER, which, m=math(expr, rng))
    return Example("exponents", q, steps, str(value), {"kind": kind})
