"""Percent increase or decrease from two values, and the original value before a percent change
(reverse percent)."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import step
from ..names import GOODS, person
from ..phrasing import H, T, fill
from ..registry import Templates

CHANGE = [T("A price goes from ${old} to ${new}. What is the percent {direction}?"),
          T("The number of students rose from {old} to {new}. By what percent did it increase?"),
          T("Find the percent {direction} from {old} to {new}."),
          T("A {good} was ${old} and is now ${new}. What is the percentage {direction}?"),
          H("By what percentage does {old} change to become {new}?"),
          H("{name}'s savings went from {old} dollars to {new} dollars. Work out the percent {direction}.")]
REVERSE = [T("After a discount of {pct}%, a {good} costs ${new}. What was the original price?"),
           T("A {good} costs ${new} after the price was cut by {pct}%. What did it cost before?"),
           T("After an increase of {pct}%, the town has {new} people. How many people lived there before?"),
           T("{name}'s pay rose by {pct}% to ${new} a week. What was {name}'s weekly pay before the raise?"),
           H("Find the original price of a {good} that sells for ${new} after {pct}% off."),
           H("A number increased by {pct}% gives {new}. What was the number?")]
# Percentages whose multiplier (100 ± p) divides the new value when the old one is a multiple of 20.
PERCENTS = [5, 10, 20, 25, 40, 50, 60, 75]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    steps: list[str] = []
    pct = rng.choice(PERCENTS)
    old = rng.randint(1, max(2, lv.max_big // 40)) * 20
    up = rng.random() < 0.5
    line, part = step(old * pct, "/", 100)
    new = old + part if up else old - part
    if rng.random() < 0.5:
        line, diff = step(new, "-", old) if up else step(old, "-", new)
        steps.append(line)
        line, prod = step(diff, "*", 100)
        steps.append(line)
        line, ans = step(prod, "/", old)
        steps.append(line)
        direction = "increase" if up else "decrease"
        templates = CHANGE if up else [t for t in CHANGE if "rose" not in t.text]
        q = fill(rng, templates, which, old=old, new=new, direction=direction, good=rng.choice(GOODS), name=person(rng))
        return Example("percent_change", q, steps, f"{ans}\\%", {"kind": "change"})
    line, factor = step(100, "+" if up else "-", pct)
    steps.append(line)
    line, prod = step(new, "*", 100)
    steps.append(line)
    line, ans = step(prod, "/", factor)
    steps.append(line)
    templates = [t for t in REVERSE if ("discount" in t.text or "cut" in t.text or "off" in t.text) != up]
    q = fill(rng, templates, which, pct=pct, new=new, good=rng.choice(GOODS), name=person(rng))
    return Example("percent_change", q, steps, str(ans), {"kind": "reverse"})
