"""Converting between units, v4's new kinds: v3 only converted between metric units (and feet, yards)
whose factor the policy has to know, and only amounts whose whole part is a number of the larger unit.
These kinds add a conversion factor given in the question (using 1 mile = 1.6 km, 5 miles is
5 × 1.6 = 8 km, and back by dividing), a map scale (1 : 50000, 8 cm on the map is 8 × 50000 = 400000 cm,
400000 ÷ 100000 = 4 km, and a real distance back to the map), a mixed amount written as a decimal of the
larger unit (3 kg 250 g = 3.25 kg) and hours and minutes in tenths (1.2 hours = 72 minutes, 54 minutes
= 0.9 hours)."""

from __future__ import annotations

import random
from fractions import Fraction

from ..compose import compose
from ..example import Example, Level
from ..latex import StepLines, fmt_decimal
from ..names import person
from ..phrasing import H, T
from ..registry import Templates

# ---------------------------------------------------------------- a factor given in the question
# (unit, its singular, other unit, its singular, how many of the other in one, things measured in the unit)
FACTORS = [
    ("miles", "mile", "kilometres", "kilometre", "1.6", ["the road to the coast", "a cycle route", "the drive to the airport"]),
    ("inches", "inch", "centimetres", "centimetre", "2.54", ["a tablet screen", "a photo frame", "a shelf"]),
    ("kilograms", "kilogram", "pounds", "pound", "2.2", ["a suitcase", "a bag of potatoes", "a puppy"]),
    ("gallons", "gallon", "litres", "litre", "4.5", ["a fish tank", "a water butt", "a paddling pool"]),
    ("feet", "foot", "centimetres", "centimetre", "30", ["a ladder", "a fence panel", "a boat"]),
    ("yards", "yard", "metres", "metre", "0.9", ["a garden path", "a length of cloth", "a hedge"]),
    ("ounces", "ounce", "grams", "gram", "28", ["a bar of chocolate", "a bag of sweets", "a block of cheese"]),
]
GIVEN = [
    T("Use {one} = {f} {to_unit}."),
    T("Take {one} as {f} {to_unit}."),
    T("You are told that {one} is {f} {to_unit}."),
    T("Take it that {one} is about {f} {to_unit}."),
    H("Assume that {one} equals {f} {to_unit}."),
]
CONVERT = [
    T("Convert {q} to {to}."),
    T("How many {to} is {q}?"),
    T("Express {q} in {to}."),
    T("Write {q} in {to}."),
    T("{Thing} is {q}. What is that in {to}?"),
    H("What does {q} come to in {to}?"),
]
CONVERT_GIVEN = [
    T("Using {one} = {f} {to_unit}, express {q} in {to}."),
    T("Using {one} = {f} {to_unit}, convert {q} to {to}."),
    T("If {one} is {f} {to_unit}, how many {to} is {q}?"),
    T("{Thing} is {q}. Using {one} = {f} {to_unit}, what is that in {to}?"),
    T("Given that {one} = {f} {to_unit}, change {q} into {to}."),
    H("With {one} counted as {f} {to_unit}, {q} is how many {to}?"),
]

# ---------------------------------------------------------------- map scales
SCALES = [10000, 20000, 25000, 40000, 50000, 100000, 200000, 250000, 500000]
SCALE_FACT = [
    T("A map has a scale of 1 : {s}."),
    T("The scale of a map is 1 : {s}."),
    T("{name}'s walking map is drawn at 1 : {s}."),
    T("On a map the scale is 1 : {s}."),
    H("A map uses the scale 1 : {s}."),
]
ON_MAP = [
    T("Two villages are {d} cm apart on the map."),
    T("On the map, the lake is {d} cm long."),
    T("A road measures {d} cm on the map."),
    T("{name} measures {d} cm between two towns on the map."),
    H("The path is drawn {d} cm long on it."),
]
ASK_REAL = [
    T("How far is that in real life, in {to}?"),
    T("What is the real distance in {to}?"),
    T("How many {to} is that on the ground?"),
    T("Find the actual distance in {to}."),
    H("Out in the country, how many {to} does that stand for?"),
]
MAP_DIRECT = [
    T("On a map with scale 1 : {s}, two towns are {d} cm apart. How far apart are they really, in {to}?"),
    T("A map has a scale of 1 : {s}. What real distance in {to} does {d} cm on the map show?"),
    T("The scale is 1 : {s}. How many {to} does {d} cm on the map stand for?"),
    H("At 1 : {s}, what is {d} cm on the map in real {to}?"),
]
REAL_FACT = [
    T("Two towns are {real} {unit} apart."),
    T("A lake is {real} {unit} long."),
    T("The real distance between two farms is {real} {unit}."),
    T("A straight road is {real} {unit} long."),
    H("A footpath runs for {real} {unit} across the hills."),
]
ASK_MAP = [
    T("How long is it on the map, in cm?"),
    T("How many centimetres is that on the map?"),
    T("What length in cm is it on the map?"),
    T("Find the distance on the map in cm."),
    H("How many cm should be drawn on the map?"),
]
REAL_DIRECT = [
    T("On a map with scale 1 : {s}, how many cm show a real distance of {real} {unit}?"),
    T("A map is drawn at 1 : {s}. How long in cm is a road of {real} {unit} on it?"),
    T("The scale of a map is 1 : {s}. Two towns are {real} {unit} apart. How far apart are they on the map, in cm?"),
    H("To draw {real} {unit} on a 1 : {s} map, how many cm are needed?"),
]
CM_IN = {"km": 100000, "m": 100, "kilometres": 100000, "metres": 100}

