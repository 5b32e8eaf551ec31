"""Converting between units: a whole number of the larger unit, a mixed amount (2 h 15 min), or a
whole number of the smaller unit that divides exactly."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import step
from ..phrasing import H, T, fill
from ..registry import Templates

# (larger, smaller, how many smaller in one larger)
UNITS = [("kilometres", "metres", 1000), ("metres", "centimetres", 100), ("centimetres", "millimetres", 10),
         ("kilograms", "grams", 1000), ("litres", "millilitres", 1000), ("hours", "minutes", 60), ("minutes", "seconds", 60),
         ("days", "hours", 24), ("weeks", "days", 7), ("feet", "inches", 12), ("yards", "feet", 3), ("dollars", "cents", 100),
         ("years", "months", 12)]
DOWN = [T("Convert {n} {big} to {small}."), T("How many {small} are in {n} {big}?"), T("{n} {big} is how many {small}?"),
        T("Write {n} {big} in {small}."), T("Change {n} {big} into {small}."),
        H("Express {n} {big} in {small}."), H("What is {n} {big} in {small}?")]
UP = [T("Convert {n} {small} to {big}."), T("How many {big} are in {n} {small}?"), T("Write {n} {small} in {big}."),
      H("Express {n} {small} as a number of {big}."), H("{n} {small} equals how many {big}?")]
MIXED = [T("How many {small} are in {n} {big} and {m} {small}?"), T("Convert {n} {big} {m} {small} to {small}."),
         T("Write {n} {big} and {m} {small} in {small}."), H("Express {n} {big} {m} {small} in {small} only.")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    big, small, factor = rng.choice(UNITS)
    n = rng.randint(2, lv.max_small)
    kind = rng.choice(["down", "up", "mixed"])
    steps: list[str] = []
    if kind == "down":
        line, ans = step(n, "*", factor)
        steps.append(line)
        q = fill(rng, DOWN, which, n=n, big=big, small=small)
    elif kind == "up":
        line, ans = step(n * factor, "/", factor)
        steps.append(line)
        q = fill(rng, UP, which, n=n * factor, big=big, small=small)
    else:
        m = rng.randint(1, factor - 1)
        line, whole = step(n, "*", factor)
        steps.append(line)
        line, ans = step(whole, "+", m)
        steps.append(line)
        q = fill(rng, MIXED, which, n=n, m=m, big=big, small=small)
    return Example("unit_conversion", q, steps, str(ans), {"kind": kind})
