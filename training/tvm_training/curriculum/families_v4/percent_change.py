"""Percent change, v4's new kinds: v3 drew its percentages from 5, 10, 20, 25, 40, 50, 60, 75 and its
values from multiples of 20 dollars, so every result was round. These kinds add a price reduced or
increased by any percentage, the result not round (450 × 12 = 5400, 5400 ÷ 100 = 54, 450 − 54 = 396,
or by the multiplier: 100 − 12 = 88, 88 ÷ 100 = 0.88, 450 × 0.88 = 396), the percentage change from an
old and a new price that are not round (80 to 92 is 15 %), and the original price from a sale or
VAT price (after 15 % off it costs 93.50), in £, $ or €, with "%", "percent" and "per cent", sales,
discounts and VAT."""

from __future__ import annotations

import random
from fractions import Fraction

from ..compose import compose
from ..example import Example, Level
from ..latex import StepLines, fmt_decimal
from ..names import person
from ..phrasing import H, T
from ..registry import Templates

GOODS = [
    "phone",
    "laptop",
    "sofa",
    "bike",
    "coat",
    "pair of trainers",
    "washing machine",
    "television",
    "camera",
    "watch",
    "lamp",
    "rug",
    "tent",
    "guitar",
    "desk",
    "kettle",
    "microwave",
    "pair of headphones",
]
CURRENCIES = ["£", "$", "€"]

# ---------------------------------------------------------------- the new price
PRICE_FACT = [
    T("A {good} costs {old}."),
    T("The price of a {good} is {old}."),
    T("{name} sees a {good} priced at {old}."),
    T("A shop sells a {good} for {old}."),
    T("A {good} is on sale for {old}."),
    H("The tag on a {good} reads {old}."),
]
DOWN_FACT = [
    T("In a sale, the price is reduced by {pct}."),
    T("The shop takes {pct} off."),
    T("It is reduced by {pct}."),
    T("There is {a_pct} discount."),
    T("The price is cut by {pct} in the sale."),
    H("{A_pct} reduction is applied at the till."),
]
UP_FACT = [
    T("The price goes up by {pct}."),
    T("It is increased by {pct}."),
    T("The shop raises the price by {pct}."),
    T("Its price rises by {pct}."),
    H("Next month the price climbs by {pct}."),
]
VAT_FACT = [
    T("VAT at {pct} must be added."),
    T("{pct} VAT is added to the price."),
    T("VAT of {pct} is added."),
    T("The price does not include {pct} VAT."),
    H("On top of that comes VAT charged at {pct}."),
]
ASK_NEW = [
    T("What is the new price?"),
    T("Find the new price."),
    T("How much does it cost now?"),
    T("Work out the new price."),
    T("What does the {good} cost after the change?"),
    H("What price will {name} now pay for it?"),
]
ASK_VAT = [
    T("What is the price including VAT?"),
    T("How much does it cost with VAT?"),
    T("Find the total price with VAT added."),
    T("What does {name} pay including VAT?"),
    H("Once VAT is in, what is the full price?"),
]
NEW_DIRECT = [
    T("A {good} costing {old} is {changed} by {pct}. What is the new price?"),
    T("The price of a {good} is {old}. It is {changed} by {pct}; find the new price."),
    T("What is the new price of a {good} that cost {old} after it is {changed} by {pct}?"),
    T("{old} is {changed} by {pct}. What is the new amount?"),
    H("Once {old} has been {changed} by {pct}, what is left as the price?"),
]
VAT_DIRECT = [
    T("A {good} costs {old} before VAT. What does it cost with VAT at {pct}?"),
    T("Add VAT at {pct} to {old}."),
    T("What is {old} plus {pct} VAT?"),
    T("Find the price of a {good} at {old} plus VAT at {pct}."),
    H("A bill of {old} gets {pct} VAT added; what is the total?"),
]

