"""Rates, v4's new kinds: v3 gave every speed problem its time in whole hours and every price in whole
dollars, so the policy never turned minutes into hours or divided a decimal amount of money. These kinds
add a speed from a distance and a time in minutes (45 ÷ 60 = 0.75, then 3.6 ÷ 0.75 = 4.8), a distance
from a speed and minutes, an amount used "for every 100 km" or "per 10 rolls" (350 ÷ 100 = 3.5, then
3.5 × 6 = 21), and the price of another count from a decimal price (1.20 ÷ 4 = 0.3, then 0.3 × 10 = 3),
money written as $1.20, £1.20, "1.20 euros" or 120p."""

from __future__ import annotations

import random
from fractions import Fraction

from ..compose import compose
from ..example import Example, Level
from ..latex import StepLines, fmt_decimal
from ..names import person, possessive, pronoun
from ..phrasing import H, T, num
from ..registry import Templates

# ---------------------------------------------------------------- speed with the time in minutes
# (who, the verb in both forms, slowest and fastest speed in km/h): a walker is not as fast as a train.
MOVERS = [
    ("NAME", "walks", "walk", 3, 6),
    ("NAME", "jogs", "jog", 6, 12),
    ("NAME", "cycles", "cycle", 10, 30),
    ("a tram", "travels", "travel", 15, 40),
    ("a bus", "travels", "travel", 20, 60),
    ("a car", "drives", "drive", 30, 110),
    ("a train", "travels", "travel", 60, 180),
    ("a ferry", "sails", "sail", 15, 40),
    ("NAME", "rows", "row", 4, 10),
]
# Times whose value in hours ends (m ÷ 60 with m a multiple of 3), as clocks and timetables give them.
MINUTES = [6, 12, 15, 18, 24, 27, 30, 36, 42, 45, 48, 51, 54, 72, 75, 78, 84, 90, 96, 105, 108]
DIST_MIN_FACT = [
    T("{A} {goes} {d} km in {m} minutes."),
    T("In {m} minutes, {a} {goes} {d} km."),
    T("It takes {a} {m} minutes to {go} {d} km."),
    T("{A} covers {d} km in {m} minutes."),
    H("{A} needs just {m} minutes for a {d} km stretch."),
]
ASK_KMH = [
    T("What is {poss} speed in km per hour?"),
    T("Find {poss} average speed in km/h."),
    T("How fast is that in kilometres per hour?"),
    T("Work out the speed in km/h."),
    T("Calculate the average speed in km per hour."),
    H("Expressed in km/h, how fast is {the} going?"),
]
DIRECT_KMH = [
    T("{A} {goes} {d} km in {m} minutes. What is the speed in km/h?"),
    T("Find the average speed in km per hour of {a} that {goes} {d} km in {m} minutes."),
    T("What speed, in km/h, covers {d} km in {m} minutes?"),
    T("How many km per hour is {d} km in {m} minutes?"),
    H("Going {d} km takes {a} {m} minutes; give the speed in kilometres an hour."),
]
SPEED_MIN_FACT = [
    T("{A} {goes} at {v} km/h for {m} minutes."),
    T("For {m} minutes, {a} {goes} at {v} km per hour."),
    T("{A} keeps up a steady {v} km/h for {m} minutes."),
    T("At {v} km/h, {a} {goes} for {m} minutes."),
    H("{A} holds {v} kilometres an hour over {m} minutes."),
]
ASK_KM = [
    T("How far does {the} {go}?"),
    T("How many km is that?"),
    T("What distance does {the} cover in km?"),
    T("Find the distance in kilometres."),
    H("How many kilometres are behind {the} at the end?"),
]
DIRECT_KM = [
    T("How far does {a} {go} in {m} minutes at {v} km/h?"),
    T("At {v} km per hour, how many km are covered in {m} minutes?"),
    T("Find the distance covered in {m} minutes at a speed of {v} km/h."),
    T("What distance, in km, does {a} cover in {m} minutes at {v} km/h?"),
    H("Moving {m} minutes at {v} km/h gets {a} how far?"),
]

