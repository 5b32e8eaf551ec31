"""Ages, v4's new kinds: the two-step structures v3 left out.

v3 gives every age problem either an age to start from or a sum and a difference. It never asks for
two ages from a ratio ("k times as old") together with their difference (times_diff) or their sum
(times_sum), which need the parts k - 1 or k + 1 first; never moves one person's age across two
times that are not now (later_to_ago: "in n years she will be A; how old was she m years ago?",
ago_to_later the other way); and never carries an age gap forward in time (gap_later: one is d years
older than the other, how old will the older be in n years; younger_ago: how old was the younger n
years ago).
"""
from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..families_v3.ages import TIMES, pair, times_words
from ..latex import StepLines
from ..names import people, possessive, pronoun
from ..phrasing import H, T, num
from ..registry import Templates

# ---------------------------------------------------------------- k times as old, and the difference or the sum
DIFF = [
    T("The difference between their ages is {d} years."),
    T("{big} is {d} years older than {small}."),
    T("Their ages differ by {d} years."),
    T("{small} is {d} years younger than {big}."),
    H("Subtract {small}'s age from {big}'s and you are left with {d} years."),
]
SUM = [
    T("The sum of their ages is {s} years."),
    T("Together they are {s} years old."),
    T("Their ages add up to {s}."),
    T("{big} and {small} are {s} years old altogether."),
    H("Add the two ages and the total is {s} years."),
]
ASK = [
    T("How old is {asked}?"),
    T("What is {asked}'s age?"),
    T("Find {asked}'s age."),
    T("Work out how old {asked} is."),
    H("Determine the age of {asked}."),
]
# Both facts in one sentence, the question after it.
TIMES_DIFF_FACTS = [
    T("{big} is {k_times} as old as {small}, and {d} years older."),
    T("{big} is {d} years older than {small} and {k_times} as old."),
    T("{small} is {d} years younger than {big}, who is {k_times} as old as {small}."),
    H("{big} has lived {d} years longer than {small}, and is {k_times} as old."),
]
TIMES_SUM_FACTS = [
    T("{big} is {k_times} as old as {small}, and together they are {s}."),
    T("The ages of {big} and {small} add up to {s}, and {big} is {k_times} as old."),
    T("{big} and {small} are {s} years old altogether; {big} is {k_times} as old as {small}."),
    H("{big}, {k_times} as old as {small}, shares a combined age of {s} years with {small}."),
]
TIMES_DIFF_ONE = [
    T("{big} is {k_times} as old as {small}, and the difference between their ages is {d} years. How old is {asked}?"),
    T("How old is {asked} if {big} is {k_times} as old as {small} and {d} years older?"),
    T("If {big} is {k_times} as old as {small} and their ages differ by {d} years, what is {asked}'s age?"),
    H("Being {k_times} as old as {small}, {big} is also {d} years older. What age is {asked}?"),
]
TIMES_SUM_ONE = [
    T("{big} is {k_times} as old as {small}, and the sum of their ages is {s}. How old is {asked}?"),
    T("How old is {asked} if {big} is {k_times} as old as {small} and together they are {s}?"),
    T("If the ages of {big} and {small} add up to {s} and {big} is {k_times} as old, find {asked}'s age."),
    H("Between them {big} and {small} have lived {s} years, and {big} is {k_times} as old. How old is {asked}?"),
]

# ---------------------------------------------------------------- one person across two times that are not now
LATER = [
    T("In {n} years {name} will be {age}."),
    T("{name} will be {age} years old in {n} years."),
    T("{n} years from now, {name} will be {age}."),
    T("{name} turns {age} in {n} years' time."),
    H("After {n} more birthdays, {name} will be {age}."),
]
AGO = [
    T("{m} years ago {name} was {age}."),
    T("{name} was {age} years old {m} years ago."),
    T("{m} years ago, {name} was {age} years old."),
    T("{name} was {age} years old {m} years back."),
    H("Back {m} years, {name}'s age was {age}."),
]
ASK_AGO = [
    T("How old was {he} {m} years ago?"),
    T("What was {his} age {m} years ago?"),
    T("How old was {name} {m} years ago?"),
    T("Find {his} age {m} years back."),
    H("Going back {m} years from today, how old was {he}?"),
]
ASK_LATER = [
    T("How old will {he} be in {n} years?"),
    T("What will {his} age be {n} years from now?"),
    T("How old will {name} be in {n} years' time?"),
    T("Find {his} age {n} years from now."),
    H("Looking {n} years ahead from today, what age will {he} be?"),
]
LATER_TO_AGO_ONE = [
    T("If {name} will be {age} in {n} years, how old was {he} {m} years ago?"),
    T("How old was {name} {m} years ago if {he} will be {age} in {n} years?"),
    T("{name} will be {age} in {n} years; what was {his} age {m} years ago?"),
    H("Knowing that {name} reaches {age} in {n} years, work out {his} age {m} years in the past."),
]
AGO_TO_LATER_ONE = [
    T("If {name} was {age} years old {m} years ago, how old will {he} be in {n} years?"),
    T("How old will {name} be in {n} years if {he} was {age} years old {m} years ago?"),
    T("{m} years ago {name} was {age}; what will {his} age be {n} years from now?"),
    H("Knowing that {m} years back {name} was aged {age}, work out {his} age {n} years ahead."),
]

