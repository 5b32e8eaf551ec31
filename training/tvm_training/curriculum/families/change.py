"""Change from a purchase, in dollars and cents."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..names import GOODS, person, pronoun
from ..phrasing import H, T, decimal, fill, money
from ..registry import Templates

ONE = [T("{name} buys a {g1} for {p1} and pays with a {bill} bill. How much change does {he} get?"),
       T("A {g1} costs {p1}. {name} pays with {bill}. How much change should {he} receive?"),
       T("How much change do you get from {bill} if you spend {p1}?"),
       H("{name} hands over {bill} for a {g1} priced at {p1}. What change is due?")]
TWO = [T("{name} buys a {g1} for {p1} and a {g2} for {p2}. {he_cap} pays with a {bill} bill. How much change does {he} get?"),
       T("A {g1} costs {p1} and a {g2} costs {p2}. If {name} pays {bill} for both, how much change is there?"),
       T("{name} spends {p1} on a {g1} and {p2} on a {g2}, paying with {bill}. What is the change?"),
       H("Paying with {bill} for a {g1} at {p1} and a {g2} at {p2}, how much does {name} get back?")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    name = person(rng)
    he = pronoun(name)
    g1, g2 = rng.sample(GOODS, 2)
    whole = rng.random() < 0.4
    cents = [rng.randint(1, lv.max_small * 2) * (100 if whole else 1) + (0 if whole else rng.randint(1, 19) * 100) for _ in range(2)]
    two = rng.random() < 0.5
    spent = cents[0] + (cents[1] if two else 0)
    bill = next(b for b in (500, 1000, 2000, 5000, 10000, 20000, 50000) if b > spent)
    steps: list[str] = []
    if two:
        steps.append(f"${decimal(cents[0])} + {decimal(cents[1])} = {decimal(spent)}$")
    steps.append(f"${decimal(bill)} - {decimal(spent)} = {decimal(bill - spent)}$")
    q = fill(rng, TWO if two else ONE, which, name=name, he=he, he_cap=he.capitalize(), g1=g1, g2=g2,
             p1=money(cents[0]), p2=money(cents[1]), bill=money(bill))
    return Example("change", q, steps, decimal(bill - spent), {"kind": "two" if two else "one"})