# ---------------------------------------------------------------- the percentage change
CHANGE_FACT = [
    T("The price of a {good} {moved} from {old} to {new}."),
    T("A {good} used to cost {old}. Now it costs {new}."),
    T("Last year a {good} cost {old}; this year it costs {new}."),
    T("{name} notices a {good} has gone from {old} to {new}."),
    T("A {good} was {old} and is now {new}."),
    H("Where a {good} once cost {old}, the label now shows {new}."),
]
ASK_PCT = [
    T("What is the percentage {direction}?"),
    T("Find the percentage {direction}."),
    T("By what percent has the price {gone}?"),
    T("Work out the percentage {direction}."),
    T("Calculate the {direction} as a percentage of the old price."),
    H("What is the {direction} expressed in per cent?"),
]
PCT_DIRECT = [
    T("What is the percentage {direction} when a price {moves} from {old} to {new}?"),
    T("Find the percentage {direction} from {old} to {new}."),
    T("A {good} {moved} from {old} to {new}. What is the percentage {direction}?"),
    T("By what percentage does a price {move} if it goes from {old} to {new}?"),
    H("From {old} to {new}: how many per cent is the {direction}?"),
]

# ---------------------------------------------------------------- the original price
AFTER_FACT = [
    T("In a sale, a {good} is {pct} off and now costs {new}."),
    T("After {a_pct} discount, a {good} costs {new}."),
    T("A {good} is reduced by {pct} to {new}."),
    T("{name} pays {new} for a {good} in {a_pct} off sale."),
    T("With {pct} taken off, a {good} sells for {new}."),
    H("A {good} marked down by {pct} now has a price of {new}."),
]
AFTER_VAT = [
    T("A {good} costs {new} including VAT at {pct}."),
    T("With {pct} VAT added, a {good} costs {new}."),
    T("{name} pays {new} for a {good}, including {pct} VAT."),
    T("Including VAT of {pct}, a {good} is {new}."),
    H("Once VAT at {pct} is on it, a {good} comes to {new}."),
]
ASK_ORIGINAL = [
    T("What was the original price?"),
    T("Find the price before the sale."),
    T("How much did the {good} cost before?"),
    T("Work out the original price."),
    T("What did it cost before the discount?"),
    H("What was the {good}'s full price?"),
]
ASK_BEFORE_VAT = [
    T("What is the price before VAT?"),
    T("Find the price without VAT."),
    T("How much is the {good} before VAT is added?"),
    T("Work out the price excluding VAT."),
    H("Take the VAT away: what was the price?"),
]
ORIGINAL_DIRECT = [
    T("What was the original price of a {good} that costs {new} after {a_pct} discount?"),
    T("Find the price before {a_pct} reduction if the sale price is {new}."),
    T("A {good} costs {new} after {pct} off. What did it cost before the sale?"),
    T("After {a_pct} cut a price is {new}; what was it to begin with?"),
    H("Which price, cut by {pct}, becomes {new}?"),
]
BEFORE_VAT_DIRECT = [
    T("What is the price before VAT of a {good} that costs {new} with VAT at {pct}?"),
    T("A price of {new} includes VAT at {pct}. Find the price without VAT."),
    T("{name} paid {new} for a {good}, {pct} VAT included. What was the price before VAT?"),
    H("Which pre-VAT price gives {new} once {pct} VAT is added?"),
]


def pct_values(rng: random.Random, p: Fraction) -> dict[str, str]:
    """The percentage as written (12%, 12 percent, 12 per cent), also after "a" ("an 18% discount")."""
    text = fmt_decimal(p) + rng.choice(["%", "%", "%", " percent", " per cent"])
    article = "an" if text.startswith(("8", "11", "18")) else "a"
    return {"pct": text, "a_pct": f"{article} {text}", "A_pct": f"{article.capitalize()} {text}"}