# ---------------------------------------------------------------- an amount for every 100 (or 10) of something
# (who, what is used, its unit, the thing it is used per, base, the rate's range, the count's range and step, the rate's step)
USES = [
    ("a car", "litres of petrol", "litres", "km", 100, (4, 12), (50, 900, 10)),
    ("a van", "litres of diesel", "litres", "km", 100, (7, 14), (60, 800, 10)),
    ("a bakery", "grams of flour", "grams", "bread rolls", 10, (150, 600), (5, 95, 1)),
    ("a decorator", "litres of paint", "litres", "square metres", 10, (1, 4), (15, 95, 1)),
    ("a school kitchen", "kg of rice", "kg", "pupils", 100, (6, 15), (50, 950, 10)),
    ("a farmer", "kg of seed", "kg", "square metres", 100, (2, 9), (150, 950, 10)),
    ("a café", "litres of milk", "litres", "customers", 10, (2, 5), (15, 95, 1)),
]
USE_FACT = [
    T("{A} uses {r} {stuff} for every {base} {per}."),
    T("{A} needs {r} {stuff} per {base} {per}."),
    T("For every {base} {per}, {a} uses {r} {stuff}."),
    T("{A} goes through {r} {stuff} each {base} {per}."),
    H("Each {base} {per} costs {a} {r} {stuff}."),
]
ASK_USE = [
    T("How many {unit} are needed for {n} {per}?"),
    T("How much is used for {n} {per}?"),
    T("How many {unit} does it use for {n} {per}?"),
    T("Work out the {unit} needed for {n} {per}."),
    H("At the same rate, {n} {per} call for how many {unit}?"),
]
DIRECT_USE = [
    T("If {a} uses {r} {stuff} for every {base} {per}, how many {unit} are needed for {n} {per}?"),
    T("{A} uses {r} {stuff} per {base} {per}. How many {unit} for {n} {per}?"),
    T("How many {unit} does {a} need for {n} {per}, using {r} {stuff} for every {base}?"),
    H("With {r} {stuff} going on each {base} {per}, what do {n} {per} use?"),
]

# ---------------------------------------------------------------- a decimal price for another count
GOODS = [
    ("apple", "apples"),
    ("pencil", "pencils"),
    ("bread roll", "bread rolls"),
    ("banana", "bananas"),
    ("stamp", "stamps"),
    ("pen", "pens"),
    ("cupcake", "cupcakes"),
    ("lemon", "lemons"),
    ("notebook", "notebooks"),
    ("can of soup", "cans of soup"),
    ("packet of crisps", "packets of crisps"),
    ("bottle of water", "bottles of water"),
    ("candle", "candles"),
]
PRICE_FACT = [
    T("{count} {goods} cost {total}."),
    T("{name} pays {total} for {count} {goods}."),
    T("A bag of {count} {goods} costs {total}."),
    T("At the market, {count} {goods} sell for {total}."),
    T("{name} spends {total} on {count} {goods}."),
    H("The till shows {total} for {count} {goods}."),
]
# {in_unit}: " in pence" where the price is in pence, so that the answer's unit is the question's ("in all" otherwise).
ASK_PRICE = [
    T("How much do {m} {goods} cost{in_unit}?"),
    T("What would {m} {goods} cost{in_unit} at the same price?"),
    T("How much would {name} pay for {m}{in_unit}?"),
    T("Find the cost of {m} {goods}{in_unit}."),
    H("Priced the same way, what is the bill for {m} of them{in_unit}?"),
]
DIRECT_PRICE = [
    T("If {count} {goods} cost {total}, how much do {m} cost{in_unit}?"),
    T("{count} {goods} cost {total}. What do {m} {goods} cost{in_unit}?"),
    T("How much are {m} {goods}{in_unit} when {count} cost {total}?"),
    T("Find the cost of {m} {goods}{in_unit} if {count} cost {total}."),
    H("Given a price of {total} for {count} {goods}, what should {m} cost{in_unit}?"),
]


def up(words: str) -> str:
    """A sentence that opens with "a car" reads "A car" (compose capitalises a first word of two letters or more only)."""
    return words[0].upper() + words[1:]


def ends(q: Fraction, places: int) -> bool:
    """q has at most `places` decimal places."""
    return (q * 10**places).denominator == 1


