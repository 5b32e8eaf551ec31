"""Sums and differences, v4's new kinds: money, decimals, bigger numbers and a "times" relation.

v3 works the sum-and-difference problem only on whole counts below 700, always from the larger
number ((s + d) / 2) and always said with "more than" or "differ by". v4 adds prices (price_pair: a
book and a pen cost $13 together, the book costs $9 more; the cheaper found first as (s - d) / 2,
and in pence), decimals (decimal_pair: the sum 10.5, one 2.5 less than the other), numbers in the
thousands said with "less than" and "greater by" (big_pair), and two numbers from their sum when one
is k times the other (times_sum: the sum is k + 1 equal parts).
"""
from __future__ import annotations

import random
from fractions import Fraction

from ..compose import compose
from ..example import Example, Level
from ..families_v3.sum_difference import ASK_NUMBER
from ..latex import decimal_step, fmt_decimal, step
from ..names import person
from ..phrasing import H, T, num
from ..registry import Templates

# ---------------------------------------------------------------- two prices from their total and difference
# Pairs of things bought together, the dearer first, and a price range in dollars: the cheaper costs from a
# quarter of the low end to half the high end, and so does the difference.
PAIRS = [("book", "pen", 6, 30), ("bat", "ball", 5, 60), ("shirt", "tie", 12, 60), ("lamp", "bulb", 8, 45),
         ("racket", "set of balls", 20, 120), ("jacket", "hat", 25, 150), ("bike", "helmet", 90, 600),
         ("pizza", "drink", 6, 25), ("backpack", "water bottle", 15, 80), ("board game", "deck of cards", 10, 50)]
CURRENCIES = ["$", "£", "€"]
PRICE_TOTAL = [
    T("A {dear} and a {cheap} cost {total} together."),
    T("{name} pays {total} for a {dear} and a {cheap}."),
    T("Together, a {dear} and a {cheap} cost {total}."),
    T("The total price of a {dear} and a {cheap} is {total}."),
    T("{name} buys a {dear} and a {cheap} for {total} in all."),
    H("Ringing up a {dear} with a {cheap} comes to {total} at the till."),
]
PRICE_MORE = [
    T("The {dear} costs {d} more than the {cheap}."),
    T("The {cheap} costs {d} less than the {dear}."),
    T("The {dear} is {d} dearer than the {cheap}."),
    T("The {cheap} is {d} cheaper than the {dear}."),
    T("The price of the {dear} is greater than that of the {cheap} by {d}."),
    H("Swap the {cheap} for the {dear} and you pay {d} extra."),
]
PRICE_ASK = [
    T("How much does the {asked} cost?"),
    T("What is the price of the {asked}?"),
    T("Find the cost of the {asked}."),
    T("Work out how much the {asked} costs."),
    H("What does the {asked} sell for on its own?"),
]
PRICE_ONE = [
    T("A {dear} and a {cheap} cost {total} together, and the {dear} costs {d} more than the {cheap}. How much does the {asked} cost?"),
    T("How much is the {asked} if a {dear} and a {cheap} cost {total} and the {cheap} is {d} cheaper?"),
    T("If a {dear} and a {cheap} cost {total} in total and the {dear} costs {d} more, what is the price of the {asked}?"),
    H("For {total} you get a {dear} plus a {cheap}; the {dear} is {d} pricier. Give the price of the {asked}."),
]

# ---------------------------------------------------------------- two numbers (decimals or thousands)
TWO_SUM = [
    T("The sum of two numbers is {s}."),
    T("Two numbers add up to {s}."),
    T("Two numbers have a total of {s}."),
    T("When two numbers are added, the result is {s}."),
    H("Put two numbers together and they make {s}."),
]
# After TWO_SUM: "one" and "the other" refer back to the two numbers.
TWO_REL = [
    T("One of them is {d} less than the other."),
    T("One is {d} more than the other."),
    T("The larger is greater than the smaller by {d}."),
    T("The smaller is {d} less than the larger."),
    T("One number is greater than the other by {d}."),
    H("Taking {d} off the larger leaves the smaller."),
]
REL_FIRST = [
    T("One number is {d} less than another."),
    T("One number is greater than another by {d}."),
    T("Of two numbers, the smaller is {d} less than the larger."),
    T("One number is {d} more than a second number."),
    H("Two numbers are {d} apart."),
]
SUM_SECOND = [
    T("Their sum is {s}."),
    T("Together they make {s}."),
    T("They add up to {s}."),
    T("The two numbers total {s}."),
    H("Combined, they come to {s}."),
]
TWO_ONE = [
    T("The sum of two numbers is {s} and one is {d} less than the other; find the {which_one}."),
    T("Find the {which_one} of two numbers whose sum is {s} if one is greater than the other by {d}."),
    T("What is the {which_one} of two numbers that add up to {s} when the larger is {d} more than the smaller?"),
    T("Two numbers total {s}, and the smaller is {d} less than the larger. What is the {which_one}?"),
    H("Two numbers make {s} in total and sit {d} apart. Give the {which_one}."),
]

