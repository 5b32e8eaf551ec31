"""Percent change, v3: the percent increase or decrease from an old and a new value, the original value
before a percent change (reverse percent), the new value after a percent change, the size of the
change itself, and "a out of b as a percentage", each asked in composed sentences (compose.py). The
v2 kinds (change, reverse) keep v2's numbers, step lines and answer format."""
from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import StepLines
from ..names import person, possessive, pronoun
from ..phrasing import H, T, math, money
from ..registry import Templates

# Percentages whose multiplier (100 ± p) divides the new value when the old one is a multiple of 20 (v2's).
PERCENTS = [5, 10, 20, 25, 40, 50, 60, 75]
# Things whose price may be anything from $20 to $500 (v2's old values).
GOODS = ["bike", "guitar", "jacket", "scooter", "tablet", "camera", "pair of boots", "desk chair", "tent", "printer"]
# A scene: what changes, what it is called when asked for, whether it is money.
SCENES = [("the price of a {good}", "price", True), ("{name}'s weekly pay", "weekly pay", True), ("the amount in {name}'s savings jar", "amount", True),
          ("the number of members of a chess club", "number of members", False), ("the population of a small village", "population", False),
          ("the number of visitors to a museum each day", "number of visitors", False), ("the number of runners in a fun run", "number of runners", False)]
# (present, past, participle, base) of the verb, by direction
UP = [("rises", "rose", "risen", "rise"), ("goes up", "went up", "gone up", "go up"), ("increases", "increased", "increased", "increase")]
DOWN = [("falls", "fell", "fallen", "fall"), ("goes down", "went down", "gone down", "go down"), ("decreases", "decreased", "decreased", "decrease"),
        ("drops", "dropped", "dropped", "drop")]

CHANGE_FACT = [T("{thing} {verbed} from {old_q} to {new_q}."), T("{thing} went from {old_q} to {new_q}."), T("{thing} was {old_q}. Now it is {new_q}."),
               T("Last year {thing} was {old_q}; this year it is {new_q}."), T("{thing} has changed from {old_q} to {new_q}."),
               H("{thing} started at {old_q} and ended at {new_q}.")]
CHANGE_ASK = [T("What is the percentage {direction}?"), T("Find the percent {direction}."), T("By what percentage did it {verb}?"),
              T("Work out the percentage {direction}."), T("Calculate the percent {direction}."), H("Give the {direction} as a percentage of the old value.")]
CHANGE_DIRECT = [T("What is the percentage {direction} from {old_q} to {new_q}?"),
                 T("Calculate the percent {direction} when {thing} {verbs} from {old_q} to {new_q}."),
                 T("If {thing} {verbs} from {old_q} to {new_q}, what is the percentage {direction}?"),
                 T("Find the percentage {direction} when a value {verbs} from {old_q} to {new_q}."),
                 H("Going from {old_q} to {new_q}, by what percentage has {thing} changed?")]

REVERSE_FACT = [T("After a {pct}% {noun}, {thing} is {new_q}."), T("{thing} {verbed} by {pct}% to {new_q}."),
                T("{thing} is now {new_q}, after {a_noun} of {pct}%."), T("Following a {pct}% {noun}, {thing} is now {new_q}."),
                H("{thing} ends up at {new_q} once it has {verbed_pp} by {pct}%.")]
REVERSE_ASK = [T("What was it before?"), T("What was it originally?"), T("Find the original {what}."), T("What was the {what} before the {noun}?"),
               T("Work out the original {what}."), H("Determine the {what} before the change.")]
REVERSE_DIRECT = [T("What was the original {what} if, after a {pct}% {noun}, {thing} is {new_q}?"),
                  T("Find the original {what}: after a {pct}% {noun} it is {new_q}."),
                  T("A {pct}% {noun} leaves {thing} at {new_q}. What was it before?"),
                  H("Which starting {what} becomes {new_q} after a {pct}% {noun}?")]

OLD_FACT = [T("{thing} is {old_q}."), T("At first, {thing} is {old_q}."), T("{thing} starts at {old_q}."),
            T("{thing} is {old_q} at the start of the year."), H("To begin with, {thing} stands at {old_q}.")]
CHANGE_BY = [T("It {verbs} by {pct}%."), T("Then it {verbs} by {pct}%."), T("It then {verbs} by {pct}%."), T("There is a {pct}% {noun}."),
             H("{a_noun} of {pct}% follows.")]
NEW_ASK = [T("What is it now?"), T("What is the new {what}?"), T("Find the new {what}."), T("What is it after the {noun}?"),
           T("Work out the {what} after the change."), H("Where does it end up?")]
NEW_DIRECT = [T("{thing} is {old_q} and {verbs} by {pct}%. What is the new {what}?"),
              T("Find the new {what} when {thing} {verbs} by {pct}% from {old_q}."), T("What is {old_q} after a {pct}% {noun}?"),
              T("{incdec} {old_q} by {pct}%."), H("Apply a {pct}% {noun} to {old_q}. Where does that leave it?")]
SIZE_ASK = [T("By how much does it {verb}?"), T("How big is the {noun}?"), T("Find the size of the {noun}."), T("By how much does it change?"),
            T("Work out the amount of the {noun}."), H("How much does the {noun} come to?")]
