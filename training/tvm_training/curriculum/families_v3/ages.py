"""Ages, v3, each kind asked in composed sentences (compose.py).

Kinds kept from v2: times_later (k times as old, then in n years), older_ago (d years older, then n
years ago), sum_diff (two ages from their sum and difference).
New kinds, mostly one step: times_now (k times as old: how old now), times_back (the older one is k
times as old: how old is the younger), fraction_of (half / a third / a quarter as old), older_now,
younger_now, one_later / one_ago (one person's age in n years / n years ago), now_from_later /
now_from_ago (the age now from a later or earlier age), gap_same (the age difference n years on) and
gap_when (one's age when the other reaches an age).
"""

from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import step
from ..names import people, possessive, pronoun
from ..phrasing import H, T, num
from ..registry import Templates

# ---------------------------------------------------------------- facts and questions shared by kinds
KNOWN = [
    T("{known} is {age} years old."),
    T("{known} is {age}."),
    T("{known}'s age is {age}."),
    T("{known} has just turned {age}."),
    H("{known} had a birthday recently and turned {age}."),
]
ASK_NOW = [
    T("How old is {asked}?"),
    T("What is {asked}'s age?"),
    T("Find {asked}'s age."),
    T("Work out how old {asked} is."),
    T("How old is {asked} now?"),
    H("Determine the age of {asked}."),
]
ASK_LATER = [
    T("How old will {asked} be in {n} years?"),
    T("What will {asked}'s age be {n} years from now?"),
    T("Find {asked}'s age in {n} years' time."),
    T("How old will {asked} be after {n} more years?"),
    H("Work out the age {asked} will reach {n} years from today."),
]
ASK_AGO = [
    T("How old was {asked} {n} years ago?"),
    T("What was {asked}'s age {n} years ago?"),
    T("Find how old {asked} was {n} years back."),
    T("Calculate {asked}'s age {n} years ago."),
    H("Going back {n} years, what was the age of {asked}?"),
]

# ---------------------------------------------------------------- k times as old ({big} = k × {small})
TIMES = [
    T("{big} is {k_times} as old as {small}."),
    T("{big}'s age is {k_times} {small}'s age."),
    T("{big} is {k_times} the age of {small}."),
    T("The age of {big} is {k_times} that of {small}."),
    H("Multiply {small}'s age by {k} and you get {big}'s age."),
]
TIMES_SMALL_KNOWN = [
    T("{big} is {k_times} as old as {small}, who is {age}."),
    T("{small} is {age} and {big} is {k_times} as old."),
    T("{big}'s age is {k_times} that of {small}, who is {age} years old."),
    T("{small} is {age} years old, and {big} is {k_times} as old as {small}."),
    H("With {small} aged {age}, {big} is {k_times} as old."),
]
TIMES_BIG_KNOWN = [
    T("{big} is {age} and is {k_times} as old as {small}."),
    T("{big}, who is {age}, is {k_times} as old as {small}."),
    T("At {age}, {big} is {k_times} as old as {small}."),
    T("{big} is {age} years old, {k_times} the age of {small}."),
    H("{big} is {age} years old, which is {k_times} {small}'s age."),
]
TIMES_NOW_ONE = [
    T("How old is {big} if {big} is {k_times} as old as {small} and {small} is {age}?"),
    T("If {small} is {age} and {big} is {k_times} as old, how old is {big}?"),
    T("{small} is {age} and {big} is {k_times} as old as {small}; how old is {big}?"),
    H("Given that {small} is {age}, what age is {big}, being {k_times} as old?"),
]
TIMES_LATER_ONE = [
    T("If {small} is {age} and {big} is {k_times} as old, how old will {big} be in {n} years?"),
    T("How old will {big} be in {n} years if {big} is {k_times} as old as {small}, who is {age} now?"),
    T("{small} is {age} and {big} is {k_times} as old; how old will {big} be {n} years from now?"),
    H("{n} years from now, what age will {big} be, given {small} is {age} and {big} is {k_times} as old?"),
]
TIMES_BACK_ONE = [
    T("How old is {small} if {big} is {age} and {k_times} as old as {small}?"),
    T("If {big}, aged {age}, is {k_times} as old as {small}, how old is {small}?"),
    T("{big} is {age} and {k_times} as old as {small}; how old is {small}?"),
    H("Tell me the age of {small}, when {big} is {age} and {k_times} as old."),
]

