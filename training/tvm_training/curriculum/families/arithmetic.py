"""One operation on two numbers: the drills."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import op_tex, step


def generate(rng: random.Random, lv: Level) -> Example:
    op = rng.choice("+-*/")
    if op in "+-":
        a, b = rng.randint(2, lv.max_big * 2), rng.randint(2, lv.max_big)
    elif op == "*":
        a, b = rng.randint(2, lv.max_small * 2), rng.randint(2, lv.max_small)
    else:
        b, q = rng.randint(2, lv.max_small), rng.randint(2, lv.max_small * 2)
        a = b * q
    line, c = step(a, op, b)
    expr = f"{a} {op_tex(op)} {b}"
    plain = f"{a} {'x' if op == '*' else op} {b}"
    question = rng.choice([
        f"Compute ${expr}$.", f"What is ${expr}$?", f"Calculate {plain}.", f"${expr} = ?$",
        f"Find ${expr}$.", f"What is {plain}?",
    ])
    return Example("arithmetic", question, [line], str(c))