SIZE_DIRECT = [T("Find {pct}% of {old_q}."), T("{thing} is {old_q} and {verbs} by {pct}%. By how much does it change?"),
               T("How big is a {pct}% {noun} on {old_q}?"), T("Work out the {noun} when {old_q} {verbs} by {pct}%."),
               H("A {pct}% {noun} is applied to {old_q}. How large is that {noun}?")]

# a out of b: (the whole, what the part does)
PARTS = [("students in a year group", "walk to school"), ("seeds", "sprouted"), ("people asked in a survey", "like summer best"),
         ("apples in a box", "are red"), ("tickets for a show", "were sold"), ("questions on a quiz", "were answered correctly"),
         ("cars in a car park", "are electric")]
PART_FACT = [T("Out of {b} {whole}, {a} {part}."), T("{a} of the {b} {whole} {part}."), T("There are {b} {whole}, and {a} of them {part}."),
             T("Of {b} {whole}, {a} {part}."), H("Among {b} {whole}, {a} {part}.")]
PART_ASK = [T("What percentage is that?"), T("What percent of the {whole} {part}?"), T("Express this as a percentage."),
            T("What percentage of the {whole} {part}?"), T("Write this as a percent."), H("As a percent, how many of them {part}?")]
TEST_FACT = [T("{name} scores {a} out of {b} on a test."), T("{name} gets {a} marks out of {b}."), T("In a test marked out of {b}, {name} scores {a}."),
             T("{name} gets {a} of the {b} marks on a quiz."), H("{name}'s test comes back with {a} of the {b} marks.")]
SCORE_ASK = [T("What percentage did {he} score?"), T("What is {his} score as a percentage?"), T("Find {his} mark as a percentage."),
             T("What percent is that?"), H("As a percent, how well did {he} do?")]
PERCENT_DIRECT = [T("Express {a} out of {b} as a percentage."), T("What percentage of {b} is {a}?"), T("{a} is what percent of {b}?"),
                  T("Write {a} out of {b} as a percent."), T("Write {frac} as a percentage."), H("Turn {a} out of {b} into a percentage."),
                  H("How many percent of {b} is {a}?")]
WHOLES = [20, 25, 40, 50, 60, 80, 120, 150, 200, 250, 300]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    kind = rng.choice(["change", "reverse", "new_value", "size_of_change", "as_percent"])
    name = person(rng)
    steps = StepLines()
    line = steps.whole

    if kind == "as_percent":
        b = rng.choice(WHOLES)
        pct = rng.choice([p for p in range(1, 100) if b * p % 100 == 0])
        a = b * pct // 100
        ans = line(line(a, "*", 100), "/", b)
        whole, part = rng.choice(PARTS)
        forms = [[PART_FACT, PART_ASK], [TEST_FACT, SCORE_ASK], [PERCENT_DIRECT]]
        q = compose(rng, forms, which, a=a, b=b, whole=whole, part=part, name=name, he=pronoun(name), his=possessive(name),
                    frac=math(f"\\frac{{{a}}}{{{b}}}", rng, display=False))
        return Example("percent_change", q, steps, f"{ans}\\%", {"kind": kind})
    # v2's numbers: a percent from PERCENTS, an old value that is a multiple of 20.
    pct = rng.choice(PERCENTS)
    old = rng.randint(1, max(2, lv.max_big // 40)) * 20
    up = rng.random() < 0.5
    part = old * pct // 100
    new = old + part if up else old - part
    thing, what, cash = rng.choice(SCENES)
    verbs, verbed, verbed_pp, verb = rng.choice(UP if up else DOWN)
    nouns = ["increase", "rise"] if up else ["decrease", "fall"] + (["discount", "reduction"] if what == "price" else [])
    noun = rng.choice(nouns)
    values = {"thing": thing.format(good=rng.choice(GOODS), name=name), "what": what, "pct": pct, "direction": "increase" if up else "decrease",
              "verbs": verbs, "verbed": verbed, "verbed_pp": verbed_pp, "verb": verb, "noun": noun, "a_noun": ("an " if noun[0] in "aeiou" else "a ") + noun,
              "incdec": "Increase" if up else "Decrease", "old_q": money(old * 100) if cash else old, "new_q": money(new * 100) if cash else new}
    if kind == "change":
        diff = line(new, "-", old) if up else line(old, "-", new)
        ans = line(line(diff, "*", 100), "/", old)
        q = compose(rng, [[CHANGE_FACT, CHANGE_ASK], [CHANGE_DIRECT]], which, **values)
        return Example("percent_change", q, steps, f"{ans}\\%", {"kind": kind})
    if kind == "reverse":
        factor = line(100, "+" if up else "-", pct)
        ans = line(line(new, "*", 100), "/", factor)
        q = compose(rng, [[REVERSE_FACT, REVERSE_ASK], [REVERSE_DIRECT]], which, **values)
        return Example("percent_change", q, steps, str(ans), {"kind": kind})
    size = line(line(old, "*", pct), "/", 100)
    if kind == "size_of_change":
        q = compose(rng, [[OLD_FACT, CHANGE_BY, SIZE_ASK], [SIZE_DIRECT]], which, **values)
        return Example("percent_change", q, steps, str(size), {"kind": kind})
    ans = line(old, "+" if up else "-", size)
    q = compose(rng, [[OLD_FACT, CHANGE_BY, NEW_ASK], [NEW_DIRECT]], which, **values)
    return Example("percent_change", q, steps, str(ans), {"kind": kind})
