"""Sums and differences, v3, each kind asked in composed sentences (compose.py).

Kinds kept from v2: two (two numbers from their sum and difference, the larger or the smaller asked)
and consecutive (k consecutive integers from their sum).
New kinds: two_story (the same in a story: two groups, one d more than the other), other_from_sum
(one step: the sum and one number, find the other), other_from_difference (one step: the difference
and one number, find the other) and consecutive_parity (k consecutive even or odd numbers).
"""

from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import step
from ..phrasing import H, T
from ..registry import Templates

# ---------------------------------------------------------------- two numbers, abstract
TWO_SUM = [
    T("The sum of two numbers is {s}."),
    T("Two numbers add up to {s}."),
    T("Two numbers have a total of {s}."),
    T("When two numbers are added, the result is {s}."),
    H("Adding a pair of numbers together gives {s}."),
]
# After TWO_SUM: "they" and "the other" have something to refer to.
TWO_DIFF = [
    T("Their difference is {d}."),
    T("One of them is {d} more than the other."),
    T("They differ by {d}."),
    T("One number is {d} bigger than the other."),
    T("Subtracting the smaller from the larger gives {d}."),
    H("The gap between the two numbers is {d}."),
]
# The difference first, then the sum.
DIFF_FIRST = [
    T("Two numbers differ by {d}."),
    T("One number is {d} more than another."),
    T("The difference of two numbers is {d}."),
    T("The difference between two numbers is {d}."),
    H("Of two numbers, one exceeds the other by {d}."),
]
SUM_SECOND = [
    T("Their sum is {s}."),
    T("Together they make {s}."),
    T("They add up to {s}."),
    T("The two numbers total {s}."),
    H("Added together, they come to {s}."),
]
ASK_NUMBER = [
    T("What is the {which_one} number?"),
    T("Find the {which_one} number."),
    T("Work out the {which_one} one."),
    T("Calculate the {which_one} of the two numbers."),
    H("Determine the {which_one} number."),
]
TWO_ONE = [
    T("Two numbers add up to {s} and differ by {d}; find the {which_one}."),
    T("What is the {which_one} of two numbers whose sum is {s} and whose difference is {d}?"),
    T("Find the {which_one} of two numbers if their sum is {s} and one is {d} more than the other."),
    T("If two numbers have a sum of {s} and a difference of {d}, what is the {which_one} number?"),
    H("Two numbers sum to {s}, and the bigger exceeds the smaller by {d}. Determine the {which_one}."),
]

# ---------------------------------------------------------------- two groups in a story
# A scene: the two groups, both named together, the whole, and where they are.
SCENES = [
    ("girls", "boys", "girls and boys", "children", "in the school"),
    ("adults", "children", "adults and children", "people", "at the show"),
    ("red marbles", "blue marbles", "red and blue marbles", "marbles", "in the jar"),
    ("cars", "vans", "cars and vans", "vehicles", "in the car park"),
    ("cats", "dogs", "cats and dogs", "animals", "at the shelter"),
    ("apple trees", "pear trees", "apple and pear trees", "trees", "in the orchard"),
    ("fiction books", "non-fiction books", "fiction and non-fiction books", "books", "in the library"),
    ("chickens", "ducks", "chickens and ducks", "birds", "on the farm"),
]
STORY_TOTAL = [
    T("There are {s} {both} {place}."),
    T("{place} there are {s} {both} altogether."),
    T("{s} {whole} are {place}, some {x} and the rest {y}."),
    T("The {both} {place} number {s} in total."),
    T("Altogether there are {s} {whole} {place}: {both}."),
    H("Counting every one of the {both} {place} gives {s}."),
]
STORY_MORE = [
    T("There are {d} more {more} than {fewer}."),
    T("The {more} outnumber the {fewer} by {d}."),
    T("There are {d} fewer {fewer} than {more}."),
    T("The number of {more} is {d} more than the number of {fewer}."),
    H("Count the {fewer}, add {d}, and you get the number of {more}."),
]
STORY_ASK = [
    T("How many {asked} are there?"),
    T("How many {asked} are {place}?"),
    T("Find the number of {asked}."),
    T("Work out how many {asked} there are."),
    H("Determine how many {asked} there are."),
]
STORY_ONE = [
    T("How many {asked} are there if there are {s} {both} {place} and {d} more {more} than {fewer}?"),
    T("There are {s} {both} {place}, with {d} more {more} than {fewer}; how many {asked} are there?"),
    T("If {s} {whole} are {place} and there are {d} fewer {fewer} than {more}, how many {asked} are there?"),
    H("With {s} {both} {place} and the {more} outnumbering the {fewer} by {d}, how many {asked} are there?"),
]
STORY_PART = [
    T("{known_n} of them are {known}."),
    T("There are {known_n} {known}."),
    T("{known_n} are {known}."),
    T("Of them, {known_n} are {known}."),
    H("Among them you can count {known_n} {known}."),
]

