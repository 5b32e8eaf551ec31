"""Averages, v3, each kind asked in composed sentences (compose.py).

Kinds kept from v2: mean (the mean of 3-6 numbers) and missing (the value that gives a wanted mean).
New kinds, one step: sum_from_mean (the total from the mean and the count) and mean_from_total (the
mean from the total and the count). Each is asked about plain numbers or about a scene (test scores,
visitors a day, rainfall, ...).
"""

from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import step
from ..names import person, possessive, pronoun
from ..phrasing import H, T, num
from ..registry import Templates

# A scene: what the values are (in questions, and with a unit where they are listed), one value, the
# period each value belongs to, whether a total makes sense (not of temperatures), and whether a
# person scores them (so that "what must she score" reads well).
SCENES = [
    ("test scores", "test scores", "score", "test", "tests", True, True),
    ("basketball scores", "basketball scores", "score", "game", "games", True, True),
    ("bowling scores", "bowling scores", "score", "round", "rounds", True, True),
    ("cricket scores", "cricket scores in runs", "score", "match", "matches", True, True),
    ("visitor numbers", "daily visitor numbers", "number of visitors", "day", "days", True, False),
    ("page counts", "numbers of pages read", "number of pages read", "day", "days", True, False),
    ("rainfall amounts", "daily rainfall amounts in mm", "rainfall", "day", "days", True, False),
    ("temperatures", "midday temperatures in degrees", "temperature", "day", "days", False, False),
]

# ---------------------------------------------------------------- the mean of a list
DATA = [
    T("The {data} were {values}."),
    T("Here are {k} {data}: {values}."),
    T("{name} recorded these {data}: {values}."),
    T("Over {k} {periods}, the {data} were {values}."),
    T("For {k} {periods} the {data} were {values}."),
    H("A list of {k} {data} reads {values}."),
]
MEAN_ASK = [
    T("What is the mean {one}?"),
    T("Find the mean."),
    T("What is the average {one} per {period}?"),
    T("Calculate the mean of these {what}."),
    T("Work out the average."),
    H("Determine the mean {one}."),
]
MEAN_ONE = [
    T("Find the mean of {values}."),
    T("What is the average of {values}?"),
    T("Calculate the mean of the numbers {values}."),
    T("Work out the mean of these numbers: {values}."),
    H("Compute the arithmetic average of {values}."),
]
MEAN_SCENE_ONE = [
    T("What is the mean of the {what} {values}?"),
    T("Find the average {one} if the {data} were {values}."),
    T("What is the mean {one} when the {data} are {values}?"),
    H("Given the {data} {values}, find their average."),
]

# ---------------------------------------------------------------- the missing value for a mean
DATA_FIRST = [
    T("The {data} for the first {k1} {periods} were {values}."),
    T("In the first {k1} {periods}, the {data} were {values}."),
    T("The first {k1} {what} were {values}."),
    T("{name} recorded {values} for the first {k1} {periods}."),
    H("The {data} noted down for the first {k1} {periods} were {values}."),
]
MEAN_FACT = [
    T("The mean {one} over {k} {periods} was {mean}."),
    T("Over {k} {periods} the average {one} was {mean}."),
    T("The {what} for all {k} {periods} had a mean of {mean}."),
    T("The {what} averaged {mean} over the {k} {periods}."),
    H("Across {k} {periods}, the {what} came out at {mean} on average."),
]
LAST_ASK = [
    T("What was the {one} for the last {period}?"),
    T("Find the {one} for the last {period}."),
    T("What is the missing {one}?"),
    T("Work out the {one} for the final {period}."),
    H("Which {one} was recorded for the final {period}?"),
]
# A person who scores: what must she score next?
DATA_NAMED = [
    T("{name}'s {what} for the first {k1} {periods} were {values}."),
    T("{name} scored {values} in the first {k1} {periods}."),
    T("In {his} first {k1} {periods}, {name} scored {values}."),
    T("So far {name} has scored {values} in {k1} {periods}."),
    H("{name} has {values} from {his} first {k1} {periods}."),
]
WANT = [
    T("{he} wants a mean {one} of {mean} over {k} {periods}."),
    T("{he} is aiming for an average of {mean} across all {k} {periods}."),
    T("{he} hopes to average {mean} over the {k} {periods}."),
    T("{his} target is a mean of {mean} for the {k} {periods}."),
    H("An average of {mean} over {k} {periods} is {his} goal."),
]
NEED_ASK = [
    T("What {one} does {he} need in the last {period}?"),
    T("What must {he} score in the last {period}?"),
    T("How much must {he} get in the final {period}?"),
    T("Find the {one} {he} needs in the last {period}."),
    H("Which {one} in the last {period} would get {him} there?"),
]
PLAIN_TARGET = [
    T("The mean of {k} numbers is {mean}."),
    T("{k} numbers have an average of {mean}."),
    T("The average of {k} numbers is {mean}."),
    T("{k} numbers have a mean of {mean}."),
    H("{k} numbers average out to {mean}."),
]
PLAIN_SOME = [
    T("{k1} of them are {values}."),
    T("Of these, {k1} are {values}."),
    T("All but one of them are known: {values}."),
    T("The first {k1} are {values}."),
    H("Leaving one out, they are {values}."),
]
PLAIN_ASK = [
    T("What is the last number?"),
    T("Find the missing number."),
    T("What is the remaining number?"),
    T("Work out the number that is missing."),
    H("Which number completes the set?"),
]
PLAIN_MISSING_ONE = [
    T("What number must be added to {values} so that the mean of all {k} numbers is {mean}?"),
    T("Find the missing number if the mean of {values} and one more number is {mean}."),
    T("The numbers {values}, together with one more number, have a mean of {mean}. Find that number."),
    H("Together with {values}, an unknown number gives a mean of {mean}; find the unknown."),
]