def ends(q: Fraction, places: int) -> bool:
    """q has at most `places` decimal places."""
    return (q * 10**places).denominator == 1


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    name = person(rng)
    sign = rng.choice(CURRENCIES)
    kind = rng.choice(["new_price", "new_price", "vat", "percent_change", "original_price", "before_vat"])
    steps = StepLines()
    line = steps.decimal

    def cash(q: Fraction) -> str:
        return f"{sign}{fmt_decimal(q)}" if q.denominator == 1 else f"{sign}{float(q):.2f}"

    good = rng.choice(GOODS)
    v: dict[str, object] = {"name": name, "good": good}
    if kind in ("new_price", "vat"):
        up = kind == "vat" or rng.random() < 0.3
        # VAT rates as countries charge them; other changes any whole percentage v3 never used.
        p = Fraction(
            rng.choice(["20", "17.5", "15", "5", "21", "19"])
            if kind == "vat"
            else rng.choice([k for k in range(3, 71) if k not in (5, 10, 20, 25, 40, 50, 60)])
        )
        # A price in whole units, sometimes with 50 or 99 (pence/cents) where the change still ends in two places.
        old = Fraction(rng.randint(8, lv.max_big))
        if rng.random() < 0.3 and ends((old + Fraction(1, 2)) * p / 100, 2):
            old += Fraction(1, 2)
        while not ends(old * p / 100, 2):
            old += 1
        v.update(old=cash(old), **pct_values(rng, p), changed="increased" if up else rng.choice(["reduced", "decreased", "cut"]))
        if rng.random() < 0.5:
            part = line(line(old, "*", p), "/", 100)
            new = line(old, "+" if up else "-", part)
        else:  # by the multiplier, as calculators are used
            multiplier = line(line(100, "+" if up else "-", p), "/", 100)
            new = line(old, "*", multiplier)
        if kind == "vat":
            forms = [[PRICE_FACT, VAT_FACT, ASK_VAT], [VAT_DIRECT]]
        else:
            forms = [[PRICE_FACT, UP_FACT if up else DOWN_FACT, ASK_NEW], [NEW_DIRECT]]
        return Example("percent_change", compose(rng, forms, which, **v), steps, fmt_decimal(new), {"kind": kind})
    if kind == "percent_change":
        up = rng.random() < 0.5
        p = Fraction(rng.choice([k for k in range(2, 70) if k not in (5, 10, 20, 25, 40, 50, 60, 75)]))
        old = Fraction(rng.randint(4, lv.max_big // 4) * rng.choice([1, 2, 5]))
        new = old * (100 + p) / 100 if up else old * (100 - p) / 100
        while not ends(new, 2):
            old += 1
            new = old * (100 + p) / 100 if up else old * (100 - p) / 100
        v.update(
            old=cash(old),
            new=cash(new),
            direction="increase" if up else "decrease",
            moved="rose" if up else rng.choice(["fell", "dropped"]),
            moves="rises" if up else "falls",
            move="rise" if up else "fall",
            gone="gone up" if up else "gone down",
        )
        diff = line(new, "-", old) if up else line(old, "-", new)
        ans = line(line(diff, "*", 100), "/", old)
        forms = [[CHANGE_FACT, ASK_PCT], [PCT_DIRECT]]
        return Example("percent_change", compose(rng, forms, which, **v), steps, f"{fmt_decimal(ans)}\\%", {"kind": kind})
    # The original price, whole or in halves, from the price after p % off (or with VAT on).
    vat = kind == "before_vat"
    p = Fraction(
        rng.choice([20, 15, 5, 21, 19]) if vat else rng.choice([k for k in range(5, 80) if k not in (5, 10, 20, 25, 40, 50, 60, 75)])
    )
    original = Fraction(rng.randint(6, lv.max_big // 2 * 2), rng.choice([1, 1, 2]))
    if not ends(original * (100 + p if vat else 100 - p) / 100, 2):
        original += Fraction(1, 2)  # a half whose sale price would need a third decimal: the whole price above it
    new = original * (100 + p if vat else 100 - p) / 100
    v.update(new=cash(new), **pct_values(rng, p))
    factor = line(100, "+" if vat else "-", p)
    ans = line(line(new, "*", 100), "/", factor)
    forms = [[AFTER_VAT, ASK_BEFORE_VAT], [BEFORE_VAT_DIRECT]] if vat else [[AFTER_FACT, ASK_ORIGINAL], [ORIGINAL_DIRECT]]
    return Example("percent_change", compose(rng, forms, which, **v), steps, fmt_decimal(ans), {"kind": kind})