# ---------------------------------------------------------------- half / a third / a quarter as old
FRACTION = [
    T("{small} is {frac} as old as {big}."),
    T("{small}'s age is {frac_of} {big}'s age."),
    T("{small} is {frac_of} {big}'s age."),
    T("The age of {small} is {frac_of} the age of {big}."),
    H("{small} has lived {frac} as many years as {big}."),
]
FRACTION_BIG_KNOWN = [
    T("{small} is {frac} as old as {big}, who is {age}."),
    T("{big} is {age}, and {small} is {frac} as old."),
    T("{small}'s age is {frac} that of {big}, who is {age} years old."),
    H("{big} is {age}; {small} is only {frac} as old."),
]
FRACTION_ONE = [
    T("How old is {small} if {small} is {frac} as old as {big}, who is {age}?"),
    T("If {big} is {age} and {small} is {frac} as old, how old is {small}?"),
    T("{big} is {age} years old and {small} is {frac_of} {big}'s age; how old is {small}?"),
    H("What age is {small} when {big} is {age} and {small} is {frac} as old?"),
]

# ---------------------------------------------------------------- d years older / younger ({old} = {young} + d)
OLDER = [
    T("{old} is {d} years older than {young}."),
    T("{young} is {d} years younger than {old}."),
    T("{old} was born {d} years before {young}."),
    T("{old} is older than {young} by {d} years."),
    H("{old}'s age exceeds {young}'s by {d} years."),
]
OLDER_YOUNG_KNOWN = [
    T("{old} is {d} years older than {young}, who is {age}."),
    T("{young} is {age} and {old} is {d} years older."),
    T("{young} is {age} years old, and {old} is {d} years older than {young}."),
    T("{old} was born {d} years before {young}, who is now {age}."),
    H("{old} is {d} years older than {young}, whose age is {age}."),
]
OLDER_OLD_KNOWN = [
    T("{old} is {age} and {d} years older than {young}."),
    T("{old}, who is {age}, is {d} years older than {young}."),
    T("{young} is {d} years younger than {old}, who is {age}."),
    T("{old} is {age} years old, and {young} is {d} years younger."),
    H("{old} is {age}, which is {d} years more than {young}'s age."),
]
OLDER_NOW_ONE = [
    T("How old is {old} if {old} is {d} years older than {young}, who is {age}?"),
    T("If {young} is {age} and {old} is {d} years older, how old is {old}?"),
    T("{young} is {age} and {old} is {d} years older; what is {old}'s age?"),
    H("What age is {old}, being {d} years older than {young}, who is {age}?"),
]
OLDER_AGO_ONE = [
    T("How old was {old} {n} years ago if {old} is {d} years older than {young}, who is {age} now?"),
    T("If {young} is {age} and {old} is {d} years older, how old was {old} {n} years ago?"),
    T("{young} is {age} now and {old} is {d} years older; what was {old}'s age {n} years ago?"),
    H("Given that {young} is {age} and {old} is {d} years older, what age was {old} {n} years back?"),
]
YOUNGER_NOW_ONE = [
    T("How old is {young} if {old} is {age} and {d} years older than {young}?"),
    T("If {old} is {age} and {young} is {d} years younger, how old is {young}?"),
    T("{old} is {age} and {young} is {d} years younger; what is {young}'s age?"),
    H("What age is {young}, who is {d} years younger than {old}, aged {age}?"),
]

# ---------------------------------------------------------------- two ages from their sum and difference
SUM = [
    T("The sum of {old}'s and {young}'s ages is {s}."),
    T("{old} and {young} are {s} years old together."),
    T("Together {old} and {young} are {s}."),
    T("The ages of {young} and {old} add up to {s}."),
    H("{young} and {old} have a combined age of {s} years."),
]
SUM_AND_OLDER = [
    T("{old} and {young} are {s} years old together, and {old} is {d} years older."),
    T("Together {young} and {old} are {s}; {old} is the older by {d} years."),
    T("{old} is {d} years older than {young}, and together they are {s}."),
    T("The ages of {old} and {young} add up to {s}, and {old} is {d} years older."),
    H("Between them {old} and {young} have lived {s} years, {old} being {d} years older."),
]
SUM_DIFF_ONE = [
    T("How old is {asked} if {old} and {young} are {s} together and {old} is {d} years older?"),
    T("If the ages of {old} and {young} add up to {s} and {old} is {d} years older, how old is {asked}?"),
    T("{old} is {d} years older than {young} and their ages add up to {s}; how old is {asked}?"),
    H("Given a total age of {s} for {old} and {young}, with {old} {d} years older, what age is {asked}?"),
]

