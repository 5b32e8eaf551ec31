"""Averages, v4's new kinds: means that are decimals, and a mean that changes.

Every v3 mean is a whole number of a list of whole numbers. v4 adds a bare list whose mean is a
terminating decimal (decimal_mean: 2, 5, 5, 8 and 11 → 31 ÷ 5 = 6.2), also asked tersely ("mean of
4, 7, 9"); the mean of decimal values, prices or times (decimal_values); and the new mean of a group
after one more value joins it (joins: total of the old mean, plus the newcomer, over one more) or
after one value leaves it (leaves). v3 never changed the size of a group.
"""
from __future__ import annotations

import random
from fractions import Fraction

from ..compose import compose
from ..example import Example, Level
from ..latex import decimal_step, fmt_decimal, step
from ..names import person, possessive, pronoun
from ..phrasing import H, T, num
from ..registry import Templates

# ---------------------------------------------------------------- a bare list with a decimal mean
LIST_FACT = [
    T("Here are {k} numbers: {values}."),
    T("Consider the numbers {values}."),
    T("A list contains the numbers {values}."),
    T("{name} writes down the numbers {values}."),
    H("On the board are the numbers {values}."),
]
LIST_ASK = [
    T("What is their mean?"),
    T("Find the mean."),
    T("What is the average of these numbers?"),
    T("Calculate their mean."),
    T("Work out the average."),
    H("What do they average out to?"),
]
LIST_ONE = [
    T("Find the mean of {values}."),
    T("What is the average of {values}?"),
    T("Average of {values}?"),
    T("Mean of {values}"),
    T("Calculate the mean of the numbers {values}."),
    H("Give the arithmetic mean of {values}, as a decimal if needed."),
]

# ---------------------------------------------------------------- decimal values: prices, times
# What is measured, how one value is written (a currency sign or a unit), and who records it.
DEC_SCENES = [
    ("the prices of {k} sandwiches", "sandwich price", "{sym}{v}", "money"),
    ("the prices of {k} notebooks", "notebook price", "{sym}{v}", "money"),
    ("{his} shopping bills for {k} weeks", "weekly bill", "{sym}{v}", "money"),
    ("{his} times for {k} runs of 100 m", "time", "{v} s", "time"),
    ("the lengths of {k} pieces of ribbon", "length", "{v} m", "length"),
    ("the weights of {k} parcels", "weight", "{v} kg", "weight"),
]
DEC_FACT = [
    T("{name} records {what}: {values}."),
    T("{name} notes down {what}: {values}."),
    T("Here are {what}: {values}."),
    T("{what_cap} are {values}."),
    H("{name}'s notebook lists {what} as {values}."),
]
DEC_ASK = [
    T("What is the mean {one}?"),
    T("Find the average {one}."),
    T("What is the mean of these values?"),
    T("Work out the mean {one}."),
    H("What {one} sits at the average?"),
]
DEC_ONE = [
    T("What is the mean of {values}?"),
    T("Find the average of {values}."),
    T("Calculate the mean {one} if {what} are {values}."),
    H("Give the average {one} when {what} are {values}."),
]

# ---------------------------------------------------------------- one value joins or leaves a group
# A group, one member, the measure with its unit, and its typical mean and spread.
GROUPS = [
    ("friends", "friend", "height", "cm", 120, 180, 15),
    ("players in a team", "player", "weight", "kg", 45, 90, 15),
    ("pupils", "pupil", "test score", "marks", 40, 85, 15),
    ("boxes", "box", "mass", "kg", 5, 40, 8),
    ("runners", "runner", "age", "years", 12, 40, 10),
    ("plants", "plant", "height", "cm", 10, 60, 10),
]
GROUP_MEAN = [
    T("{k} {group} have a mean {measure} of {mean} {unit}."),
    T("The mean {measure} of {k} {group} is {mean} {unit}."),
    T("The average {measure} of a group of {k} {group} is {mean} {unit}."),
    T("{k} {group} have an average {measure} of {mean} {unit}."),
    H("Across {k} {group}, the {measure}s average {mean} {unit}."),
]
JOIN = [
    T("Another {member} with a {measure} of {x} {unit} joins them."),
    T("One more {member}, whose {measure} is {x} {unit}, joins the group."),
    T("A new {member} joins, with a {measure} of {x} {unit}."),
    T("Then a {member} with a {measure} of {x} {unit} is added to the group."),
    H("The group grows by one {member}, whose {measure} is {x} {unit}."),
]
LEAVE = [
    T("One {member}, with a {measure} of {x} {unit}, leaves the group."),
    T("A {member} whose {measure} is {x} {unit} leaves."),
    T("One of them, with a {measure} of {x} {unit}, is taken out of the group."),
    T("Then the {member} with a {measure} of {x} {unit} leaves the group."),
    H("The group loses one {member}, whose {measure} is {x} {unit}."),
]
NEW_MEAN_ASK = [
    T("What is the new mean {measure}?"),
    T("Find the mean {measure} now."),
    T("What is the average {measure} of the group now?"),
    T("Work out the new average {measure}."),
    H("After the change, what does the {measure} average?"),
]
JOIN_ONE = [
    T("{k} {group} have a mean {measure} of {mean} {unit}. If a {member} with a {measure} of {x} {unit} joins, what is the new mean?"),
    T("What is the new mean {measure} when a {member} with a {measure} of {x} {unit} joins {k} {group} whose mean is {mean} {unit}?"),
    T("The mean {measure} of {k} {group} is {mean} {unit}; one more {member}, {x} {unit}, joins. Find the new mean {measure}."),
    H("Add a {member} measuring {x} {unit} to {k} {group} averaging {mean} {unit}: what is the average {measure} now?"),
]
LEAVE_ONE = [
    T("{k} {group} have a mean {measure} of {mean} {unit}. If a {member} with a {measure} of {x} {unit} leaves, what is the new mean?"),
    T("What is the new mean {measure} when a {member} with a {measure} of {x} {unit} leaves {k} {group} whose mean is {mean} {unit}?"),
    T("The mean {measure} of {k} {group} is {mean} {unit}; one {member}, {x} {unit}, leaves. Find the new mean {measure}."),
    H("Take a {member} measuring {x} {unit} away from {k} {group} averaging {mean} {unit}: what is the average {measure} now?"),
]

