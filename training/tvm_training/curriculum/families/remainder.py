"""Division with a remainder: quotient and remainder, what is left over, and rounding up to whole
groups."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import step
from ..names import MORE_ITEMS, person
from ..phrasing import H, T, fill
from ..registry import Templates

BOTH = [T("Divide {a} by {b}. Give the quotient and the remainder."), T("What is {a} divided by {b}, with remainder?"),
        T("Find the quotient and remainder when {a} is divided by {b}."), H("Work out {a} divided by {b} and state the remainder.")]
LEFT = [T("{name} shares {a} {items} equally among {b} friends. How many {items} are left over?"),
        T("{a} {items} are packed in bags of {b}. How many {items} are left over?"),
        T("What is the remainder when {a} is divided by {b}?"), H("If {a} {items} go into groups of {b}, how many are left without a group?")]
GROUPS = [T("{a} {items} are packed into boxes of {b}. How many full boxes are there?"),
          T("{name} has {a} {items} and puts {b} in each bag. How many bags can {name} fill?"),
          H("How many complete groups of {b} can be made from {a} {items}?")]
ROUND_UP = [T("{a} students go on a trip. Each bus holds {b} students. How many buses are needed?"),
            T("{a} people need seats at tables of {b}. How many tables are needed?"),
            H("Boxes hold {b} books each. What is the least number of boxes needed for {a} books?")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    b = rng.randint(3, lv.max_small)
    quotient, rest = rng.randint(2, lv.max_small), rng.randint(1, b - 1)
    a = b * quotient + rest
    kind = rng.choice(["both", "left", "groups", "round_up"])
    steps = [step(b, "*", quotient)[0], step(a, "-", b * quotient)[0]]
    slots = {"a": a, "b": b, "name": person(rng), "items": rng.choice(MORE_ITEMS)}
    if kind == "both":
        return Example("remainder", fill(rng, BOTH, which, **slots), steps, f"{quotient} remainder {rest}", {"kind": kind})
    if kind == "left":
        return Example("remainder", fill(rng, LEFT, which, **slots), steps, str(rest), {"kind": kind})
    if kind == "groups":
        return Example("remainder", fill(rng, GROUPS, which, **slots), steps, str(quotient), {"kind": kind})
    line, ans = step(quotient, "+", 1)
    return Example("remainder", fill(rng, ROUND_UP, which, **slots), steps + [line], str(ans), {"kind": kind})