# ---------------------------------------------------------------- one number from the other (one step)
ONE_IS = [
    T("One of them is {x}."),
    T("One number is {x}."),
    T("The first number is {x}."),
    T("One of the numbers is {x}."),
    H("{x} is one of the two."),
]
ASK_OTHER = [
    T("What is the other number?"),
    T("Find the other number."),
    T("What is the second number?"),
    T("Work out the other one."),
    H("Which number is the second one?"),
]
OTHER_ONE = [
    T("If two numbers add up to {s} and one is {x}, what is the other?"),
    T("Two numbers add up to {s}; one is {x}. Find the other."),
    T("The sum of two numbers is {s} and one of them is {x}. What is the other number?"),
    T("What number must be added to {x} to make {s}?"),
    H("Given that {x} and another number total {s}, find that other number."),
]
GIVEN_ONE = [
    T("The {given} number is {x}."),
    T("The {given} one is {x}."),
    T("The {given} of the two is {x}."),
    T("The {given} of them is {x}."),
    H("We know the {given} number: {x}."),
]
DIFF_ONE = [
    T("Two numbers differ by {d} and the {given} is {x}; what is the {which_one}?"),
    T("If the {given} of two numbers is {x} and their difference is {d}, find the {which_one} number."),
    T("The difference between two numbers is {d}. If the {given} is {x}, what is the {which_one}?"),
    H("The {given} of two numbers is {x}, and the other is {d} away from it. Determine the {which_one}."),
]

# ---------------------------------------------------------------- consecutive numbers
CONS_FACT = [
    T("The sum of {k} consecutive integers is {s}."),
    T("{k} consecutive whole numbers add up to {s}."),
    T("{k} numbers in a row have a sum of {s}."),
    T("When {k} consecutive numbers are added, the total is {s}."),
    H("Adding {k} back-to-back whole numbers gives {s}."),
]
PARITY_FACT = [
    T("The sum of {k} consecutive {parity} numbers is {s}."),
    T("{k} consecutive {parity} numbers add up to {s}."),
    T("{k} {parity} numbers in a row have a sum of {s}."),
    T("When {k} consecutive {parity} numbers are added, the total is {s}."),
    H("Adding {k} back-to-back {parity} numbers gives {s}."),
]
CONS_ASK = [
    T("What is the {which_one} of them?"),
    T("Find the {which_one} number."),
    T("Work out the {which_one} one."),
    T("What is the {which_one} number?"),
    H("Determine the {which_one} of these numbers."),
]
CONS_ONE = [
    T("Find the {which_one} of {k} consecutive integers whose sum is {s}."),
    T("What is the {which_one} of {k} consecutive numbers that add up to {s}?"),
    T("If {k} consecutive integers sum to {s}, what is the {which_one}?"),
    H("Among {k} consecutive whole numbers totalling {s}, which is the {which_one}? Give the number."),
]
PARITY_ONE = [
    T("Find the {which_one} of {k} consecutive {parity} numbers whose sum is {s}."),
    T("What is the {which_one} of {k} consecutive {parity} numbers that add up to {s}?"),
    T("If {k} consecutive {parity} numbers sum to {s}, what is the {which_one}?"),
    H("Among {k} consecutive {parity} numbers totalling {s}, which is the {which_one}? Give the number."),
]

KINDS = ["two", "two", "two_story", "other_from_sum", "other_from_difference", "consecutive", "consecutive_parity"]


