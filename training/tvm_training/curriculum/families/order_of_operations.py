"""Sums and differences of products and exact quotients, maybe with one parenthesised sum."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import op_tex, step


def generate(rng: random.Random, lv: Level) -> Example:
    """A sum/difference of terms, each a number, a product or an exact quotient; maybe one
    parenthesised sum that is multiplied."""
    n_terms = rng.randint(max(2, lv.min_events - 1), max(3, lv.max_events - 1))
    terms: list[list[object]] = []
    for _ in range(n_terms):
        kind = rng.random()
        if kind < 0.4:
            terms.append([rng.randint(1, lv.max_big // 2)])
        elif kind < 0.75:
            terms.append([rng.randint(2, lv.max_small), "*", rng.randint(2, lv.max_small)])
        else:
            d = rng.randint(2, lv.max_small)
            terms.append([d * rng.randint(2, lv.max_small), "/", d])
    signs = [rng.choice("+-") for _ in range(n_terms - 1)]
    paren = rng.random() < 0.3
    steps: list[str] = []
    if paren:
        a, b = rng.randint(1, lv.max_small), rng.randint(1, lv.max_small)
        k = rng.randint(2, lv.max_small)
        inner_op = rng.choice("+-")
        first = f"({a} {inner_op} {b}) \\times {k}"
        line, s = step(a, inner_op, b)
        steps.append(line)
        line, v = step(s, "*", k)
        steps.append(line)
        values = [v]
        texts = [first]
        rest = terms[1:]
    else:
        values, texts, rest = [], [], terms
    for t in rest:
        if len(t) == 1:
            values.append(int(t[0]))  # type: ignore[arg-type]
            texts.append(str(t[0]))
        else:
            a, op, b = int(t[0]), str(t[1]), int(t[2])  # type: ignore[arg-type]
            line, v = step(a, op, b)
            steps.append(line)
            values.append(v)
            texts.append(f"{a} {op_tex(op)} {b}")
    total = values[0]
    for sign, v in zip(signs, values[1:]):
        line, total = step(total, sign, v)
        steps.append(line)
    expr = texts[0] + "".join(f" {s} {t}" for s, t in zip(signs, texts[1:]))
    question = rng.choice([f"Evaluate ${expr}$.", f"Compute ${expr}$.", f"What is ${expr}$?",
                           f"Simplify ${expr}$."])
    return Example("order_of_operations", question, steps, str(total))
