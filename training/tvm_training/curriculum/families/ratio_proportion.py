"""Ratios and proportions: the cost of more items at the same price, scaling a recipe, a ratio in
simplest form, and sharing an amount in a ratio."""
from __future__ import annotations

import math
import random

from ..example import Example, Level
from ..latex import step
from ..names import MORE_ITEMS, people, person
from ..phrasing import H, T, fill, num
from ..registry import Templates

UNITARY = [T("If {n} {goods} cost ${cost}, how much do {m} {goods} cost?"),
           T("{n} {goods} cost {cost} dollars. What is the price of {m} {goods}?"),
           T("{name} pays ${cost} for {n} {goods}. At the same price, how much would {m} {goods} cost?"),
           H("At the same rate, {m} {goods} cost how much if {n} cost ${cost}?")]
RECIPE = [T("A recipe uses {a} cups of flour for every {b} cups of sugar. How many cups of flour go with {c} cups of sugar?"),
          T("Paint is mixed {a} parts blue to {b} parts white. How many parts of blue are needed for {c} parts of white?"),
          T("The ratio of flour to sugar is {a}:{b}. If there are {c} cups of sugar, how many cups of flour are there?"),
          H("For {c} cups of sugar, how much flour is needed if flour and sugar are in the ratio {a} to {b}?")]
SIMPLEST = [T("Write the ratio {p}:{q} in simplest form."), T("Simplify the ratio {p}:{q}."), T("Reduce {p}:{q} to its simplest form."),
            H("Express the ratio {p} to {q} in lowest terms.")]
SHARE = [T("{a} and {b} share ${total} in the ratio {p}:{q}. How much does {asked} get?"),
         T("Divide {total} in the ratio {p}:{q}. What is the {part} part?"),
         T("${total} is split between {a} and {b} in the ratio {p} : {q}. How many dollars does {asked} receive?"),
         H("In the ratio {p}:{q}, {a} and {b} split {total} marbles. How many marbles does {asked} have?")]
GOODS = ["pencils", "notebooks", "apples", "tickets", "pens", "bottles of juice", "muffins"]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    kind = rng.choice(["unitary", "recipe", "simplest", "share"])
    steps: list[str] = []
    if kind == "unitary":
        n, price = rng.randint(2, 9), rng.randint(2, lv.max_small)
        m = rng.choice([k for k in range(2, lv.max_small + 1) if k != n])
        line, unit = step(n * price, "/", n)
        steps.append(line)
        line, ans = step(unit, "*", m)
        steps.append(line)
        q = fill(rng, UNITARY, which, n=num(n, rng), m=m, cost=n * price, goods=rng.choice(GOODS + MORE_ITEMS[:4]), name=person(rng))
        return Example("ratio_proportion", q, steps, str(ans), {"kind": kind})
    if kind == "recipe":
        a, b, k = rng.randint(1, 9), rng.randint(1, 9), rng.randint(2, 9)
        line, times = step(b * k, "/", b)
        steps.append(line)
        line, ans = step(a, "*", times)
        steps.append(line)
        q = fill(rng, RECIPE, which, a=a, b=b, c=b * k)
        return Example("ratio_proportion", q, steps, str(ans), {"kind": kind})
    if kind == "simplest":
        p, q0 = rng.randint(1, 9), rng.randint(1, 9)
        while math.gcd(p, q0) != 1:
            q0 += 1
        g = rng.randint(2, lv.max_small)
        steps = [step(p * g, "/", g)[0], step(q0 * g, "/", g)[0]]
        q = fill(rng, SIMPLEST, which, p=p * g, q=q0 * g)
        return Example("ratio_proportion", q, steps, f"{p}:{q0}", {"kind": kind})
    a, b = people(rng, 2)
    p, q0, unit = rng.randint(1, 9), rng.randint(1, 9), rng.randint(2, lv.max_small)
    total = (p + q0) * unit
    first = rng.random() < 0.5
    line, parts = step(p, "+", q0)
    steps.append(line)
    line, per = step(total, "/", parts)
    steps.append(line)
    line, ans = step(per, "*", p if first else q0)
    steps.append(line)
    q = fill(rng, SHARE, which, a=a, b=b, total=total, p=p, q=q0, asked=a if first else b, part="first" if first else "second")
    return Example("ratio_proportion", q, steps, str(ans), {"kind": kind})
