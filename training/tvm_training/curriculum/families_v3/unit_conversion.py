"""Converting between units, v3: a whole number of the larger unit (down), a whole number of the smaller
unit that divides exactly (up), a mixed amount (2 h 15 min), a decimal amount of the larger unit whose
value in the smaller one is whole (2.5 km to metres, and back), and two-step chains (hours to seconds
via minutes, and back), each asked in composed sentences (compose.py), units in words or abbreviated.
The v2 kinds (down, up, mixed) keep v2's units, numbers and step lines."""
from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction
from math import gcd

from ..compose import compose
from ..example import Example, Level
from ..latex import step
from ..names import person
from ..phrasing import H, T
from ..registry import Templates

# unit -> (abbreviation or None, what it measures)
UNIT = {"kilometres": ("km", "length"), "metres": ("m", "length"), "centimetres": ("cm", "length"), "millimetres": ("mm", "length"),
        "kilograms": ("kg", "mass"), "grams": ("g", "mass"), "tonnes": (None, "mass"), "litres": ("L", "volume"), "millilitres": ("ml", "volume"),
        "hours": ("h", "time"), "minutes": ("min", "time"), "seconds": ("s", "time"), "days": (None, "time"), "weeks": (None, "time"),
        "feet": ("ft", "length"), "inches": (None, "length"), "yards": ("yd", "length"), "dollars": (None, "money"), "cents": (None, "money"),
        "years": (None, "time"), "months": (None, "time")}
# (larger, smaller, how many smaller in one larger): v2's pairs, and tonnes.
PAIRS = [("kilometres", "metres", 1000), ("metres", "centimetres", 100), ("centimetres", "millimetres", 10),
         ("kilograms", "grams", 1000), ("litres", "millilitres", 1000), ("hours", "minutes", 60), ("minutes", "seconds", 60),
         ("days", "hours", 24), ("weeks", "days", 7), ("feet", "inches", 12), ("yards", "feet", 3), ("dollars", "cents", 100),
         ("years", "months", 12), ("tonnes", "kilograms", 1000)]
CHAINS = [("hours", "minutes", "seconds", 60, 60), ("days", "hours", "minutes", 24, 60), ("weeks", "days", "hours", 7, 24),
          ("kilometres", "metres", "centimetres", 1000, 100), ("metres", "centimetres", "millimetres", 100, 10),
          ("yards", "feet", "inches", 3, 12), ("days", "hours", "seconds", 24, 3600)]
# Things measured in each larger unit, so that the story fits the size (a road in km, a pencil in cm).
THINGS = {"kilometres": ["road", "bike race", "river trail", "walk", "canal"], "metres": ["rope", "garden hose", "pool", "fence", "corridor"],
          "centimetres": ["pencil", "ruler", "leaf", "twig", "paintbrush"], "kilograms": ["parcel", "bag of potatoes", "suitcase", "sack of flour"],
          "tonnes": ["lorry", "load of sand", "boat", "van"], "litres": ["fish tank", "bucket", "water cooler", "paddling pool"],
          "hours": ["flight", "hike", "train journey", "work shift", "bus ride"], "minutes": ["race", "phone call", "video", "break"],
          "days": ["trip", "festival", "camp", "boat trip"], "weeks": ["holiday", "course", "summer camp", "project"],
          "feet": ["ladder", "plank", "wall", "pole"], "yards": ["garden", "path", "track", "hedge"],
          "dollars": ["book", "game", "lunch", "toy"], "years": ["course", "degree", "apprenticeship", "building project"]}
FACTS = {
    "length": [T("{The} is {q} long."), T("{The} measures {q}."), T("{The} has a length of {q}."),
               T("{name} measures {the} and finds it is {q} long."), H("The length of {the} comes to {q}.")],
    "mass": [T("{The} weighs {q}."), T("{The} has a mass of {q}."), T("{name} weighs {the}: it is {q}."), T("On the scales, {the} shows {q}."),
             H("{The} tips the scales at {q}.")],
    "volume": [T("{The} holds {q}."), T("{The} holds {q} of water."), T("{name} fills {the} with {q} of water."), T("{The} can hold {q}."),
               H("When full, {the} has {q} in it.")],
    "time": [T("{The} lasts {q}."), T("{The} is {q} long."), T("{name} spends {q} on {the}."), T("{The} goes on for {q}."),
             H("From start to end, {the} runs for {q}.")],
    "money": [T("{The} costs {q}."), T("{name} pays {q} for {the}."), T("The price of {the} is {q}."), T("{name} spends {q} on {the}."),
              H("{The} sells for {q}.")]}
ASK = [T("How many {to} is that?"), T("What is that in {to}?"), T("Write this in {to}."), T("Convert it to {to}."), T("How many {to} is this?"),
       T("Give this amount in {to}."), H("Put that amount into {to}."), H("Tell me the same amount in {to}.")]
