"""Area and perimeter, v3: v2's kinds (rectangle area and perimeter, a square's area or perimeter, a
triangle's area, a missing width from the area) and new ones: the cost of covering a rectangle
(area times price per square unit), a missing width from the perimeter, and a square's side from its
perimeter; each asked in composed sentences (compose.py) about one object (a garden, a room, a photo)."""
from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import step
from ..names import person, pronoun
from ..phrasing import H, T
from ..registry import Templates

SMALL, BIG = ["cm", "centimetres", "inches"], ["m", "metres", "feet"]
ANY = SMALL + BIG
# How the question names a square unit; the answer is the same number whichever it writes.
SQ = {"m": ["square metres", "m²", "sq m"], "metres": ["square metres"], "feet": ["square feet", "sq ft"],
      "cm": ["square cm", "cm²", "square centimetres"], "centimetres": ["square centimetres"],
      "inches": ["square inches", "sq in"]}
ONE = {"m": "metre", "metres": "metre", "feet": "foot", "cm": "centimetre", "centimetres": "centimetre", "inches": "inch"}
# A scene: the object, the units it is measured in, what goes around its edge, and what covers it
# (None: nobody buys a covering for it by the square unit).
RECTANGLES = [("rectangle", ANY, "string", None), ("garden", BIG, "fencing", "turf"), ("room", BIG, "skirting board", "carpet"),
              ("field", ["m", "metres"], "fence", "turf"), ("photo", SMALL, "ribbon", None),
              ("playground", BIG, "fencing", "rubber matting"),
              ("rug", BIG, "binding tape", None), ("patio", BIG, "edging", "paving"),
              ("kitchen floor", BIG, "trim", "vinyl flooring"),
              ("poster", SMALL, "tape", None)]
SQUARES = [("square", ANY, "string"), ("square tile", SMALL, "tape"), ("square garden", BIG, "fencing"),
           ("square table top", ANY, "trim"), ("square photo", SMALL, "ribbon"), ("square sandpit", BIG, "edging"),
           ("square window", SMALL, "sealing strip"), ("square field", ["m", "metres"], "fence")]
TRIANGLES = [("triangle", ANY), ("triangular flag", SMALL), ("triangular sail", BIG), ("triangular garden bed", BIG),
             ("triangular sign", SMALL), ("right triangle", ANY)]

# ---------------------------------------------------------------- sentences shared by the shapes
AREA_ASK = [T("What is its area?"), T("Find the area of the {shape}."), T("How many {sq} does it cover?"),
            T("Work out its area in {sq}."), T("Calculate the area."),
            H("What amount of surface does the {shape} take up, in {sq}?")]
PERIM_ASK = [T("What is its perimeter?"), T("Find the perimeter of the {shape}."),
             T("How far is it all the way around the {shape}?"),
             T("How much {edge} is needed to go all the way around it?"),
             T("What length of {edge} fits exactly around the edge?"),
             H("What total length do the edges add up to?")]
WIDTH_ASK = [T("How wide is it?"), T("Find its width."), T("What is the width of the {shape}?"), T("How long is the other side?"),
             H("What must the remaining side measure?")]
LENGTH = [T("Its length is {l} {u}."), T("It is {l} {u} long."), T("One side is {l} {u}."), T("The length is {l} {u}."),
          H("Along one edge it runs {l} {u}.")]

# ---------------------------------------------------------------- rectangles
RECT = [T("A {shape} is {l} {u} long and {w} {u} wide."), T("A {shape} measures {l} {u} by {w} {u}."),
        T("The length of a {shape} is {l} {u} and its width is {w} {u}."),
        T("A {shape} has a length of {l} {u} and a width of {w} {u}."),
        T("{name}'s {shape} is {l} {u} by {w} {u}."), H("A {shape} stretches {l} {u} one way and {w} {u} the other.")]
AREA_DIRECT = [T("Find the area of a {shape} {l} {u} by {w} {u}."),
               T("What is the area of a {shape} that is {l} {u} long and {w} {u} wide?"),
               T("Calculate the area of a {l} {u} by {w} {u} {shape}."),
               T("How many {sq} is a {shape} measuring {l} {u} by {w} {u}?"),
               H("Determine how much surface a {shape} of {l} {u} by {w} {u} covers.")]
