"""Two linear equations in x and y, solved by elimination; one of the two asked."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import fmt_int


def generate(rng: random.Random, lv: Level) -> Example:
    x, y = rng.randint(-lv.max_small // 2, lv.max_small), rng.randint(-lv.max_small // 2, lv.max_small)
    b = rng.randint(1, min(lv.max_small, 9))
    a1, a2 = rng.randint(1, min(lv.max_small, 9)), rng.randint(1, min(lv.max_small, 9))
    add = rng.random() < 0.5 or a1 == a2
    b2 = -b if add else b
    c1, c2 = a1 * x + b * y, a2 * x + b2 * y

    def eq(a: int, bb: int, c: int) -> str:
        xa = "x" if a == 1 else f"{a}x"
        yb = ("y" if abs(bb) == 1 else f"{abs(bb)}y")
        return f"{xa} {'+' if bb > 0 else '-'} {yb} = {c}"

    ask = rng.choice("xy")
    steps: list[str] = []
    coef = a1 + a2 if add else a1 - a2
    rhs = c1 + c2 if add else c1 - c2
    steps.append(f"${coef}x = {rhs}$" if add else f"${coef}x = {c1} - {fmt_int(c2)}$")
    if not add:
        steps.append(f"${coef}x = {rhs}$")
    if coef != 1:
        steps.append(f"$x = {rhs} \\div {fmt_int(coef)}$")
    steps.append(f"$x = {x}$")
    if ask == "y":
        ax = a1 * x
        steps.append(f"${a1} \\times {fmt_int(x)} = {ax}$")
        by = "y" if b == 1 else f"{b}y"
        steps.append(f"${by} = {c1} - {fmt_int(ax)}$")
        steps.append(f"${by} = {c1 - ax}$")
        if b != 1:
            steps.append(f"$y = {c1 - ax} \\div {b}$")
        steps.append(f"$y = {y}$")
    question = rng.choice([
        f"Solve the system ${eq(a1, b, c1)}$ and ${eq(a2, b2, c2)}$. What is ${ask}$?",
        f"If ${eq(a1, b, c1)}$ and ${eq(a2, b2, c2)}$, find ${ask}$.",
        f"{eq(a1, b, c1)} and {eq(a2, b2, c2)}. Find {ask}.",
    ])
    return Example("linear_system", question, steps, str(x if ask == "x" else y))
