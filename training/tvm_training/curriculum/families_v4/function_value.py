"""The value of a function at a point, v4's new kinds. v3 writes its formulas in LaTeX or as plain
"x^2" with a hyphen for minus, and only polynomials; students type "g(x) = x² − 3x + 2" and meet
fractions of a formula. These kinds add:
- typed: a quadratic or cubic typed as students type it, with Unicode (x², x³, −) or with ^, the
  input often negative ("Evaluate g(−2) when g(x) = x² − 3x + 2");
- rational: a linear or quadratic numerator over a whole denominator, chosen so that the value is
  whole ("Given f(x) = (2x − 1)/3, find f(5)"), typed or as \\frac.
Functions f, g, h, p; "when / given / for / if" phrasings. The steps are v3's (latex.evaluation_steps)
for polynomials, and for a fraction the numerator one operation per line, then the division."""
from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import evaluation_steps, poly_tex, step
from ..phrasing import H, T, typed_polynomial
from ..registry import Templates

# {d}: the definition ("g(x) = x² − 3x + 2"), {c}: the value asked ("g(5)"), {fn}: the name, {xv}: the input.
ONE = [T("Evaluate {c} when {d}."), T("Given {d}, find {c}."), T("Find {c} for {d}."), T("If {d}, what is {c}?"),
       T("What is {c} when {d}?"), T("Work out {c} given {d}."), T("Calculate {c} if {d}."),
       H("With the rule {d}, what number is {c}?")]
DEF = [T("Let {d}."), T("Given {d}."), T("A function is defined as {d}."), T("{d}."), T("We have {d}."),
       H("The function in question is {d}.")]
ASK = [T("Find {c}."), T("What is {c}?"), T("Evaluate {c}."), T("What do you get for {c}?"),
       T("Work out the value of {fn} when x = {xv}."), H("Put x = {xv} in and give {c}.")]
ASK_FIRST = [T("Find {c} when {d}"), T("what is {c} if {d}"), T("{c} = ? for {d}"), T("Evaluate {c}, for {d}"),
             H("I need {c}, and the rule is {d}")]

def _rational(rng: random.Random, lv: Level) -> tuple[str, str, int, list[str], int]:
    """(a x + b)/c or (x^2 + b)/c with a whole value at x: the numerator's LaTeX, the denominator, the
    input, the steps and the value."""
    square = rng.random() < 0.3
    while True:
        c = rng.randint(2, 6 if lv.name == "train" else 9)
        x = rng.randint(-6, 9)
        a = 1 if square else rng.randint(1, 6)
        top = x * x if square else a * x
        b = c * rng.randint(-4, 9) - top
        if b != 0 and abs(b) <= 12:
            break
    steps: list[str] = []
    if square:
        steps.append(f"${'(' + str(x) + ')' if x < 0 else x}^2 = {top}$")
    elif a != 1:
        steps.append(step(a, "*", x)[0])
    line, total = step(top, "+" if b > 0 else "-", abs(b))
    steps.append(line)
    line, value = step(total, "/", c)
    steps.append(line)
    return poly_tex({2 if square else 1: a, 0: b}), str(c), x, steps, value


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    kind = rng.choice(["typed", "typed", "rational"])
    fn = rng.choice(["f", "g", "h", "p"])
    unicode = rng.random() < 0.6
    if kind == "typed":
        deg = rng.choice([2, 2, 3]) if lv.name == "train" else rng.choice([2, 3])
        coeffs = {p: rng.randint(-9, 9) for p in range(deg + 1)}
        coeffs[deg] = rng.choice([-2, -1, 1, 1, 2, 3])
        coeffs[0] = rng.choice([c for c in range(-9, 10) if c != 0])
        x = rng.randint(-4, 5) if deg == 3 else rng.randint(-6, 7)
        steps, value = evaluation_steps(coeffs, x)
        formula = typed_polynomial(poly_tex(coeffs), unicode)
    else:
        numerator, den, x, steps, value = _rational(rng, lv)
        if rng.random() < 0.25:
            formula = f"\\frac{{{numerator}}}{{{den}}}"
        else:
            formula = f"({typed_polynomial(numerator, unicode)})/{den}"
    xv = (str(x).replace("-", "−") if unicode else str(x))
    # LaTeX \frac needs $…$; the typed forms are written as students type them, without it.
    d, c = f"{fn}(x) = {formula}", f"{fn}({xv})"
    if "\\frac" in formula:
        d, c = f"${d}$", f"${c}$"
    q = compose(rng, [[ONE], [DEF, ASK], [ASK_FIRST]], which, d=d, c=c, fn=fn, xv=xv)
    return Example("function_value", q, steps, str(value), {"kind": kind})