PERIM_DIRECT = [T("Find the perimeter of a {shape} {l} {u} by {w} {u}."),
                T("How much {edge} is needed to go all the way around a {shape} {l} {u} long and {w} {u} wide?"),
                T("What is the perimeter of a {shape} with sides {l} {u} and {w} {u}?"),
                T("Work out the distance around a {l} {u} by {w} {u} {shape}."),
                H("A {shape} measures {l} {u} by {w} {u}; how long is its boundary?")]
PRICE = [T("{cover} costs ${c} per square {one}."), T("{name} buys {cover} at ${c} a square {one}."),
         T("Each square {one} of {cover} costs ${c}."),
         T("The {cover} is ${c} per square {one}."), H("One square {one} of {cover} sells for ${c}.")]
COST_ASK = [T("How much does it cost to cover the whole {shape}?"), T("What is the total cost of the {cover}?"),
            T("Find the cost of covering the {shape} with {cover}."), T("How much will the {cover} cost in all?"),
            H("What does covering the {shape} completely come to, in dollars?")]
COST_DIRECT = [T("How much does it cost to cover a {shape} {l} {u} by {w} {u} with {cover} at ${c} per square {one}?"),
               T("Find the cost of {cover} for a {shape} {l} {u} long and {w} {u} wide at ${c} a square {one}."),
               T("At ${c} per square {one}, what does {cover} for a {l} {u} by {w} {u} {shape} cost?"),
               H("Covering a {shape} of {l} {u} by {w} {u} with {cover} costs ${c} for every square {one}. "
                 "How much is the bill?")]
AREA_FACT = [T("A {shape} has an area of {a} {sq}."), T("The area of a {shape} is {a} {sq}."), T("A {shape} covers {a} {sq}."),
             T("{name}'s {shape} has an area of {a} {sq}."), H("The surface of a {shape} comes to {a} {sq}.")]
MISSING_DIRECT = [T("A {shape} has an area of {a} {sq} and a length of {l} {u}. What is its width?"),
                  T("A {shape} {l} {u} long has an area of {a} {sq}. How wide is it?"),
                  T("Find the width of a {shape} whose area is {a} {sq} and whose length is {l} {u}."),
                  H("How wide must a {shape} be to cover {a} {sq} when it is {l} {u} long?")]
PERIM_FACT = [T("A {shape} has a perimeter of {p} {u}."), T("The perimeter of a {shape} is {p} {u}."),
              T("It takes {p} {u} of {edge} to go all the way around a {shape}."), T("The distance around a {shape} is {p} {u}."),
              H("All four sides of a {shape} add up to {p} {u}.")]
MISSING_P_DIRECT = [T("A {shape} has a perimeter of {p} {u} and a length of {l} {u}. How wide is it?"),
                    T("What is the width of a {shape} with perimeter {p} {u} and length {l} {u}?"),
                    T("Find the width of a {shape} that is {l} {u} long and {p} {u} all the way around."),
                    H("If a {shape} is {l} {u} long and its edges total {p} {u}, how wide is it?")]

# ---------------------------------------------------------------- squares and triangles
SQUARE = [T("A {shape} has sides of {s} {u}."), T("Each side of a {shape} is {s} {u}."), T("A {shape} is {s} {u} on each side."),
          T("The side of a {shape} measures {s} {u}."), H("All four edges of a {shape} are {s} {u} long.")]
SQUARE_DIRECT = [T("Find the {what} of a {shape} with side {s} {u}."),
                 T("What is the {what} of a {shape} whose sides are {s} {u}?"),
                 T("Calculate the {what} of a {s} {u} {shape}."), T("Work out the {what} of a {shape} with sides of {s} {u}."),
                 H("A {shape} measures {s} {u} along each edge; determine its {what}.")]
SIDE_ASK = [T("How long is each side?"), T("What is the length of one side?"), T("Find the side length."),
            T("How long is one edge of the {shape}?"), H("What does a single side measure?")]
SIDE_DIRECT = [T("What is the side of a {shape} with perimeter {p} {u}?"),
               T("Find the side length of a {shape} whose perimeter is {p} {u}."),
               T("How long is each side of a {shape} with a perimeter of {p} {u}?"),
               H("How long is each edge of a {shape} that measures {p} {u} all the way around?")]
