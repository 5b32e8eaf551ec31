"""Area and perimeter of rectangles, squares and right triangles, and a missing side from the area."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import step
from ..phrasing import H, T, fill
from ..registry import Templates

RECT_AREA = [T("A rectangle is {l} {u} long and {w} {u} wide. What is its area?"), T("Find the area of a rectangle {l} {u} by {w} {u}."),
             T("What is the area, in square {u}, of a rectangle with length {l} {u} and width {w} {u}?"),
             T("A garden measures {l} m by {w} m. How many square metres is it?"),
             H("Work out the area of a {l} {u} by {w} {u} rectangle."), H("How much floor does a {l} m by {w} m room cover, in square metres?")]
RECT_PERIMETER = [T("A rectangle is {l} {u} long and {w} {u} wide. What is its perimeter?"), T("Find the perimeter of a rectangle {l} {u} by {w} {u}."),
                  T("How much fence is needed to go around a field {l} m long and {w} m wide?"),
                  H("What is the distance around a rectangle with sides {l} {u} and {w} {u}?")]
SQUARE = [T("A square has sides of {s} {u}. What is its {what}?"), T("Find the {what} of a square with side {s} {u}."),
          H("Each side of a square tile is {s} {u}. Calculate the tile's {what}.")]
TRIANGLE = [T("A triangle has a base of {b} {u} and a height of {h} {u}. What is its area?"),
            T("Find the area of a triangle with base {b} {u} and height {h} {u}."),
            H("What is the area of a right triangle whose legs are {b} {u} and {h} {u}?")]
MISSING = [T("A rectangle has an area of {a} square {u} and a length of {l} {u}. How wide is it?"),
           T("The area of a rectangle is {a} square {u}. Its length is {l} {u}. Find its width."),
           H("What is the width of a rectangle with area {a} square {u} and length {l} {u}?")]
UNITS = ["cm", "m", "inches", "feet", "metres", "centimetres"]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    u = rng.choice(UNITS)
    length, w = rng.randint(2, lv.max_small * 2), rng.randint(2, lv.max_small)
    kind = rng.choice(["rect_area", "rect_perimeter", "square", "triangle", "missing"])
    steps: list[str] = []
    if kind == "rect_area":
        line, ans = step(length, "*", w)
        steps.append(line)
        q = fill(rng, RECT_AREA, which, l=length, w=w, u=u)
    elif kind == "rect_perimeter":
        line, half = step(length, "+", w)
        steps.append(line)
        line, ans = step(2, "*", half)
        steps.append(line)
        q = fill(rng, RECT_PERIMETER, which, l=length, w=w, u=u)
    elif kind == "square":
        what = rng.choice(["area", "perimeter"])
        line, ans = step(length, "*", length) if what == "area" else step(4, "*", length)
        steps.append(line)
        q = fill(rng, SQUARE, which, s=length, u=u, what=what)
    elif kind == "triangle":
        b = 2 * rng.randint(1, lv.max_small)
        line, prod = step(b, "*", w)
        steps.append(line)
        line, ans = step(prod, "/", 2)
        steps.append(line)
        q = fill(rng, TRIANGLE, which, b=b, h=w, u=u)
    else:
        line, ans = step(length * w, "/", length)
        steps.append(line)
        q = fill(rng, MISSING, which, a=length * w, l=length, u=u)
    return Example("area_perimeter", q, steps, str(ans), {"kind": kind})
