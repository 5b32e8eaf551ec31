"""Ratios and proportions, v4's new kinds: shares named by size, groups from their total, amounts of
money between people, a share from the difference of shares, and three-part ratios.

v3 shares an amount between two people and asks for the first or the second share, always writes a
ratio "5:3" or "5 : 3", and compares counts of two groups only when one count is given. v4 asks for
the smaller or the larger share of a bare number (share_size: "divide 72 in the ratio 5 to 3"), one
group from the total of both (group_from_total: 56 cats and dogs in the ratio 3:5), one person's
money from another's (money_part: Ava's savings to Ben's is 3:4), a share from how much more one gets
(share_from_difference: p - q parts are the difference), and sharing in a : b : c among three people
(three_way).
"""
from __future__ import annotations

import math
import random

from ..compose import compose
from ..example import Example, Level
from ..latex import StepLines
from ..names import people
from ..phrasing import H, T, num
from ..registry import Templates

CURRENCIES = ["$", "£", "€"]

# ---------------------------------------------------------------- the smaller or larger share of a number
DIVIDE = [
    T("Divide {total} in the ratio {r}."),
    T("{total} is divided in the ratio {r}."),
    T("Share {total} in the ratio {r}."),
    T("Split {total} into two parts in the ratio {r}."),
    H("Cut {total} into two pieces whose sizes are in the ratio {r}."),
]
SIZE_ASK = [
    T("What is the {size} share?"),
    T("Find the {size} part."),
    T("How big is the {size} part?"),
    T("What is the {size} of the two parts?"),
    H("Give the value of the {size} piece."),
]
SIZE_ONE = [
    T("What is the {size} share when {total} is divided in the ratio {r}?"),
    T("Find the {size} part if {total} is shared in the ratio {r}."),
    T("If {total} is split in the ratio {r}, how big is the {size} part?"),
    T("Divide {total} in the ratio {r} and give the {size} share."),
    H("Of the two parts you get from {total} in the ratio {r}, which value is the {size}?"),
]

# ---------------------------------------------------------------- one group from the total
SCENES = [("cats", "dogs", "at the shelter"), ("boys", "girls", "at the school"), ("red beads", "blue beads", "in the jar"),
          ("adults", "children", "at the concert"), ("apples", "pears", "in the crate"), ("cars", "vans", "in the car park"),
          ("sheep", "cows", "on the farm"), ("fiction books", "non-fiction books", "on the shelf"),
          ("roses", "tulips", "in the garden"), ("chickens", "ducks", "in the yard")]
GROUP_TOTAL = [
    T("There are {total} {x} and {y} {where}."),
    T("{where} there are {total} {x} and {y} altogether."),
    T("Altogether {total} {x} and {y} are {where}."),
    T("The number of {x} and {y} {where} is {total} in all."),
    H("Counting both {x} and {y} {where} gives {total}."),
]
GROUP_RATIO = [
    T("The ratio of {x} to {y} is {r}."),
    T("{x} and {y} are in the ratio {r}."),
    T("For every {p} {x} there are {q} {y}."),
    T("The {x} and the {y} are in the ratio {r}."),
    H("Each group of {p} {x} is matched by {q} {y}."),
]
GROUP_ASK = [
    T("How many {asked} are there?"),
    T("Find the number of {asked}."),
    T("How many of them are {asked}?"),
    T("Work out how many {asked} there are."),
    H("So how many {asked} are {where}?"),
]
GROUP_ONE = [
    T("There are {total} {x} and {y} {where} in the ratio {r}. How many {asked} are there?"),
    T("How many {asked} are there if the {total} {x} and {y} {where} are in the ratio {r}?"),
    T("The ratio of {x} to {y} {where} is {r}, and there are {total} of them in all. How many are {asked}?"),
    H("{where} the {total} {x} and {y} split {r}. Give the number of {asked}."),
]