# ---------------------------------------------------------------- an age gap carried forward or back
OLD_KNOWN = [
    T("{old} is {age}."),
    T("{old} is {age} years old."),
    T("{old}'s age is {age}."),
    T("Right now {old} is {age}."),
    H("{old} has just had a birthday and is now {age}."),
]
YOUNG_KNOWN = [
    T("{young} is {age}."),
    T("{young} is {age} years old."),
    T("{young}'s age is {age}."),
    T("Right now {young} is {age}."),
    H("{young} has just had a birthday and is now {age}."),
]
GAP = [
    T("{old} is {d} years older than {young}."),
    T("{young} is {d} years younger than {old}."),
    T("{old} was born {d} years before {young}."),
    T("There are {d} years between {young} and {old}, {old} being the older."),
    H("{young} came along {d} years after {old}."),
]
ASK_OLD_LATER = [
    T("How old will {old} be in {n} years?"),
    T("What will {old}'s age be {n} years from now?"),
    T("Find {old}'s age in {n} years' time."),
    T("How old will {old} be after another {n} years?"),
    H("Fast forward {n} years: what age is {old} then?"),
]
ASK_YOUNG_AGO = [
    T("How old was {young} {n} years ago?"),
    T("What was {young}'s age {n} years ago?"),
    T("Find how old {young} was {n} years back."),
    T("How old was {young} {n} years earlier?"),
    H("Rewind {n} years: what age was {young} then?"),
]
GAP_LATER_ONE = [
    T("{young} is {age} and {old} is {d} years older. How old will {old} be in {n} years?"),
    T("How old will {old} be in {n} years if {young} is {age} now and {old} is {d} years older?"),
    T("If {old} is {d} years older than {young}, who is {age}, what will {old}'s age be {n} years from now?"),
    H("With {young} aged {age} and {old} {d} years older, what age will {old} reach in {n} years?"),
]
YOUNG_AGO_ONE = [
    T("{old} is {age} and {young} is {d} years younger. How old was {young} {n} years ago?"),
    T("How old was {young} {n} years ago if {old} is {age} now and {d} years older than {young}?"),
    T("If {young} is {d} years younger than {old}, who is {age}, what was {young}'s age {n} years ago?"),
    H("With {old} aged {age} and {young} {d} years younger, what age was {young} {n} years back?"),
]

KINDS = ["times_diff", "times_sum", "later_to_ago", "ago_to_later", "gap_later", "younger_ago"]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    kind = rng.choice(KINDS)
    steps = StepLines()
    line = steps.whole

    v: dict[str, object] = {}
    shuffle = True
    if kind in ("times_diff", "times_sum"):
        k = rng.randint(2, 5 if lv.name == "train" else 7)
        small_age = rng.randint(2, 16 if k <= 3 else 12)
        big, small = pair(rng, (k - 1) * small_age)
        asked = rng.choice([big, small])
        v.update(big=big, small=small, k=num(k, rng, 0.5), k_times=times_words(k, rng), asked=asked)
        if kind == "times_diff":
            # The difference is k - 1 of the younger one's ages.
            d = (k - 1) * small_age
            parts = line(k, "-", 1)
            ans = line(d, "/", parts)
            v.update(d=num(d, rng))
            forms = [[TIMES, DIFF, ASK], [TIMES_DIFF_FACTS, ASK], [TIMES_DIFF_ONE]]
        else:
            s = (k + 1) * small_age
            parts = line(k, "+", 1)
            ans = line(s, "/", parts)
            v.update(s=s)
            forms = [[TIMES, SUM, ASK], [TIMES_SUM_FACTS, ASK], [TIMES_SUM_ONE]]
        if asked == big:
            ans = line(ans, "*", k)
        # "Their ages" and "together they" refer back to the two people named in TIMES.
        shuffle = False
    elif kind in ("later_to_ago", "ago_to_later"):
        name = people(rng, 1)[0]
        n, m = rng.randint(2, 15), rng.randint(2, 15)
        now = rng.randint(m + 1, 60 if lv.name == "train" else 80)
        v.update(name=name, he=pronoun(name), his=possessive(name), n=num(n, rng), m=num(m, rng))
        # The name comes first: the question says "he" or "she".
        shuffle = False
        if kind == "later_to_ago":
            v.update(age=now + n)
            ans = line(line(now + n, "-", n), "-", m)
            forms = [[LATER, ASK_AGO], [LATER_TO_AGO_ONE]]
        else:
            v.update(age=now - m)
            ans = line(line(now - m, "+", m), "+", n)
            forms = [[AGO, ASK_LATER], [AGO_TO_LATER_ONE]]
    else:
        d = rng.randint(2, 40)
        young_age = rng.randint(3, 40)
        n = rng.randint(2, min(young_age - 1, 20)) if kind == "younger_ago" else rng.randint(2, 25)
        old, young = pair(rng, d)
        v.update(old=old, young=young, d=num(d, rng), n=num(n, rng))
        if kind == "gap_later":
            v.update(age=young_age)
            ans = line(line(young_age, "+", d), "+", n)
            forms = [[YOUNG_KNOWN, GAP, ASK_OLD_LATER], [GAP, YOUNG_KNOWN, ASK_OLD_LATER], [GAP_LATER_ONE]]
        else:
            v.update(age=young_age + d)
            ans = line(line(young_age + d, "-", d), "-", n)
            forms = [[OLD_KNOWN, GAP, ASK_YOUNG_AGO], [GAP, OLD_KNOWN, ASK_YOUNG_AGO], [YOUNG_AGO_ONE]]
    return Example("ages", compose(rng, forms, which, shuffle_facts=shuffle, **v), steps, str(ans), {"kind": kind})