# ---------------------------------------------------------------- one person, now and later or earlier
ONE_LATER = [
    T("How old will {he} be in {n} years?"),
    T("What will {his} age be {n} years from now?"),
    T("How old will {he} be after {n} more years?"),
    T("Find {his} age in {n} years' time."),
    H("What age will {he} reach {n} years from today?"),
]
ONE_AGO = [
    T("How old was {he} {n} years ago?"),
    T("What was {his} age {n} years ago?"),
    T("Find how old {he} was {n} years back."),
    T("How old was {he} {n} years earlier?"),
    H("What age had {he} reached {n} years before now?"),
]
ONE_LATER_ONE = [
    T("If {name} is {age} now, how old will {he} be in {n} years?"),
    T("How old will {name} be in {n} years if {he} is {age} today?"),
    T("{name} is {age}; how old will {he} be {n} years from now?"),
    H("Starting from age {age}, how old is {name} after another {n} years?"),
]
ONE_AGO_ONE = [
    T("If {name} is {age} now, how old was {he} {n} years ago?"),
    T("How old was {name} {n} years ago if {he} is {age} today?"),
    T("{name} is {age}; what was {his} age {n} years ago?"),
    H("Going back {n} years from age {age}, how old was {name} then?"),
]
LATER_FACT = [
    T("In {n} years {name} will be {later}."),
    T("{name} will be {later} in {n} years."),
    T("{n} years from now, {name} will be {later} years old."),
    T("{name} turns {later} in {n} years' time."),
    H("After {n} more birthdays, {name} will be {later}."),
]
AGO_FACT = [
    T("{n} years ago {name} was {earlier}."),
    T("{name} was {earlier} years old {n} years ago."),
    T("{n} years ago, {name} was {earlier} years old."),
    T("{name} was {earlier} years old {n} years back."),
    H("Back {n} years, {name}'s age was {earlier}."),
]
ASK_NOW_PRON = [
    T("How old is {he} now?"),
    T("What is {his} age now?"),
    T("How old is {name} today?"),
    T("Find {his} present age."),
    H("What age has {he} reached by now?"),
]
NOW_FROM_LATER_ONE = [
    T("How old is {name} now if {he} will be {later} in {n} years?"),
    T("If {name} will be {later} in {n} years, how old is {he} now?"),
    T("{name} will be {later} in {n} years; how old is {he} today?"),
    H("Work out {name}'s present age if {he} turns {later} in {n} years."),
]
NOW_FROM_AGO_ONE = [
    T("How old is {name} now if {he} was {earlier} years old {n} years ago?"),
    T("If {n} years ago {name} was {earlier}, what is {his} age today?"),
    T("{n} years ago {name} was {earlier}; how old is {he} now?"),
    H("Work out {name}'s present age if {he} was {earlier} years old {n} years back."),
]