FOLDED = {
    "length": [T("How many {to} long is {the} if it is {q} long?"), T("{The} is {q} long. How long is it in {to}?"),
               T("If {the} measures {q}, what is its length in {to}?"), H("Given that {the} is {q} long, find its length in {to}.")],
    "mass": [T("How many {to} does {the} weigh if it weighs {q}?"), T("{The} weighs {q}. What is its mass in {to}?"),
             T("If {the} has a mass of {q}, how many {to} is that?"), H("Given that {the} weighs {q}, find its weight in {to}.")],
    "volume": [T("How many {to} does {the} hold if it holds {q}?"), T("{The} holds {q}. How much is that in {to}?"),
               T("If {the} holds {q}, what is that in {to}?"), H("Given that {the} holds {q}, find how much it holds in {to}.")],
    "time": [T("How many {to} does {the} last if it lasts {q}?"), T("{The} lasts {q}. How long is that in {to}?"),
             T("If {the} goes on for {q}, how many {to} is that?"), H("Given that {the} lasts {q}, find its length in {to}.")],
    "money": [T("How many {to} does {the} cost if it costs {q}?"), T("{The} costs {q}. What is that in {to}?"),
              T("If {the} costs {q}, how many {to} is that?"), H("Given that {the} costs {q}, find the price in {to}.")]}
DIRECT = [T("Convert {q} to {to}."), T("How many {to} are in {q}?"), T("{q} is how many {to}?"), T("Write {q} in {to}."),
          T("Change {q} into {to}."), T("{q} = how many {to}?"), T("How many {to} are there in {q}?"),
          H("Turn {q} into {to}."), H("Rewrite {q} using {to}.")]
SINGULAR = {"feet": "foot", "inches": "inch"}
# Decimal parts whose value in the smaller unit is whole: k/den with den dividing the factor.
DENOMINATORS = [2, 4, 5, 10]


def decimal_text(value: Fraction) -> str:
    """An exact decimal (the denominator divides a power of ten) as written: 2.5, 0.75, 3."""
    return format((Decimal(value.numerator) / Decimal(value.denominator)).normalize(), "f")


def amount(n: object, unit: str, short: bool) -> str:
    abbr = UNIT[unit][0]
    if short and abbr:
        return f"{n} {abbr}"
    return f"{n} {SINGULAR.get(unit, unit[:-1])}" if n == 1 else f"{n} {unit}"


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    kind = rng.choice(["down", "up", "mixed", "decimal_down", "decimal_up", "chain_down", "chain_up"])
    short = rng.random() < 0.4          # abbreviations (km, kg, h) for this whole question
    steps: list[str] = []
    if kind.startswith("chain"):
        big, mid, small, f1, f2 = rng.choice(CHAINS)
        n = rng.randint(2, 9)
        if kind == "chain_down":
            line, middle = step(n, "*", f1)
            steps.append(line)
            line, ans = step(middle, "*", f2)
            q, to = amount(n, big, short), small
        else:
            line, middle = step(n * f1 * f2, "/", f2)
            steps.append(line)
            line, ans = step(middle, "/", f1)
            q, to = amount(n * f1 * f2, small, short), big
        steps.append(line)
        answer = str(ans)
    else:
        if kind.startswith("decimal"):
            big, small, factor = rng.choice([p for p in PAIRS if p[2] % 2 == 0])
            # Times are halves and quarters (2.5 h, 1.75 days), as books write them; 7.7 hours reads oddly.
            den = rng.choice([2, 4] if UNIT[big][1] == "time" else [d for d in DENOMINATORS if factor % d == 0])
            # A whole part of 0 (0.75 km) only where the smaller unit is tiny; a 0.5 cm ruler is no ruler.
            value = Fraction(rng.randint(0 if factor == 1000 else 1, lv.max_small // 2) * den + rng.choice([k for k in range(1, den) if gcd(k, den) == 1]), den)
        else:
            big, small, factor = rng.choice(PAIRS)
            value = Fraction(rng.randint(2, lv.max_small))
        n, in_small = decimal_text(value), int(value * factor)
        if kind in ("down", "decimal_down"):
            line, answer = f"${n} \\times {factor} = {in_small}$", str(in_small)
            q, to = amount(n, big, short), small
            if big == "dollars" and rng.random() < 0.5:
                q = f"${n}" if value.denominator == 1 else f"${value.numerator // value.denominator}.{in_small % 100:02d}"
        elif kind in ("up", "decimal_up"):
            line, answer = f"${in_small} \\div {factor} = {n}$", n
            q, to = amount(in_small, small, short), big
        else:
            m = rng.randint(1, factor - 1)
            line, whole = step(int(value), "*", factor)
            steps.append(line)
            line, ans = step(whole, "+", m)
            answer = str(ans)
            q = f"{amount(n, big, short)}{rng.choice([' ', ' and '])}{amount(m, small, short)}"
            to = small
        steps.append(line)
    # The asked unit is abbreviated only sometimes, even when the amount is ("How many m is 3 km?" is rarer than "in metres").
    # A one-letter abbreviation (m, g, h, s) asked for reads badly: "Turn 5 days into s".
    to = amount("", to, short and rng.random() < 0.5 and len(UNIT[to][0] or "") > 1).strip()
    the = "the " + rng.choice(THINGS[big])
    dim = UNIT[big][1]
    forms = [[FACTS[dim], ASK], [FOLDED[dim]], [DIRECT]]
    q = compose(rng, forms, which, q=q, to=to, the=the, The=the.capitalize(), name=person(rng))
    return Example("unit_conversion", q, steps, answer, {"kind": kind})