def larger_and_smaller(s: int, d: int, smaller_asked: bool) -> tuple[list[str], int]:
    """v2's steps: (s + d) / 2 is the larger number, minus d the smaller."""
    steps = []
    line, total = step(s, "+", d)
    steps.append(line)
    line, ans = step(total, "/", 2)
    steps.append(line)
    if smaller_asked:
        line, ans = step(ans, "-", d)
        steps.append(line)
    return steps, ans


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    kind = rng.choice(KINDS)
    if kind == "two":
        small, d = rng.randint(1, lv.max_big // 4), rng.randint(1, lv.max_big // 4)
        s = 2 * small + d
        which_one = rng.choice(["larger", "smaller", "bigger", "greater"])
        steps, ans = larger_and_smaller(s, d, which_one == "smaller")
        forms = [[TWO_SUM, TWO_DIFF, ASK_NUMBER], [DIFF_FIRST, SUM_SECOND, ASK_NUMBER], [TWO_ONE]]
        q = compose(rng, forms, which, s=s, d=d, which_one=which_one)
    elif kind == "two_story":
        # Smaller numbers than the abstract kind: a school, a jar or a farm, not hundreds of each.
        small, d = rng.randint(2, lv.max_big // 10), rng.randint(1, lv.max_big // 20)
        s = 2 * small + d
        x, y, both, whole, place = rng.choice(SCENES)
        more, fewer = rng.sample([x, y], 2)
        asked = rng.choice([more, fewer])
        steps, ans = larger_and_smaller(s, d, asked == fewer)
        forms = [[STORY_TOTAL, STORY_MORE, STORY_ASK], [STORY_MORE, STORY_TOTAL, STORY_ASK], [STORY_ONE]]
        q = compose(
            rng, forms, which, s=s, d=d, x=x, y=y, both=both, whole=whole, place=place, more=more, fewer=fewer, asked=asked
        )
    elif kind == "other_from_sum":
        x, other = rng.randint(1, lv.max_big // 2), rng.randint(1, lv.max_big // 2)
        line, ans = step(x + other, "-", x)
        steps = [line]
        if rng.random() < 0.6:
            forms = [[TWO_SUM, ONE_IS, ASK_OTHER], [OTHER_ONE]]
            q = compose(rng, forms, which, s=x + other, x=x)
        else:
            x_name, y_name, both, whole, place = rng.choice(SCENES)
            known, asked = rng.sample([x_name, y_name], 2)
            forms = [[STORY_TOTAL, STORY_PART, STORY_ASK]]
            q = compose(
                rng,
                forms,
                which,
                s=x + other,
                known_n=x,
                known=known,
                asked=asked,
                x=x_name,
                y=y_name,
                both=both,
                whole=whole,
                place=place,
            )
    elif kind == "other_from_difference":
        d = rng.randint(1, lv.max_big // 4)
        given = rng.choice(["smaller", "larger"])
        if given == "smaller":
            x = rng.randint(1, lv.max_big // 2)
            line, ans = step(x, "+", d)
        else:
            x = d + rng.randint(1, lv.max_big // 2)
            line, ans = step(x, "-", d)
        steps = [line]
        which_one = "larger" if given == "smaller" else "smaller"
        forms = [[DIFF_FIRST, GIVEN_ONE, ASK_NUMBER], [DIFF_ONE]]
        q = compose(rng, forms, which, d=d, x=x, given=given, which_one=which_one)
    else:
        k = rng.choice([2, 3, 4, 5])
        k_text = rng.choice([str(k), ["", "", "two", "three", "four", "five"][k]])
        largest = rng.random() < 0.5
        # Of two numbers, a teacher asks for the larger, not the largest.
        which_one = ("larger" if largest else "smaller") if k == 2 else ("largest" if largest else "smallest")
        # Consecutive integers are 1 apart, consecutive even or odd numbers 2 apart.
        gap = 1 if kind == "consecutive" else 2
        if kind == "consecutive":
            first = rng.randint(1, lv.max_big // 5)
            forms = [[CONS_FACT, CONS_ASK], [CONS_ONE]]
            parity = ""
        else:
            parity = rng.choice(["even", "odd"])
            first = 2 * rng.randint(1, lv.max_big // 10) + (parity == "odd")
            forms = [[PARITY_FACT, CONS_ASK], [PARITY_ONE]]
        offset = gap * k * (k - 1) // 2
        s = k * first + offset
        line, rest = step(s, "-", offset)
        steps = [line]
        line, ans = step(rest, "/", k)
        steps.append(line)
        if largest:
            line, ans = step(ans, "+", gap * (k - 1))
            steps.append(line)
        q = compose(rng, forms, which, k=k_text, s=s, which_one=which_one, parity=parity)
    return Example("sum_difference", q, steps, str(ans), {"kind": kind})
