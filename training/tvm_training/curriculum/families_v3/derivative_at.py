"""The derivative of a polynomial at a point, v3: v2's kind (differentiate term by term, then evaluate),
asked as f'(a), dy/dx at a point, the slope (gradient) of the tangent or the rate of change; and, new,
the one-step question that asks for the derivative itself (f'(x)), answered as v2's polynomials family
answers it. Composed sentences (compose.py), with $…$ or as plain text; v2's step lines."""
from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import derivative_lines, evaluation_steps, poly_tex
from ..phrasing import H, T
from ..registry import Templates

# {d}: the function ("$f(x) = …$" or "$y = …$"), {e}: the polynomial alone, {fn}: its name ("$f$", "$y$"),
# {c}: the derivative asked at the point ("$f'(2)$", "$\frac{dy}{dx}$ at $x = 2$"), {fp}: the derivative
# itself ("$f'(x)$", "$\frac{dy}{dx}$"), {at}: the point ("$x = 2$").
DEF = [T("Let {d}."), T("Given {d}."), T("Consider {d}."), T("{d}."), T("A function is defined by {d}."),
       H("Suppose a function obeys the rule {d}.")]
ASK_AT = [T("Find {c}."), T("What is {c}?"), T("Calculate {c}."), T("Work out {c}."), T("Evaluate the derivative at {at}."),
          T("Find the derivative at {at}."), H("Determine how large the derivative is when {at}.")]
ONE_AT = [T("Find the derivative of {d} at {at}."), T("If {d}, what is {c}?"),
          T("Differentiate {e} and evaluate the derivative at {at}."),
          T("Compute {c} for {d}."), T("Find {c}, where {d}."), T("Differentiate {d}, then find its value at {at}."),
          T("What is the derivative of {e} at {at}?"), H("At {at}, how large is the derivative of {e}?")]
# The slope of the tangent: the same derivative, asked about a curve.
CURVE = [T("A curve has equation {d}."), T("The graph of {d} is drawn."), T("Consider the curve {d}."), T("Let {d}."),
         T("A curve is given by {d}."), H("Picture the curve traced by {d}.")]
SLOPE_ASK = [T("Find the slope of the tangent at {at}."), T("What is the gradient of the curve at {at}?"),
             T("What is the slope of the tangent line at {at}?"), T("Find the gradient of the tangent where {at}."),
             T("Work out the slope of the curve at {at}."), H("How steep is the curve at the point where {at}?")]
ONE_SLOPE = [T("What is the slope of the tangent to {d} at {at}?"), T("Find the gradient of the curve {d} at {at}."),
             T("Find the slope of the tangent line to the graph of {d} where {at}."),
             T("What is the gradient of {d} at {at}? Use the derivative."),
             H("Using calculus, how steep is the graph of {d} at {at}?")]
# The rate of change: the same derivative again.
RATE_ASK = [T("Find the rate of change of {fn} at {at}."), T("How fast is {fn} changing at {at}?"),
            T("What is the instantaneous rate of change at {at}?"), T("At what rate is {fn} changing when {at}?"),
            H("How quickly does {fn} change at the moment {at}?")]
ONE_RATE = [T("Find the rate of change of {d} at {at}."),
            T("What is the instantaneous rate of change of {fn} when {at}, given {d}?"),
            T("How fast is {fn} changing at {at} if {d}?"), H("If {d}, how quickly is {fn} changing once {at}?")]
# The derivative itself (one step: no point to evaluate at).
ASK_FN = [T("Find {fp}."), T("Differentiate it."), T("What is the derivative?"), T("Find the derivative of {fn}."),
          T("Work out {fp}."),
          H("Write down the derivative function.")]
ONE_FN = [T("Differentiate {e}."), T("Find the derivative of {d}."), T("What is {fp} if {d}?"), T("Find {fp} for {d}."),
          T("Differentiate {d} with respect to x."), H("Give the gradient function of {d}.")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    deg = rng.randint(2, 3 if lv.name == "train" else 4)
    coeffs = {p: rng.randint(-9, 9) for p in range(deg + 1)}
    coeffs[deg] = rng.randint(1, 6)
    x = rng.randint(-3, 4)
    steps, derivative = derivative_lines(coeffs)
    kind = rng.choice(["derivative", "derivative", "slope", "rate", "derivative_function"])
    # Math as $…$ mostly, sometimes plain text (f'(2), dy/dx), the same way throughout the question.
    plain = rng.random() < 0.25

    def w(s: str) -> str:
        return s if plain else f"${s}$"
    # No g: "Let $g(x) = …$. Find $g'(…)$." is one of v2's held-out templates.
    # A curve's tangent is asked about y = …; a function's derivative about f, h, p or y.
    fn = "y" if kind == "slope" else rng.choice(["f", "f", "h", "p", "y"])
    poly = poly_tex(coeffs)
    at = w(f"x = {x}")
    if fn == "y":
        dydx = "dy/dx" if plain else "$\\frac{dy}{dx}$"
        slots = {"d": w(f"y = {poly}"), "fn": w("y"), "c": f"{dydx} at {at}", "fp": dydx}
    else:
        slots = {"d": w(f"{fn}(x) = {poly}"), "fn": w(fn), "c": w(f"{fn}'({x})"), "fp": w(f"{fn}'(x)")}
    slots.update(e=w(poly), at=at)
    if kind == "derivative_function":
        q = compose(rng, [[DEF, ASK_FN], [ONE_FN]], which, **slots)
        return Example("derivative_at", q, steps, f"${poly_tex(derivative)}$", {"kind": kind, "degree": str(deg)})
    forms = {"derivative": [[DEF, ASK_AT], [ONE_AT]], "slope": [[CURVE, SLOPE_ASK], [ONE_SLOPE]],
             "rate": [[DEF, RATE_ASK], [ONE_RATE]]}[kind]
    more, total = evaluation_steps(derivative, x)
    q = compose(rng, forms, which, **slots)
    return Example("derivative_at", q, steps + more, str(total), {"kind": kind, "degree": str(deg)})
