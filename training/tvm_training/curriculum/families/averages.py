"""The mean of a list, and the missing value that gives a wanted mean."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import step
from ..names import person, pronoun
from ..phrasing import H, T, fill
from ..registry import Templates

MEAN = [T("Find the mean of {values}."), T("What is the average of {values}?"), T("Calculate the mean of the numbers {values}."),
        T("{name} scored {values} on {k} tests. What is {his_her} average score?"),
        T("The temperatures this week were {values} degrees. Find the mean temperature."),
        H("Work out the arithmetic mean of {values}."), H("Compute the average of these numbers: {values}.")]
MISSING = [T("{name} scored {values} on {k1} tests. What must {he} score on the next test to average {mean}?"),
           T("The mean of {k} numbers is {mean}. {k1} of them are {values}. What is the last number?"),
           T("After {k} games the average score is {mean}. The first {k1} scores were {values}. What was the score in the last game?"),
           H("To have a mean of {mean} over {k} tests, with {values} on the first {k1}, what does {name} need on the last one?")]


def listed(values: list[int]) -> str:
    return ", ".join(str(v) for v in values[:-1]) + " and " + str(values[-1])


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    name = person(rng)
    he = pronoun(name)
    k = rng.randint(3, 5 if lv.name == "train" else 6)
    mean = rng.randint(10, 95)
    values = [mean + rng.randint(-9, 9) for _ in range(k - 1)]
    last = k * mean - sum(values)
    steps: list[str] = []
    if rng.random() < 0.6 and last > 0:
        values.append(last)
        rng.shuffle(values)
        total = values[0]
        for v in values[1:]:
            line, total = step(total, "+", v)
            steps.append(line)
        line, ans = step(total, "/", k)
        steps.append(line)
        q = fill(rng, MEAN, which, values=listed(values), name=name, k=k, his_her="her" if he == "she" else "his")
        return Example("averages", q, steps, str(ans), {"kind": "mean"})
    last = max(last, 1)
    mean_total = sum(values) + last
    # A missing value that makes the mean a whole number.
    while mean_total % k:
        last += 1
        mean_total += 1
    mean = mean_total // k
    line, needed = step(mean, "*", k)
    steps.append(line)
    total = values[0]
    for v in values[1:]:
        line, total = step(total, "+", v)
        steps.append(line)
    line, ans = step(needed, "-", total)
    steps.append(line)
    q = fill(rng, MISSING, which, values=listed(values), name=name, he=he, k=k, k1=k - 1, mean=mean)
    return Example("averages", q, steps, str(ans), {"kind": "missing"})
