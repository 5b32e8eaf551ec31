"""Simple interest, v4's new kinds: decimal rates, time in months, other currencies and terse questions.

v3's rates are whole percents, its times whole years and its money whole dollars. v4 adds rates such
as 3.5% or 4.25% (decimal_rate: the principal times the rate is a decimal step), times given in months
(months: 18 months is 18 ÷ 12 = 1.5 years, first), and for both the interest or the total owed / the
amount after (principal + interest), in dollars, pounds, euros or bare numbers, and sometimes asked
tersely ("simple interest on 5000 at 4 percent for 3 years").
"""
from __future__ import annotations

import random
from fractions import Fraction

from ..compose import compose
from ..example import Example, Level
from ..latex import decimal_step, fmt_decimal
from ..names import person, pronoun
from ..phrasing import H, T
from ..registry import Templates

# A savings place or a loan, and what the story calls it afterwards.
SAVE = [("savings account", "account"), ("bank account", "account"), ("term deposit", "deposit"), ("savings bond", "bond")]
LOAN = [("loan", "loan"), ("car loan", "loan"), ("student loan", "loan"), ("bank loan", "loan")]

# ---------------------------------------------------------------- saving
S_PRINCIPAL = [
    T("{name} puts {p} into a {place}."),
    T("{name} deposits {p} in a {place}."),
    T("{name} invests {p} in a {place}."),
    T("{name} saves {p} in a {place}."),
    H("{name} opens a {place} and pays in {p}."),
]
S_RATE = [
    T("The {short} pays {r} simple interest per year."),
    T("It earns simple interest at {r} a year."),
    T("The simple interest rate is {r} per annum."),
    T("The {short} earns {r} simple interest each year."),
    H("Every year the bank adds {r} of the original deposit as interest."),
]
S_TIME = [
    T("{he} leaves the money there for {t}."),
    T("The money stays in the {short} for {t}."),
    T("{he} keeps it there for {t}."),
    T("{he} does not touch it for {t}."),
    H("For {t} nothing is taken out."),
]
S_INTEREST = [
    T("How much interest does {he} earn?"),
    T("How much interest has the money earned?"),
    T("Find the interest earned."),
    T("Work out the simple interest earned."),
    H("What does the {short} pay out in interest over that time?"),
]
S_AMOUNT = [
    T("How much money does {he} have at the end?"),
    T("What is the total in the {short} then?"),
    T("Find the amount in the {short} at the end, deposit plus interest."),
    T("How much is the {short} worth at the end?"),
    H("What balance does {name} end up with?"),
]

# ---------------------------------------------------------------- borrowing
L_PRINCIPAL = [
    T("{name} borrows {p} from a bank."),
    T("{name} takes out a {place} of {p}."),
    T("{name} gets a {place} for {p}."),
    T("A bank lends {name} {p}."),
    H("{name} needs {p} and borrows it as a {place}."),
]
L_RATE = [
    T("The bank charges {r} simple interest per year."),
    T("The {short} has a simple interest rate of {r} a year."),
    T("Simple interest is charged at {r} per year."),
    T("The interest rate is {r} per annum, simple interest."),
    H("Every year the lender adds {r} of the amount borrowed as interest."),
]
L_TIME = [
    T("{he} pays it all back after {t}."),
    T("The {short} lasts {t}."),
    T("{he} repays it after {t}."),
    T("The {short} runs for {t}."),
    H("Nothing is paid back until {t} have gone by."),
]
L_INTEREST = [
    T("How much interest does {he} pay?"),
    T("How much interest is charged?"),
    T("Find the interest on the {short}."),
    T("Work out the simple interest owed."),
    H("What does the {short} cost in interest?"),
]
L_AMOUNT = [
    T("How much does {he} owe in total?"),
    T("What is the total amount owed?"),
    T("Find the total to repay, loan plus interest."),
    T("How much must {he} pay back altogether?"),
    H("What sum settles the {short} at the end?"),
]

# ---------------------------------------------------------------- no story
INTEREST_DIRECT = [
    T("Find the simple interest on {p} at {r} per year for {t}."),
    T("What is the simple interest on {p} for {t} at {r} a year?"),
    T("Simple interest on {p} at {r} for {t}?"),
    T("Calculate the simple interest on {p} at {r} per annum for {t}."),
    T("How much simple interest does {p} earn in {t} at {r} per year?"),
    H("At {r} a year simple interest, what interest is due on {p} after {t}?"),
]
AMOUNT_DIRECT = [
    T("What does {p} grow to in {t} at {r} simple interest per year?"),
    T("Find the total amount after {t} when {p} earns {r} simple interest a year."),
    T("How much is {p} worth after {t} at {r} per annum simple interest?"),
    T("Amount after {t} on {p} at {r} simple interest?"),
    H("With {r} yearly simple interest, what total will {p} reach by the end of {t}?"),
]

KINDS = ["decimal_rate", "months"]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    kind = rng.choice(KINDS)
    name = person(rng)
    # Hundreds mostly, thousands sometimes: interest on 100s at a rate in quarters keeps to cents.
    p = rng.randint(1, max(2, lv.max_big // 25)) * 100 if rng.random() < 0.7 else rng.randint(1, 40) * 500
    steps: list[str] = []
    if kind == "decimal_rate":
        rate = Fraction(rng.randint(2, 12)) + rng.choice([Fraction(1, 2), Fraction(1, 2), Fraction(1, 4), Fraction(3, 4)])
        years = Fraction(rng.randint(2, 10))
        t = f"{years} years"
    else:
        rate = Fraction(rng.choice([2, 3, 4, 5, 6, 8, 10, 12]))
        months = rng.choice([m for m in range(3, 61, 3) if m % 12])
        t = f"{months} months"
        # The rate is per year: the months become years first.
        text, years = decimal_step(months, "/", 12)
        steps.append(text)
    # v3's lines: the principal times the rate, over 100 (one year's interest), times the years.
    text, prod = decimal_step(p, "*", rate)
    steps.append(text)
    text, yearly = decimal_step(prod, "/", 100)
    steps.append(text)
    text, ans = decimal_step(yearly, "*", years)
    steps.append(text)
    amount = rng.random() < 0.4
    if amount:
        text, ans = decimal_step(p, "+", ans)
        steps.append(text)
    sym = rng.choice(["$", "£", "€", ""])
    percent = rng.choice(["%", "%", " percent"]) if sym == "" else "%"
    slots = {"name": name, "he": pronoun(name), "p": f"{sym}{p}", "r": f"{fmt_decimal(rate)}{percent}", "t": t}
    if sym == "":
        # A bare number is no story's money: only the terse, bookish questions.
        forms = [[AMOUNT_DIRECT if amount else INTEREST_DIRECT]]
    else:
        saving = rng.random() < 0.6
        place, short = rng.choice(SAVE if saving else LOAN)
        slots.update(place=place, short=short)
        principal, rate_s, time_s = (S_PRINCIPAL, S_RATE, S_TIME) if saving else (L_PRINCIPAL, L_RATE, L_TIME)
        ask = (S_AMOUNT if amount else S_INTEREST) if saving else (L_AMOUNT if amount else L_INTEREST)
        forms = [[principal, rate_s, time_s, ask], [principal, time_s, rate_s, ask], [AMOUNT_DIRECT if amount else INTEREST_DIRECT]]
    q = compose(rng, forms, which, **slots)
    return Example("simple_interest", q, steps, fmt_decimal(ans), {"kind": kind + ("_amount" if amount else "")})