# ---------------------------------------------------------------- a mixed amount as a decimal, and tenths of an hour
# (larger, its abbreviation, smaller, its abbreviation, how many smaller in one larger, things)
MIXED = [
    ("kilograms", "kg", "grams", "g", 1000, ["a parcel", "a sack of potatoes", "a box of books"]),
    ("litres", "L", "millilitres", "ml", 1000, ["a jug of juice", "a barrel of rainwater", "a pot of soup"]),
    ("kilometres", "km", "metres", "m", 1000, ["a fun run", "a walk to school", "a bike ride"]),
    ("metres", "m", "centimetres", "cm", 100, ["a rope", "a curtain", "a plank"]),
    ("hours", "h", "minutes", "min", 60, ["a film", "a flight", "a train journey"]),
]
MIXED_FACT = [
    T("{Thing} is {q}."),
    T("{Thing} comes to {q}."),
    T("{name} writes down {q} for {thing}."),
    T("The size of {thing} is given as {q}."),
    H("The label on {thing} says {q}."),
]
ASK_DEC = [
    T("Write this in {to} as a decimal."),
    T("What is that in {to}?"),
    T("Give it as a decimal number of {to}."),
    T("How many {to} is that, as a decimal?"),
    H("Turn it into {to}, using a decimal point."),
]
DEC_DIRECT = [
    T("Write {q} in {to}."),
    T("Express {q} as a decimal number of {to}."),
    T("How many {to} is {q}?"),
    T("Convert {q} to {to}."),
    H("Put {q} into {to} with a decimal point."),
]
TIME_FACT = [
    T("{Thing} lasts {q}."),
    T("{Thing} takes {q}."),
    T("{name} spends {q} on {thing}."),
    T("{Thing} goes on for {q}."),
    H("From start to finish, {thing} runs {q}."),
]
ASK_TIME = [
    T("How many {to} is that?"),
    T("What is that in {to}?"),
    T("Write this in {to}."),
    T("Convert it to {to}."),
    H("Say how long that is in {to}."),
]
TIME_DIRECT = [
    T("How many {to} are in {q}?"),
    T("Convert {q} to {to}."),
    T("Write {q} in {to}."),
    T("{q} is how many {to}?"),
    H("Express a time of {q} in {to}."),
]
TIME_THINGS = ["a bike ride", "a meeting", "a football match", "a swim", "a music lesson", "a car journey", "a shift at the café"]


