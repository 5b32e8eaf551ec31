"""Simple interest: the interest earned, or the total amount, on a principal at a yearly rate."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import step
from ..names import person, pronoun
from ..phrasing import H, T, fill, num
from ..registry import Templates

INTEREST = [T("{name} puts ${p} in a savings account that pays {r}% simple interest per year. How much interest does {he} earn in {t} years?"),
            T("Find the simple interest on ${p} at {r}% per year for {t} years."),
            T("How much simple interest is earned on a deposit of ${p} at a yearly rate of {r}% over {t} years?"),
            T("A loan of ${p} is charged {r}% simple interest a year. What is the interest after {t} years?"),
            H("Calculate the interest on ${p} invested for {t} years at {r}% per year, simple interest."),
            H("What interest does ${p} earn in {t} years if the simple interest rate is {r}% per annum?")]
AMOUNT = [T("{name} invests ${p} at {r}% simple interest per year. How much money will {he} have after {t} years?"),
          T("${p} is deposited at {r}% simple interest a year. What is the total amount after {t} years?"),
          T("Find the total amount owed on a loan of ${p} at {r}% simple interest per year after {t} years."),
          H("After {t} years at {r}% simple interest per year, what does a deposit of ${p} grow to?")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    name = person(rng)
    r = rng.choice([2, 3, 4, 5, 6, 8, 10, 12])
    p = rng.randint(1, max(2, lv.max_big // 50)) * 100
    t = rng.randint(2, 10)
    steps: list[str] = []
    line, prod = step(p, "*", r)
    steps.append(line)
    line, yearly = step(prod, "/", 100)
    steps.append(line)
    line, interest = step(yearly, "*", t)
    steps.append(line)
    if rng.random() < 0.6:
        q = fill(rng, INTEREST, which, name=name, he=pronoun(name), p=p, r=r, t=num(t, rng))
        return Example("simple_interest", q, steps, str(interest), {"kind": "interest"})
    line, total = step(p, "+", interest)
    steps.append(line)
    q = fill(rng, AMOUNT, which, name=name, he=pronoun(name), p=p, r=r, t=num(t, rng))
    return Example("simple_interest", q, steps, str(total), {"kind": "amount"})