# ---------------------------------------------------------------- the age difference stays the same
BOTH_AGES = [
    T("{old} is {old_age} and {young} is {young_age}."),
    T("{young} is {young_age} years old and {old} is {old_age}."),
    T("{old} is {old_age} years old; {young} is {young_age}."),
    T("Right now {young} is {young_age} and {old} is {old_age}."),
    H("{young}'s age is {young_age}, while {old}'s is {old_age}."),
]
ASK_GAP = [
    T("How many years older than {young} will {old} be in {n} years?"),
    T("How much older will {old} be than {young} in {n} years?"),
    T("In {n} years, what will the difference between their ages be?"),
    T("What will the age difference between {old} and {young} be {n} years from now?"),
    H("Once {n} more years have passed, by how many years will {old} be older than {young}?"),
]
GAP_ONE = [
    T("How much older than {young} will {old} be in {n} years, if {old} is {old_age} now and {young} is {young_age}?"),
    T("If {young} is {young_age} and {old} is {old_age}, what will the difference in their ages be in {n} years?"),
    T("{old} is {old_age} and {young} is {young_age}; how many years older will {old} be {n} years from now?"),
    H("With {old} aged {old_age} and {young} aged {young_age}, how big is their age gap {n} years later?"),
]
ASK_WHEN = [
    T("How old will {asked} be when {other} is {target}?"),
    T("When {other} is {target}, how old will {asked} be?"),
    T("What will {asked}'s age be when {other} turns {target}?"),
    T("Find {asked}'s age at the time {other} is {target}."),
    H("By the time {other} reaches {target}, what age will {asked} be?"),
]
WHEN_ONE = [
    T("If {old} is {old_age} and {young} is {young_age}, how old will {asked} be when {other} is {target}?"),
    T("How old will {asked} be when {other} is {target}, if {young} is {young_age} now and {old} is {old_age}?"),
    T("{young} is {young_age} and {old} is {old_age}; how old will {asked} be when {other} turns {target}?"),
    H("Given ages of {young_age} for {young} and {old_age} for {old}, how old is {asked} going to be when {other} is {target}?"),
]

# An older relative of the younger person, chosen by the age gap, so that a mother is never three
# years older. Only older relatives: "Kim is 25 years older than Kim's nephew" reads oddly.
OLDER_REL = {
    "sib": ["older brother", "older sister", "cousin"],
    "parent": ["mother", "father", "aunt", "uncle"],
    "grand": ["grandmother", "grandfather"],
}
FRACTIONS = {
    2: (["half"], ["half", "half of", "one half of"]),
    3: (["a third", "one third"], ["a third of", "one third of"]),
    4: (["a quarter", "one quarter"], ["a quarter of", "one quarter of"]),
}
KINDS = [
    "times_later",
    "older_ago",
    "sum_diff",
    "times_now",
    "times_back",
    "fraction_of",
    "older_now",
    "younger_now",
    "one_later",
    "one_ago",
    "now_from_later",
    "now_from_ago",
    "gap_same",
    "gap_when",
]


def pair(rng: random.Random, gap: int) -> tuple[str, str]:
    """The older and the younger person: two names, or a name and an older relative that fits the gap."""
    a, b = people(rng, 2)
    band = "grand" if gap >= 45 else "parent" if gap >= 18 else "sib"
    return (a, b) if rng.random() < 0.6 else (f"{b}'s {rng.choice(OLDER_REL[band])}", b)