def money_text(rng: random.Random, amount: Fraction) -> tuple[str, str]:
    """An amount of money as written in a story (£1.20, $1.20, 1.20 euros, 120p) and how the question asks
    for the cost: " in pence" where the price is in pence."""
    pence = int(amount * 100)
    two = f"{pence // 100}.{pence % 100:02d}" if pence % 100 else str(pence // 100)
    # Pence only for a few pounds' worth: nobody writes 1250p.
    style = rng.choice(["£", "$", "€", "dollars", "pounds", "euros"] + (["p"] if pence < 500 else []))
    if style == "p":
        return f"{pence}p", " in pence"
    return (f"{style}{two}" if len(style) == 1 else f"{two} {style}"), rng.choice([" altogether", " in total", " in all"])


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    name = person(rng)
    kind = rng.choice(["speed_minutes", "distance_minutes", "per_hundred", "decimal_price"])
    steps = StepLines()
    line = steps.decimal

    if kind in ("speed_minutes", "distance_minutes"):
        a, goes, go, slow, fast = rng.choice(MOVERS)
        a = a.replace("NAME", name)
        the = a.replace("a ", "the ", 1)
        poss = f"{name}'s" if a == name else f"{the}'s"
        m = rng.choice(MINUTES)
        hours = Fraction(m, 60)
        # A speed in tenths of a km/h, so that the distance has at most two decimals (3.6 km, 12.75 km).
        speeds = [Fraction(s, 10) for s in range(slow * 10, fast * 10 + 1, 1 if fast <= 12 else 10) if ends(Fraction(s, 10) * hours, 2)]
        v = rng.choice(speeds)
        d = v * hours
        values = {"a": a, "A": up(a), "the": the, "poss": poss, "goes": goes, "go": go, "m": m, "v": fmt_decimal(v), "d": fmt_decimal(d)}
        hours = line(m, "/", 60)
        if kind == "speed_minutes":
            ans = line(d, "/", hours)
            forms = [[DIST_MIN_FACT, ASK_KMH], [DIRECT_KMH]]
        else:
            ans = line(v, "*", hours)
            forms = [[SPEED_MIN_FACT, ASK_KM], [DIRECT_KM]]
        return Example("rates", compose(rng, forms, which, **values), steps, fmt_decimal(ans), {"kind": kind})
    if kind == "per_hundred":
        a, stuff, unit, per, base, (lo, hi), (n_lo, n_hi, n_step) = rng.choice(USES)
        # Rates of a few units come in halves too (5.5 litres per 100 km), as fuel figures do.
        r = Fraction(rng.randint(lo * 2, hi * 2), 2) if hi < 20 else Fraction(rng.randrange(lo, hi + 1, 10))
        n = rng.randrange(n_lo, n_hi + 1, n_step)
        while n % base == 0:
            n += n_step  # a whole number of hundreds is v3's one-step rate; this kind divides to a decimal
        values = {"a": a, "A": up(a), "stuff": stuff, "unit": unit, "per": per, "base": base, "r": fmt_decimal(r), "n": n}
        ans = line(line(n, "/", base), "*", r)
        forms = [[USE_FACT, ASK_USE], [DIRECT_USE]]
        return Example("rates", compose(rng, forms, which, **values), steps, fmt_decimal(ans), {"kind": kind})
    good, goods = rng.choice(GOODS)
    count = rng.randint(2, max(4, lv.max_small // 2))
    each = Fraction(rng.randint(5, 250 if count < 8 else 120), 100)
    m = rng.choice([k for k in range(2, lv.max_small + 1) if k != count])
    total, in_unit = money_text(rng, each * count)
    values = {
        "name": name,
        "he": pronoun(name),
        "his": possessive(name),
        "good": good,
        "goods": goods,
        "count": num(count, rng),
        "m": num(m, rng),
        "total": total,
        "in_unit": in_unit,
    }
    if in_unit == " in pence":  # prices in pence stay whole numbers of pence
        unit_price = line(int(each * count * 100), "/", count)
    else:
        unit_price = line(each * count, "/", count)
    ans = line(unit_price, "*", m)
    forms = [[PRICE_FACT, ASK_PRICE], [DIRECT_PRICE]]
    return Example("rates", compose(rng, forms, which, **values), steps, fmt_decimal(ans), {"kind": kind})