TRIANGLE = [T("A {shape} has a base of {b} {u} and a height of {h} {u}."),
            T("The base of a {shape} is {b} {u} and its height is {h} {u}."),
            T("A {shape} is {b} {u} along the base and {h} {u} high."), T("A {shape} has base {b} {u} and height {h} {u}."),
            H("A {shape} rises {h} {u} above a base of {b} {u}.")]
TRIANGLE_DIRECT = [T("Find the area of a {shape} with base {b} {u} and height {h} {u}."),
                   T("What is the area of a {shape} whose base is {b} {u} and whose height is {h} {u}?"),
                   T("Calculate the area of a {shape}: base {b} {u}, height {h} {u}."),
                   H("Determine the area of a {shape} that stands {h} {u} high with a base of {b} {u}.")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    length, w = rng.randint(2, lv.max_small * 2), rng.randint(2, lv.max_small)
    kind = rng.choice(["rect_area", "rect_perimeter", "square", "triangle", "missing", "cost", "missing_perimeter",
                       "square_side"])
    name = person(rng)
    slots: dict[str, object] = {"l": length, "w": w, "name": name, "he": pronoun(name)}
    steps: list[str] = []
    if kind in ("rect_area", "rect_perimeter", "missing", "cost", "missing_perimeter"):
        shape, units, edge, cover = rng.choice([s for s in RECTANGLES if s[3] or kind != "cost"])
        slots.update(shape=shape, u=rng.choice(units), edge=edge, cover=cover)
    if kind == "rect_area":
        line, ans = step(length, "*", w)
        steps.append(line)
        forms = [[RECT, AREA_ASK], [AREA_DIRECT]]
    elif kind == "rect_perimeter":
        line, half = step(length, "+", w)
        steps.append(line)
        line, ans = step(2, "*", half)
        steps.append(line)
        forms = [[RECT, PERIM_ASK], [PERIM_DIRECT]]
    elif kind == "cost":
        c = rng.randint(2, 12)
        slots.update(c=c, one=ONE[str(slots["u"])])
        line, area = step(length, "*", w)
        steps.append(line)
        line, ans = step(area, "*", c)
        steps.append(line)
        forms = [[RECT, PRICE, COST_ASK], [COST_DIRECT]]
    elif kind == "missing":
        slots["a"] = length * w
        line, ans = step(length * w, "/", length)
        steps.append(line)
        forms = [[AREA_FACT, LENGTH, WIDTH_ASK], [MISSING_DIRECT]]
    elif kind == "missing_perimeter":
        # Half the perimeter is one length and one width.
        slots["p"] = 2 * (length + w)
        line, half = step(2 * (length + w), "/", 2)
        steps.append(line)
        line, ans = step(half, "-", length)
        steps.append(line)
        forms = [[PERIM_FACT, LENGTH, WIDTH_ASK], [MISSING_P_DIRECT]]
    elif kind in ("square", "square_side"):
        shape, units, edge = rng.choice(SQUARES)
        slots.update(shape=shape, u=rng.choice(units), edge=edge, s=length)
        if kind == "square_side":
            slots["p"] = 4 * length
            line, ans = step(4 * length, "/", 4)
            steps.append(line)
            forms = [[PERIM_FACT, SIDE_ASK], [SIDE_DIRECT]]
        else:
            what = rng.choice(["area", "perimeter"])
            line, ans = step(length, "*", length) if what == "area" else step(4, "*", length)
            steps.append(line)
            slots["what"] = what
            forms = [[SQUARE, AREA_ASK if what == "area" else PERIM_ASK], [SQUARE_DIRECT]]
    else:
        shape, units = rng.choice(TRIANGLES)
        b = 2 * rng.randint(1, lv.max_small)
        slots.update(shape=shape, u=rng.choice(units), b=b, h=w)
        line, prod = step(b, "*", w)
        steps.append(line)
        line, ans = step(prod, "/", 2)
        steps.append(line)
        forms = [[TRIANGLE, AREA_ASK], [TRIANGLE_DIRECT]]
    # The price and the size of the thing covered are independent facts, in either order.
    slots["sq"] = rng.choice(SQ[str(slots["u"])])
    q = compose(rng, forms, which, shuffle_facts=kind == "cost", **slots)
    return Example("area_perimeter", q, steps, str(ans), {"kind": kind})