KINDS = ["decimal_mean", "decimal_mean", "decimal_values", "joins", "leaves"]


def add_up(values: list[Fraction], steps: list[str]) -> Fraction:
    """The running sum, one addition a line."""
    total = values[0]
    for v in values[1:]:
        text, total = decimal_step(total, "+", v)
        steps.append(text)
    return total


def terminates(q: Fraction) -> bool:
    d = q.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    kind = rng.choice(KINDS)
    name = person(rng)
    steps: list[str] = []
    if kind == "decimal_mean":
        # 4, 5 or 8 values give tenths, quarters or eighths; 3 or 6 only when the sum allows it.
        k = rng.choice([4, 5, 5, 8, 3, 6] if lv.name == "train" else [5, 6, 8, 4])
        top = rng.choice([20, 50, lv.max_big // 5])
        values = [rng.randint(1, top) for _ in range(k)]
        # Move the last value until the mean ends (and, mostly, is not whole).
        while not terminates(Fraction(sum(values), k)) or (sum(values) % k == 0 and rng.random() < 0.8):
            values[-1] += 1
        total = add_up([Fraction(v) for v in values], steps)
        text, ans = decimal_step(total, "/", k)
        steps.append(text)
        shown = [str(v) for v in values]
        joined = ", ".join(shown) if rng.random() < 0.3 else ", ".join(shown[:-1]) + " and " + shown[-1]
        q = compose(rng, [[LIST_FACT, LIST_ASK], [LIST_ONE]], which, name=name, k=num(k, rng), values=joined)
        return Example("averages", q, steps, fmt_decimal(ans), {"kind": kind})
    if kind == "decimal_values":
        what, one, form, measure = rng.choice(DEC_SCENES)
        k = rng.choice([2, 3, 4, 5])
        # Money in cents (2 places), the rest in tenths; the mean is rounded to the same places by
        # moving the last value, so that a mean price is a price.
        scale = 100 if measure == "money" else 10
        low, high = {"money": (150, 2500), "time": (110, 200), "length": (5, 60), "weight": (5, 150)}[measure]
        units = [rng.randint(low, high) for _ in range(k)]
        while sum(units) % k:
            units[-1] += 1
        values = [Fraction(u, scale) for u in units]
        total = add_up(values, steps)
        text, ans = decimal_step(total, "/", k)
        steps.append(text)
        sym = rng.choice(["$", "£", "€"])
        shown = [form.format(sym=sym, v=f"{float(v):.2f}" if scale == 100 else fmt_decimal(v)) for v in values]
        what = what.format(k=num(k, rng), his=possessive(name))
        v = {"name": name, "he": pronoun(name), "what": what, "what_cap": what[0].upper() + what[1:], "one": one,
             "values": ", ".join(shown[:-1]) + " and " + shown[-1]}
        q = compose(rng, [[DEC_FACT, DEC_ASK], [DEC_ONE]], which, **v)
        return Example("averages", q, steps, fmt_decimal(ans), {"kind": kind})
    group, member, measure, unit, low, high, spread = rng.choice(GROUPS)
    k = rng.randint(3, 12 if lv.name == "train" else 20)
    mean = rng.randint(low, high)
    joins = kind == "joins"
    after = k + 1 if joins else k - 1
    x = mean + rng.randint(-spread, spread)
    # Move the newcomer (or the leaver) until the new mean ends, as a school answer does.
    while x <= 0 or not terminates(Fraction(k * mean + (x if joins else -x), after)) or len(fmt_decimal(
            Fraction(k * mean + (x if joins else -x), after)).partition(".")[2]) > 2:
        x += 1
    text, total = step(mean, "*", k) if rng.random() < 0.5 else step(k, "*", mean)
    steps.append(text)
    text, total = step(total, "+" if joins else "-", x)
    steps.append(text)
    text, ans = decimal_step(total, "/", after)
    steps.append(text)
    v = {"k": num(k, rng), "group": group, "member": member, "measure": measure, "unit": unit, "mean": mean, "x": x}
    forms = [[GROUP_MEAN, JOIN if joins else LEAVE, NEW_MEAN_ASK], [JOIN_ONE if joins else LEAVE_ONE]]
    q = compose(rng, forms, which, **v)
    return Example("averages", q, steps, fmt_decimal(ans), {"kind": kind})