def times_words(k: int, rng: random.Random) -> str:
    return rng.choice(["twice", "two times", "2 times"]) if k == 2 else f"{num(k, rng, 0.5)} times"


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    b_age = rng.randint(3, 15)
    n = rng.randint(2, 10)
    kind = rng.choice(KINDS)
    v: dict[str, object] = {"n": num(n, rng)}
    steps: list[str] = []
    shuffle = True
    if kind in ("times_later", "times_now", "times_back", "fraction_of"):
        k = rng.randint(2, 4)
        big, small = pair(rng, (k - 1) * b_age)
        v.update(
            big=big,
            small=small,
            k=num(k, rng, 0.5),
            k_times=times_words(k, rng),
            frac=rng.choice(FRACTIONS[k][0]),
            frac_of=rng.choice(FRACTIONS[k][1]),
        )
        if kind == "times_later":
            line, big_age = step(b_age, "*", k)
            steps.append(line)
            line, ans = step(big_age, "+", n)
            steps.append(line)
            v.update(known=small, age=b_age, asked=big)
            forms = [[KNOWN, TIMES, ASK_LATER], [TIMES_SMALL_KNOWN, ASK_LATER], [TIMES_LATER_ONE]]
        elif kind == "times_now":
            line, ans = step(b_age, "*", k)
            steps.append(line)
            v.update(known=small, age=b_age, asked=big)
            forms = [[KNOWN, TIMES, ASK_NOW], [TIMES_SMALL_KNOWN, ASK_NOW], [TIMES_NOW_ONE]]
        else:
            # The older one's age is given; the younger one's is a division.
            line, ans = step(b_age * k, "/", k)
            steps.append(line)
            v.update(known=big, age=b_age * k, asked=small)
            forms = (
                [[KNOWN, TIMES, ASK_NOW], [TIMES_BIG_KNOWN, ASK_NOW], [TIMES_BACK_ONE]]
                if kind == "times_back"
                else [[KNOWN, FRACTION, ASK_NOW], [FRACTION_BIG_KNOWN, ASK_NOW], [FRACTION_ONE]]
            )
    elif kind in ("older_ago", "older_now", "younger_now"):
        d = rng.randint(n, n + 20) if kind == "older_ago" else rng.randint(2, 30)
        old, young = pair(rng, d)
        v.update(old=old, young=young, d=num(d, rng))
        if kind == "younger_now":
            line, ans = step(b_age + d, "-", d)
            steps.append(line)
            v.update(known=old, age=b_age + d, asked=young)
            forms = [[KNOWN, OLDER, ASK_NOW], [OLDER_OLD_KNOWN, ASK_NOW], [YOUNGER_NOW_ONE]]
        else:
            line, ans = step(b_age, "+", d)
            steps.append(line)
            v.update(known=young, age=b_age, asked=old)
            forms = [[KNOWN, OLDER, ASK_NOW], [OLDER_YOUNG_KNOWN, ASK_NOW], [OLDER_NOW_ONE]]
            if kind == "older_ago":
                line, ans = step(ans, "-", n)
                steps.append(line)
                forms = [[KNOWN, OLDER, ASK_AGO], [OLDER_YOUNG_KNOWN, ASK_AGO], [OLDER_AGO_ONE]]
    elif kind == "sum_diff":
        d = rng.randint(2, 12)
        s = 2 * b_age + d
        old, young = people(rng, 2)
        line, twice = step(s, "-", d)
        steps.append(line)
        line, ans = step(twice, "/", 2)
        steps.append(line)
        asked = rng.choice([old, young])
        if asked == old:
            line, ans = step(ans, "+", d)
            steps.append(line)
        v.update(old=old, young=young, s=s, d=num(d, rng), asked=asked)
        forms = [[SUM, OLDER, ASK_NOW], [SUM_AND_OLDER, ASK_NOW], [SUM_DIFF_ONE]]
    elif kind in ("one_later", "one_ago", "now_from_later", "now_from_ago"):
        name = people(rng, 1)[0]
        v.update(name=name, he=pronoun(name), his=possessive(name))
        shuffle = False  # the question says "he" or "she": the name comes first
        if kind == "one_later":
            line, ans = step(b_age, "+", n)
            v.update(known=name, age=b_age)
            forms = [[KNOWN, ONE_LATER], [ONE_LATER_ONE]]
        elif kind == "one_ago":
            line, ans = step(b_age + n, "-", n)
            v.update(known=name, age=b_age + n)
            forms = [[KNOWN, ONE_AGO], [ONE_AGO_ONE]]
        elif kind == "now_from_later":
            line, ans = step(b_age + n, "-", n)
            v.update(later=b_age + n)
            forms = [[LATER_FACT, ASK_NOW_PRON], [NOW_FROM_LATER_ONE]]
        else:
            line, ans = step(b_age, "+", n)
            v.update(earlier=b_age)
            forms = [[AGO_FACT, ASK_NOW_PRON], [NOW_FROM_AGO_ONE]]
        steps.append(line)
    else:
        d = rng.randint(2, 30)
        old, young = pair(rng, d)
        v.update(old=old, young=young, old_age=b_age + d, young_age=b_age)
        line, gap = step(b_age + d, "-", b_age)
        steps.append(line)
        ans = gap
        forms = [[BOTH_AGES, ASK_GAP], [GAP_ONE]]
        if kind == "gap_when":
            # The gap stays the same: the asked one is the gap above (or below) the other's age then.
            later = rng.randint(2, 20)
            if rng.random() < 0.5:
                v.update(asked=old, other=young, target=b_age + later)
                line, ans = step(b_age + later, "+", gap)
            else:
                v.update(asked=young, other=old, target=b_age + d + later)
                line, ans = step(b_age + d + later, "-", gap)
            steps.append(line)
            forms = [[BOTH_AGES, ASK_WHEN], [WHEN_ONE]]
    return Example("ages", compose(rng, forms, which, shuffle_facts=shuffle, **v), steps, str(ans), {"kind": kind})