# ---------------------------------------------------------------- one person's amount from another's
# What two people have, and whether it is money (or a count of things).
HOLDINGS = [("savings", True), ("money", True), ("stickers", False), ("marbles", False), ("stamps", False)]
MONEY_RATIO = [
    T("The ratio of {a}'s {stuff} to {b}'s is {r}."),
    T("{a}'s {stuff} and {b}'s are in the ratio {r}."),
    T("{a} and {b} have {stuff} in the ratio {r}."),
    T("For every {p_amount} {a} has, {b} has {q_amount}."),
    H("Compare {a}'s {stuff} with {b}'s and you get the ratio {r}."),
]
MONEY_KNOWN = [
    T("{known} has {amount}."),
    T("{known} has got {amount}."),
    T("{known} has {amount} in all."),
    T("{known} owns {amount}."),
    H("Counting up, {known} finds {amount}."),
]
MONEY_ASK = [
    T("{how} does {asked} have?"),
    T("{how} has {asked} got?"),
    T("Find {how_lower} {asked} has."),
    T("Work out {how_lower} {asked} has."),
    H("Then {how_lower} does {asked} hold?"),
]
MONEY_ONE = [
    T("The ratio of {a}'s {stuff} to {b}'s is {r}. If {known} has {amount}, {how_lower} does {asked} have?"),
    T("{how} does {asked} have if {known} has {amount} and {a}'s and {b}'s {stuff} are in the ratio {r}?"),
    T("{a} and {b} have {stuff} in the ratio {r}, and {known} has {amount}. {how} does {asked} have?"),
    H("With {a}'s and {b}'s {stuff} in the ratio {r} and {amount} for {known}, {how_lower} does {asked} hold?"),
]

# ---------------------------------------------------------------- a share from the difference of the shares
SHARE = [
    T("{a} and {b} share some {what} in the ratio {r}."),
    T("{a} and {b} split the {what} in the ratio {r}."),
    T("{a} and {b} divide some {what} between them in the ratio {r}."),
    T("{a} and {b} share the {what} in the ratio {r}."),
    H("A pile of {what} goes to {a} and {b}, split {r}."),
]
MORE = [
    T("{big} gets {d} more than {small}."),
    T("{small} gets {d} less than {big}."),
    T("{big}'s share is {d} more than {small}'s."),
    T("The difference between their shares is {d}."),
    H("{big} ends up {d} ahead of {small}."),
]
DIFF_ASK = [
    T("How much does {asked} get?"),
    T("What is {asked}'s share?"),
    T("Find {asked}'s share."),
    T("{how} does {asked} receive?"),
    H("Then what does {asked} walk away with?"),
]
DIFF_TOTAL_ASK = [
    T("{how} do they share altogether?"),
    T("What is the total amount shared?"),
    T("Find the total they share."),
    T("{how} do they share in all?"),
    H("What was the whole amount before it was split?"),
]

# ---------------------------------------------------------------- three-part ratios
THREE = [
    T("{a}, {b} and {c} share {total} in the ratio {r}."),
    T("{total} is shared among {a}, {b} and {c} in the ratio {r}."),
    T("{a}, {b} and {c} divide {total} between them in the ratio {r}."),
    T("{total} is split between {a}, {b} and {c} in the ratio {r}."),
    H("{a}, {b} and {c} receive {total} in all, in the ratio {r}."),
]
THREE_ASK = [
    T("How much does {asked} get?"),
    T("What is {asked}'s share?"),
    T("Find {asked}'s share."),
    T("How much does {asked} receive?"),
    H("So what does {asked} end up with?"),
]
THREE_ONE = [
    T("If {total} is shared among {a}, {b} and {c} in the ratio {r}, how much does {asked} get?"),
    T("How much does {asked} receive when {a}, {b} and {c} share {total} in the ratio {r}?"),
    T("{a}, {b} and {c} share {total} in the ratio {r}. Find {asked}'s share."),
    H("Split {total} among {a}, {b} and {c} as {r}: what is {asked}'s part?"),
]

KINDS = ["share_size", "group_from_total", "money_part", "share_from_difference", "three_way"]


def ratio(rng: random.Random, *terms: int) -> str:
    """A ratio as written in books and typed by students: 5:3, 5 : 3, 5 to 3 (two terms only)."""
    style = rng.choice([":", " : ", " to "] if len(terms) == 2 else [":", " : "])
    return style.join(str(t) for t in terms)