def quantity(n: str, unit: str, singular: str) -> str:
    return f"{n} {singular if n == '1' else unit}"


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    kind = rng.choice(["factor_given", "factor_given_back", "map_to_real", "real_to_map", "mixed_to_decimal", "time_tenths"])
    name = person(rng)
    steps = StepLines()
    line = steps.decimal

    if kind.startswith("factor_given"):
        unit, singular, other, other1, f, things = rng.choice(FACTORS)
        factor = Fraction(f)
        # Whole amounts mostly, halves sometimes (2.5 miles); the other amount then ends (8 km, 12.7 cm).
        n = Fraction(rng.randint(2, lv.max_small * 2), rng.choice([1, 1, 1, 2]))
        if kind == "factor_given":
            q, to = quantity(fmt_decimal(n), unit, singular), other
            ans = line(n, "*", factor)
        else:
            q, to = quantity(fmt_decimal(n * factor), other, other1), unit
            ans = line(n * factor, "/", factor)
        values = {"one": f"1 {singular}", "f": f, "to_unit": other, "q": q, "to": to, "Thing": rng.choice(things).capitalize()}
        forms = [[GIVEN, CONVERT], [CONVERT, GIVEN], [CONVERT_GIVEN]]
        return Example("unit_conversion", compose(rng, forms, which, **values), steps, fmt_decimal(ans), {"kind": kind})
    if kind in ("map_to_real", "real_to_map"):
        s = rng.choice(SCALES)
        unit = rng.choice(["km", "kilometres"] if s >= 50000 else ["m", "metres", "km"])
        # Map lengths in whole and half centimetres, the real one in the unit asked, both ending.
        d = Fraction(rng.randint(2, 30), rng.choice([1, 2]))
        while not ends_in(d * s / CM_IN[unit], 2):
            d = Fraction(rng.randint(2, 30))
        real = d * s / CM_IN[unit]
        values = {
            "s": s,
            "d": fmt_decimal(d),
            "to": {"km": "km", "m": "metres"}.get(unit, unit),
            "unit": unit,
            "real": fmt_decimal(real),
            "name": name,
        }
        if kind == "map_to_real":
            ans = line(line(d, "*", s), "/", CM_IN[unit])
            forms = [[SCALE_FACT, ON_MAP, ASK_REAL], [ON_MAP, SCALE_FACT, ASK_REAL], [MAP_DIRECT]]
        else:
            ans = line(line(real, "*", CM_IN[unit]), "/", s)
            forms = [[SCALE_FACT, REAL_FACT, ASK_MAP], [REAL_FACT, SCALE_FACT, ASK_MAP], [REAL_DIRECT]]
        return Example("unit_conversion", compose(rng, forms, which, **values), steps, fmt_decimal(ans), {"kind": kind})
    short = rng.random() < 0.5  # abbreviations (kg, ml, min) for this whole question
    if kind == "mixed_to_decimal":
        big, big_abbr, small, small_abbr, factor, things = rng.choice(MIXED)
        whole = rng.randint(1, max(2, lv.max_small // 2))
        # A part whose decimal ends in at most three places: 250 g, 75 cm, 45 minutes (0.75 h).
        part = rng.choice([k for k in range(1, factor) if ends_in(Fraction(k, factor), 3) and (factor != 1000 or k % 5 == 0)])
        q = f"{whole} {big_abbr if short else unit_of(whole, big)} {part} {small_abbr if short else unit_of(part, small)}"
        ans = line(whole, "+", line(part, "/", factor))
        thing = rng.choice(things)
        values = {"q": q, "to": big, "thing": thing, "Thing": thing.capitalize(), "name": name}
        forms = [[MIXED_FACT, ASK_DEC], [DEC_DIRECT]]
        return Example("unit_conversion", compose(rng, forms, which, **values), steps, fmt_decimal(ans), {"kind": kind})
    # Tenths of an hour (1.2 hours) or of a minute, both ways: 1.2 × 60 = 72, 54 ÷ 60 = 0.9.
    big, small = rng.choice([("hours", "minutes"), ("minutes", "seconds")])
    tenths = Fraction(rng.choice([k for k in range(1, 10 * max(3, lv.max_small // 4)) if k % 5]), 10)
    thing = rng.choice(TIME_THINGS)
    if rng.random() < 0.5:
        q, to = f"{fmt_decimal(tenths)} {big}", small
        ans = line(tenths, "*", 60)
    else:
        q, to = f"{fmt_decimal(tenths * 60)} {small}", big
        ans = line(tenths * 60, "/", 60)
    values = {"q": q, "to": to, "thing": thing, "Thing": thing.capitalize(), "name": name}
    forms = [[TIME_FACT, ASK_TIME], [TIME_DIRECT]]
    return Example("unit_conversion", compose(rng, forms, which, **values), steps, fmt_decimal(ans), {"kind": kind})


def unit_of(n: int, unit: str) -> str:
    """ "1 hour", "2 hours"."""
    return unit[:-1] if n == 1 else unit


def ends_in(q: Fraction, places: int) -> bool:
    """q has at most `places` decimal places."""
    return (q * 10**places).denominator == 1
