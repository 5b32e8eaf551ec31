"""Two numbers from their sum and difference; consecutive integers from their sum."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import step
from ..phrasing import H, T, fill
from ..registry import Templates

TWO = [T("The sum of two numbers is {s} and their difference is {d}. What is the {which_one} number?"),
       T("Two numbers add up to {s}. One is {d} more than the other. Find the {which_one} number."),
       T("Find two numbers whose sum is {s} and whose difference is {d}. What is the {which_one} one?"),
       T("Two numbers have a sum of {s} and a difference of {d}. Which number is the {which_one}? Give its value."),
       H("If two numbers total {s} and differ by {d}, what is the {which_one} of the two?"),
       H("The {which_one} of two numbers is wanted: they sum to {s} and one exceeds the other by {d}.")]
CONSECUTIVE = [T("The sum of {k} consecutive integers is {s}. What is the {which_one} of them?"),
               T("{k} consecutive whole numbers add up to {s}. Find the {which_one} number."),
               T("Find the {which_one} of {k} consecutive integers whose sum is {s}."),
               H("If {k} numbers in a row add to {s}, what is the {which_one} one?")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    steps: list[str] = []
    if rng.random() < 0.6:
        small = rng.randint(1, lv.max_big // 4)
        d = rng.randint(1, lv.max_big // 4)
        s = 2 * small + d
        which_one = rng.choice(["larger", "smaller", "bigger"])
        line, total = step(s, "+", d)
        steps.append(line)
        line, larger = step(total, "/", 2)
        steps.append(line)
        ans = larger
        if which_one == "smaller":
            line, ans = step(larger, "-", d)
            steps.append(line)
        q = fill(rng, TWO, which, s=s, d=d, which_one=which_one)
        return Example("sum_difference", q, steps, str(ans), {"kind": "two"})
    k = rng.choice([2, 3, 4, 5])
    first = rng.randint(1, lv.max_big // 5)
    s = k * first + k * (k - 1) // 2
    which_one = rng.choice(["smallest", "largest"])
    offset = k * (k - 1) // 2
    line, rest = step(s, "-", offset)
    steps.append(line)
    line, ans = step(rest, "/", k)
    steps.append(line)
    if which_one == "largest":
        line, ans = step(ans, "+", k - 1)
        steps.append(line)
    q = fill(rng, CONSECUTIVE, which, k=rng.choice([str(k), ["", "", "two", "three", "four", "five"][k]]), s=s, which_one=which_one)
    return Example("sum_difference", q, steps, str(ans), {"kind": "consecutive"})