# ---------------------------------------------------------------- one number k times the other
TIMES_REL = [
    T("One number is {k_times} another."),
    T("One number is {k_times} as big as another."),
    T("Of two numbers, the larger is {k_times} the smaller."),
    T("The larger of two numbers is {k_times} the smaller."),
    H("Multiplying the smaller of two numbers by {k} gives the larger."),
]
# After TWO_SUM: the relation between the two numbers just mentioned.
TIMES_REL_AFTER = [
    T("One of them is {k_times} the other."),
    T("The larger is {k_times} the smaller."),
    T("One is {k_times} as big as the other."),
    T("The bigger number is {k_times} the smaller one."),
    H("Multiply the smaller by {k} and you reach the larger."),
]
TIMES_ONE = [
    T("One number is {k_times} another, and their sum is {s}. What is the {which_one} number?"),
    T("Find the {which_one} of two numbers if one is {k_times} the other and they add up to {s}."),
    T("Two numbers add up to {s} and the larger is {k_times} the smaller; find the {which_one}."),
    T("What is the {which_one} of two numbers whose sum is {s} if one is {k_times} the other?"),
    H("{s} is split into two numbers, one being {k_times} the other. Give the {which_one}."),
]

KINDS = ["price_pair", "price_pair", "decimal_pair", "big_pair", "times_sum"]


def times_words(k: int, rng: random.Random) -> str:
    return rng.choice(["twice", "two times", "double"]) if k == 2 else rng.choice([f"{num(k, rng, 0.5)} times", f"{k} times"])


def fmt_money(amount: Fraction) -> str:
    """A price as written in a story: 13 or 13.50, never 13.5."""
    return fmt_decimal(amount) if amount.denominator == 1 else f"{float(amount):.2f}"


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    kind = rng.choice(KINDS)
    steps: list[str] = []
    if kind == "price_pair":
        dear_name, cheap_name, low, high = rng.choice(PAIRS)
        symbol = rng.choice(CURRENCIES)
        # Whole amounts mostly; in cents sometimes (both prices, so that the half of s - d is a price).
        cents = rng.random() < 0.35
        unit = 1 if cents else 100
        lo, hi = max(1, low * 100 // 4 // unit), high * 100 // 2 // unit
        cheap = rng.randint(lo, hi) * unit
        dear = cheap + rng.randint(lo, hi) * unit
        total, d = Fraction(cheap + dear, 100), Fraction(dear - cheap, 100)
        asked = rng.choice([dear_name, cheap_name])
        # The cheaper first: take the difference away, and two equal prices are left.
        text, twice = decimal_step(total, "-", d)
        steps.append(text)
        text, ans = decimal_step(twice, "/", 2)
        steps.append(text)
        if asked == dear_name:
            text, ans = decimal_step(ans, "+", d)
            steps.append(text)
        q = compose(rng, [[PRICE_TOTAL, PRICE_MORE, PRICE_ASK], [PRICE_MORE, PRICE_TOTAL, PRICE_ASK], [PRICE_ONE]], which,
                    name=person(rng), dear=dear_name, cheap=cheap_name, asked=asked,
                    total=f"{symbol}{fmt_money(total)}", d=f"{symbol}{fmt_money(d)}")
        return Example("sum_difference", q, steps, fmt_decimal(ans), {"kind": kind})
    if kind == "times_sum":
        k = rng.randint(2, 9)
        small = rng.randint(2, lv.max_big // 5)
        s = (k + 1) * small
        which_one = rng.choice(["larger", "smaller", "bigger", "greater"])
        parts_line, parts = step(k, "+", 1)
        steps.append(parts_line)
        text, ans = step(s, "/", parts)
        steps.append(text)
        if which_one != "smaller":
            text, ans = step(ans, "*", k)
            steps.append(text)
        forms = [[TWO_SUM, TIMES_REL_AFTER, ASK_NUMBER], [TIMES_REL, SUM_SECOND, ASK_NUMBER], [TIMES_ONE]]
        q = compose(rng, forms, which, s=s, k=k, k_times=times_words(k, rng), which_one=which_one)
        return Example("sum_difference", q, steps, str(ans), {"kind": kind})
    which_one = rng.choice(["larger", "smaller", "bigger", "greater"])
    if kind == "decimal_pair":
        # Tenths mostly, hundredths sometimes: s - d is even in the last place so that its half ends.
        scale = rng.choice([10, 10, 100])
        small_u = rng.randint(5, lv.max_big * scale // 10)
        d_u = rng.randint(1, lv.max_big * scale // 10)
        s, d = Fraction(2 * small_u + d_u, scale), Fraction(d_u, scale)
    else:
        small_u = rng.randint(lv.max_big, lv.max_big * 15)
        d_u = rng.randint(10, lv.max_big * 5)
        s, d = Fraction(2 * small_u + d_u), Fraction(d_u)
    # v3 starts from the larger ((s + d) / 2); here the smaller comes first, (s - d) / 2.
    text, twice = decimal_step(s, "-", d)
    steps.append(text)
    text, ans = decimal_step(twice, "/", 2)
    steps.append(text)
    if which_one != "smaller":
        text, ans = decimal_step(ans, "+", d)
        steps.append(text)
    forms = [[TWO_SUM, TWO_REL, ASK_NUMBER], [REL_FIRST, SUM_SECOND, ASK_NUMBER], [TWO_ONE]]
    q = compose(rng, forms, which, s=fmt_decimal(s), d=fmt_decimal(d), which_one=which_one)
    return Example("sum_difference", q, steps, fmt_decimal(ans), {"kind": kind})