def distinct_coprime(rng: random.Random, top: int) -> tuple[int, int]:
    """Two different terms from 2 up with no common factor, as a ratio is stated ("for every 1 roses" reads badly)."""
    while True:
        p, q = rng.randint(2, top), rng.randint(2, top)
        if p != q and math.gcd(p, q) == 1:
            return p, q


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    kind = rng.choice(KINDS)
    steps = StepLines()
    line = steps.whole

    def done(forms: list, answer: int, **values: object) -> Example:
        return Example("ratio_proportion", compose(rng, forms, which, **values), steps, str(answer), {"kind": kind})

    # v3's unit share stays below 22; here it reaches into the hundreds.
    unit = rng.randint(2, lv.max_big // 10)
    if kind in ("share_size", "group_from_total"):
        p, q = distinct_coprime(rng, 12)
        if kind == "group_from_total":
            # A shelter or a garden holds dozens or hundreds, not thousands.
            unit = rng.randint(2, lv.max_small)
        total = (p + q) * unit
        parts = line(p, "+", q)
        per = line(total, "/", parts)
        if kind == "share_size":
            size = rng.choice(["smaller", "larger", "bigger"])
            ans = line(per, "*", min(p, q) if size == "smaller" else max(p, q))
            return done([[DIVIDE, SIZE_ASK], [SIZE_ONE]], ans, total=total, r=ratio(rng, p, q), size=size)
        x, y, where = rng.choice(SCENES)
        first = rng.random() < 0.5
        ans = line(per, "*", p if first else q)
        forms = [[GROUP_TOTAL, GROUP_RATIO, GROUP_ASK], [GROUP_RATIO, GROUP_TOTAL, GROUP_ASK], [GROUP_ONE]]
        return done(forms, ans, total=total, x=x, y=y, where=where, p=num(p, rng), q=num(q, rng), r=ratio(rng, p, q),
                    asked=x if first else y)
    a, b, c = people(rng, 3)
    sym = rng.choice(CURRENCIES)
    if kind == "money_part":
        p, q = distinct_coprime(rng, 9)
        stuff, cash = rng.choice(HOLDINGS)
        unit = rng.randint(2, lv.max_big // 20)
        # Either person may be the one whose amount is given: the second's given and the first asked too.
        first = rng.random() < 0.5
        known, asked = (a, b) if first else (b, a)
        per = line(unit * (p if first else q), "/", p if first else q)
        ans = line(per, "*", q if first else p)

        def amount(n: int) -> str:
            return f"{sym}{n}" if cash else f"{n} {stuff}"
        forms = [[MONEY_RATIO, MONEY_KNOWN, MONEY_ASK], [MONEY_KNOWN, MONEY_RATIO, MONEY_ASK], [MONEY_ONE]]
        how = "How much" if cash else f"How many {stuff}"
        return done(forms, ans, a=a, b=b, known=known, asked=asked, stuff=stuff, r=ratio(rng, p, q), how=how, how_lower=how.lower(),
                    p_amount=amount(p), q_amount=amount(q), amount=amount(unit * (p if first else q)))
    if kind == "share_from_difference":
        p, q = distinct_coprime(rng, 9)
        big, small = (a, b) if p > q else (b, a)
        d = abs(p - q) * unit
        cash = rng.random() < 0.6
        what = "money" if cash else rng.choice(["sweets", "stickers", "marbles", "cards"])
        gap = line(max(p, q), "-", min(p, q))
        per = line(d, "/", gap)
        shown_d = f"{sym}{d}" if cash else f"{d} {what}"
        values = {"a": a, "b": b, "big": big, "small": small, "r": ratio(rng, p, q), "d": shown_d, "what": what,
                  "how": "How much" if cash else f"How many {what}"}
        if rng.random() < 0.3:
            parts = line(p, "+", q)
            ans = line(per, "*", parts)
            return done([[SHARE, MORE, DIFF_TOTAL_ASK]], ans, **values)
        asked = rng.choice([a, b])
        ans = line(per, "*", p if asked == a else q)
        return done([[SHARE, MORE, DIFF_ASK]], ans, asked=asked, **values)
    terms = [rng.randint(1, 9) for _ in range(3)]
    while len(set(terms)) == 1 or math.gcd(*terms) != 1:
        terms = [rng.randint(1, 9) for _ in range(3)]
    unit = rng.randint(2, lv.max_big // 20)
    total = sum(terms) * unit
    two = line(terms[0], "+", terms[1])
    parts = line(two, "+", terms[2])
    per = line(total, "/", parts)
    i = rng.randrange(3)
    ans = line(per, "*", terms[i])
    shown = f"{sym}{total}" if rng.random() < 0.7 else f"{total} {rng.choice(['sweets', 'stickers', 'points'])}"
    return done([[THREE, THREE_ASK], [THREE_ONE]], ans, a=a, b=b, c=c, asked=[a, b, c][i], total=shown, r=ratio(rng, *terms))

