"""The value of a function given by a formula (linear or quadratic) at a point, v3: v2's kind (a named
function, "f(3)"), and the same evaluation asked as an expression with a value to substitute
("3x - 2 when x = 4") or as "y = …, find y when x = …"; functions named f, g, h, p of x, t or n,
written with $…$ or as plain text, in composed sentences (compose.py). The steps are v2's
(latex.evaluation_steps)."""
from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import evaluation_steps, poly_tex
from ..phrasing import H, T
from ..registry import Templates

# {d}: the definition ("$f(x) = 3x - 2$"), {c}: the value asked ("$f(4)$"), {fn}: the function's name,
# {at}: the input ("$x = 4$"), {xv}: the input alone, {e}: the formula alone, {y}: the letter y.
DEF = [T("Let {d}."), T("Given {d}."), T("Consider the function {d}."), T("A function is defined by {d}."), T("{d}."),
       H("Suppose a function obeys the rule {d}.")]
ASK = [T("Find {c}."), T("What is {c}?"), T("Work out {c}."), T("Calculate {c}."), T("Evaluate {c}."),
       T("What is the output of {fn} when the input is {xv}?"), T("Find the value of {fn} when {at}."),
       H("Determine the value of {c}.")]
DEF_AFTER = [T("Here {d}."), T("The function is {d}."), T("It is defined by {d}."), T("Use {d}."), H("The rule to use is {d}.")]
ASK_FIRST = [T("Find {c}."), T("What is {c}?"), T("Work out {c}."), T("Calculate the value of {c}."), H("I need {c}.")]
ONE_SENTENCE = [T("If {d}, find {c}."), T("Given {d}, what is {c}?"), T("Evaluate {c} for {d}."), T("Find {c} when {d}."),
                T("What does {c} equal if {d}?"), T("For {d}, work out {c}."), T("Calculate {c} given that {d}."),
                H("Using the rule {d}, compute {c}."), H("Plug {xv} into {d} to get {c}. What number is it?")]
# An expression and a value to substitute.
EXPR = [T("Evaluate {e} when {at}."), T("Find the value of {e} when {at}."), T("What is {e} when {at}?"),
        T("If {at}, what is {e}?"),
        T("Work out {e} for {at}."), T("Substitute {at} into {e}."), T("Calculate {e} if {at}."),
        H("Put {at} into {e}. Which number comes out?")]
AT_FACT = [T("Let {at}."), T("Suppose {at}."), T("{at}."), T("Take {at}."), H("We are told that {at}.")]
EXPR_ASK = [T("Evaluate {e}."), T("What is the value of {e}?"), T("Find the value of {e}."), T("Work out {e}."),
            T("Calculate {e}."),
            H("What number does {e} come to?")]
# y = … and a value of x.
Y_DEF = [T("Let {d}."), T("Given {d}."), T("A graph has equation {d}."), T("{d}."), H("The rule linking x and y is {d}.")]
Y_ASK = [T("Find {y} when {at}."), T("What is {y} when {at}?"), T("Work out the value of {y} for {at}."),
         T("Calculate {y} when {at}."),
         T("What is the value of {y} if {at}?"), H("Which {y} goes with {at}?")]
Y_ONE = [T("If {d}, find {y} when {at}."), T("Find {y} when {at}, given {d}."), T("What is {y} if {d} and {at}?"),
         T("Given {d}, work out {y} for {at}."), H("For the graph of {d}, what height does it reach at {at}?")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    deg = rng.choice([1, 1, 2]) if lv.name == "train" else rng.choice([1, 2, 2])
    coeffs = {p: rng.randint(-9, 9) for p in range(deg + 1)}
    coeffs[deg] = rng.choice([c for c in range(-6, 10) if c != 0])
    # A constant term, so that every evaluation has at least one step.
    coeffs[0] = rng.choice([c for c in range(-9, 10) if c != 0])
    x = rng.randint(-5, 6)
    steps, total = evaluation_steps(coeffs, x)
    kind = rng.choice(["function", "function", "expression", "y"])
    var = "x" if kind == "y" else rng.choice(["x", "x", "t", "n"] if kind == "function" else ["x", "x", "a", "n", "t"])
    fn = rng.choice(["f", "f", "g", "h", "p"])
    poly = poly_tex(coeffs, var)
    # Written as math ($…$) mostly, sometimes as plain text, the same way throughout the question.
    def w(s: str) -> str:
        return s if plain else f"${s}$"
    plain = rng.random() < 0.3
    slots = {"at": w(f"{var} = {x}"), "xv": w(str(x)), "e": w(poly), "y": w("y"), "fn": w(fn),
             "d": w(f"y = {poly}") if kind == "y" else w(f"{fn}({var}) = {poly}"), "c": w(f"{fn}({x})")}
    if kind == "function":
        forms = [[DEF, ASK], [ONE_SENTENCE], [ASK_FIRST, DEF_AFTER]]
    elif kind == "expression":
        forms = [[EXPR], [AT_FACT, EXPR_ASK]]
    else:
        forms = [[Y_DEF, Y_ASK], [Y_ONE]]
    q = compose(rng, forms, which, **slots)
    return Example("function_value", q, steps, str(total), {"kind": kind, "degree": str(deg)})
