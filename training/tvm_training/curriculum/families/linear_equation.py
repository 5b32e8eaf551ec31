"""One linear equation in one variable."""
from __future__ import annotations

import random

from ..example import Example, Level


def generate(rng: random.Random, lv: Level) -> Example:
    var = rng.choice("xxxyn")
    x = rng.randint(-lv.max_small, lv.max_small * 2)
    a = rng.randint(2, lv.max_small)
    kind = rng.choice(["ax+b", "ax-b", "a(x+b)", "ax+b=cx+d"])
    steps: list[str] = []
    if kind in ("ax+b", "ax-b"):
        b = rng.randint(1, lv.max_big // 2)
        if kind == "ax+b":
            c = a * x + b
            eq = f"{a}{var} + {b} = {c}"
            steps.append(f"${a}{var} = {c} - {b}$")
        else:
            c = a * x - b
            eq = f"{a}{var} - {b} = {c}"
            steps.append(f"${a}{var} = {c} + {b}$")
        steps.append(f"${a}{var} = {a * x}$")
        steps.append(f"${var} = {a * x} \\div {a}$")
    elif kind == "a(x+b)":
        b = rng.randint(1, lv.max_small)
        c = a * (x + b)
        eq = f"{a}({var} + {b}) = {c}"
        steps.append(f"${var} + {b} = {c} \\div {a}$")
        steps.append(f"${var} + {b} = {x + b}$")
        steps.append(f"${var} = {x + b} - {b}$")
    else:
        c = rng.randint(1, a - 1) if a > 2 else 1
        b = rng.randint(1, lv.max_big // 2)
        d = (a - c) * x + b
        cterm = f"{c}{var}" if c != 1 else var
        eq = f"{a}{var} + {b} = {cterm} + {d}"
        steps.append(f"${a}{var} - {cterm} = {d} - {b}$")
        steps.append(f"${a - c}{var} = {d - b}$")
        steps.append(f"${var} = {d - b} \\div {a - c}$")
    steps.append(f"${var} = {x}$")
    question = rng.choice([f"Solve ${eq}$.", f"Solve for ${var}$: ${eq}$.", f"Find ${var}$ if ${eq}$.",
                           f"Solve {eq} for {var}."])
    return Example("linear_equation", question, steps, str(x))