# ---------------------------------------------------------------- total from mean, mean from total
TOTAL_ASK = [
    T("What was the total over the {k} {periods}?"),
    T("Find the total of the {what}."),
    T("What do the {what} add up to?"),
    T("Work out the sum of all {k} {what}."),
    H("How large is the combined total for all {k} {periods}?"),
]
SUM_ASK = [
    T("What is their sum?"),
    T("Find the sum of the numbers."),
    T("What do the numbers add up to?"),
    T("Work out their total."),
    H("How much do they come to altogether?"),
]
SUM_ONE = [
    T("The mean of {k} numbers is {mean}; what is their sum?"),
    T("If {k} numbers have an average of {mean}, what is their total?"),
    T("What is the sum of {k} numbers whose mean is {mean}?"),
    T("If the mean {one} over {k} {periods} was {mean}, what was the total?"),
    H("Find the total of {k} numbers that average {mean}."),
]
TOTAL_FACT = [
    T("The {what} over {k} {periods} add up to {total}."),
    T("The total over {k} {periods} was {total}."),
    T("In {k} {periods} the {what} came to {total} altogether."),
    T("Altogether, the {what} for {k} {periods} sum to {total}."),
    H("Summed over {k} {periods}, the {what} make {total}."),
]
PLAIN_TOTAL = [
    T("{k} numbers add up to {total}."),
    T("The sum of {k} numbers is {total}."),
    T("The total of {k} numbers is {total}."),
    T("{k} numbers have a sum of {total}."),
    H("Added together, {k} numbers make {total}."),
]
PLAIN_MEAN_ASK = [
    T("What is their mean?"),
    T("Find their average."),
    T("What is the mean of the numbers?"),
    T("Work out the average."),
    H("Determine their mean."),
]
MEAN_TOTAL_ONE = [
    T("What is the mean of {k} numbers whose sum is {total}?"),
    T("If {k} numbers add up to {total}, what is their average?"),
    T("Find the average of {k} numbers with a total of {total}."),
    T("If the {what} over {k} {periods} add up to {total}, what is the mean {one}?"),
    H("Determine the mean when {k} numbers total {total}."),
]


def listed(values: list[int]) -> str:
    return ", ".join(str(v) for v in values[:-1]) + " and " + str(values[-1])


def add_up(values: list[int]) -> tuple[list[str], int]:
    """v2's running sum, one addition a line."""
    steps, total = [], values[0]
    for v in values[1:]:
        line, total = step(total, "+", v)
        steps.append(line)
    return steps, total


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    name = person(rng)
    he = pronoun(name)
    k = rng.randint(3, 5 if lv.name == "train" else 6)
    mean = rng.randint(10, 95)
    values = [mean + rng.randint(-9, 9) for _ in range(k - 1)]
    last = k * mean - sum(values)
    kind = rng.choices(["mean", "missing", "sum_from_mean", "mean_from_total"], [0.35, 0.25, 0.2, 0.2])[0]
    if kind == "mean" and last <= 0:
        kind = "missing"
    scene = rng.choice(SCENES if kind in ("mean", "missing") else [s for s in SCENES if s[5]])
    what, data, one, period, periods, _, scores = scene
    v = {
        "name": name,
        "he": he,
        "his": possessive(name),
        "him": "her" if he == "she" else "him",
        "k": num(k, rng),
        "k1": num(k - 1, rng),
        "what": what,
        "data": data,
        "one": one,
        "period": period,
        "periods": periods,
    }
    if kind == "mean":
        values.append(last)
        rng.shuffle(values)
        steps, total = add_up(values)
        line, ans = step(total, "/", k)
        steps.append(line)
        forms = [[DATA, MEAN_ASK], [MEAN_ONE], [MEAN_SCENE_ONE]]
        v.update(values=listed(values))
    elif kind == "missing":
        last = max(last, 1)
        mean_total = sum(values) + last
        # A missing value that makes the mean a whole number.
        while mean_total % k:
            last += 1
            mean_total += 1
        mean = mean_total // k
        line, needed = step(mean, "*", k)
        steps = [line]
        more, total = add_up(values)
        steps += more
        line, ans = step(needed, "-", total)
        steps.append(line)
        forms = [[DATA_FIRST, MEAN_FACT, LAST_ASK], [PLAIN_TARGET, PLAIN_SOME, PLAIN_ASK], [PLAIN_MISSING_ONE]]
        if scores:
            forms.append([DATA_NAMED, WANT, NEED_ASK])
        v.update(values=listed(values), mean=mean)
    elif kind == "sum_from_mean":
        line, ans = step(mean, "*", k)
        steps = [line]
        forms = [[MEAN_FACT, TOTAL_ASK], [PLAIN_TARGET, SUM_ASK], [SUM_ONE]]
        v.update(mean=mean)
    else:
        line, ans = step(mean * k, "/", k)
        steps = [line]
        forms = [[TOTAL_FACT, MEAN_ASK], [PLAIN_TOTAL, PLAIN_MEAN_ASK], [MEAN_TOTAL_ONE]]
        v.update(total=mean * k)
    return Example("averages", compose(rng, forms, which, **v), steps, str(ans), {"kind": kind})
