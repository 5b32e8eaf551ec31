"""The derivative of a polynomial at a point, v4's new kinds. v3 writes its functions in LaTeX or as
"x^2" with a hyphen, with the prime always "'"; students type "f′(2) for f(x) = x³ + x". These kinds
add, typed without LaTeX, in Unicode (x², x³, −, ′) or with ^ and ':
- prime: "Find f′(2) for f(x) = x³ + x";
- dydx: "Differentiate y = 2x² − 8x + 1 and evaluate dy/dx at x = 5";
- gradient: "the gradient of the curve y = … at x = …", at the point (a, b) or where x = a.
The steps are v3's: each term differentiated on its own line, then the derivative evaluated one
operation per line (latex.evaluation_steps)."""
from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import derivative_lines, evaluation_steps, poly_tex
from ..phrasing import H, T, typed_polynomial
from ..registry import Templates

# {d}: the function ("f(x) = x³ + x"), {c}: the derivative at the point ("f′(2)"), {fn}: the name,
# {at}: "x = 2", {xv}: the input, {fp}: the derivative ("f′(x)", "dy/dx").
PRIME = [T("Find {c} for {d}."), T("Given {d}, find {c}."), T("If {d}, what is {c}?"), T("What is {c} when {d}?"),
         T("Calculate {c} where {d}."), T("{d}. Find {c}."), H("Work out the value of {c}, knowing {d}.")]
PRIME_DEF = [T("Let {d}."), T("Suppose {d}."), T("You are given {d}."), T("Take the function {d}."), H("The function {d} is given.")]
PRIME_ASK = [T("What is {c}?"), T("Find {fp}, then {c}."), T("Evaluate {c}."), T("Work out {c}."), T("find {c}"),
             H("Give the number {c} equals.")]
DYDX = [T("Differentiate {d} and evaluate {fp} at {at}."), T("Find {fp} for {d} when {at}."),
        T("Given {d}, find the value of {fp} when {at}."), T("If {d}, what is {fp} at {at}?"),
        T("Differentiate {d}, then work out {fp} at {at}."), H("Once {d} is differentiated, what does {fp} come to at {at}?")]
DYDX_DEF = [T("A curve has equation {d}."), T("Let {d}."), T("Consider {d}."), T("Given {d}."), H("Someone writes down {d}.")]
DYDX_ASK = [T("Find {fp} when {at}."), T("Differentiate and evaluate {fp} at {at}."), T("What is {fp} at {at}?"),
            T("Work out {fp} where {at}."), H("Report {fp} at the point where {at}.")]
GRADIENT = [T("Find the gradient of the curve {d} at {at}."), T("What is the gradient of {d} when {at}?"),
            T("Work out the gradient of the curve {d} at the point where {at}."),
            T("Find the gradient of {d} at the point with x-coordinate {xv}."), T("what is the gradient of {d} at {at}"),
            H("How steep, as a gradient, is {d} where {at}?")]
GRADIENT_CURVE = [T("The curve {d} is sketched."), T("A curve has equation {d}."), T("Consider the curve {d}."),
                  T("Look at the curve {d}."), H("A graph follows the rule {d}.")]
GRADIENT_ASK = [T("Find its gradient at {at}."), T("What is the gradient at {at}?"), T("Work out the gradient where {at}."),
                T("Find the gradient of the curve at the point where {at}."), H("Say what its gradient is once {at}.")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    deg = rng.choice([2, 2, 3]) if lv.name == "train" else rng.choice([2, 3])
    coeffs = {p: rng.randint(-9, 9) for p in range(deg + 1)}
    coeffs[deg] = rng.randint(1, 4 if deg == 3 else 6)
    # Not 0: every term would vanish.
    x = rng.choice([v for v in range(-3, 5) if v]) if deg == 3 else rng.choice([v for v in range(-5, 7) if v])
    steps, derivative = derivative_lines(coeffs)
    more, value = evaluation_steps(derivative, x)
    unicode = rng.random() < 0.6
    poly = typed_polynomial(poly_tex(coeffs), unicode)
    xv = str(x).replace("-", "−") if unicode else str(x)
    kind = rng.choice(["prime", "dydx", "gradient"])
    slots: dict[str, object] = {"at": f"x = {xv}", "xv": xv}
    if kind == "prime":
        fn = rng.choice(["f", "f", "g", "h"])
        prime = "′" if unicode and rng.random() < 0.7 else "'"
        slots.update(d=f"{fn}(x) = {poly}", c=f"{fn}{prime}({xv})", fp=f"{fn}{prime}(x)")
        forms = [[PRIME], [PRIME_DEF, PRIME_ASK]]
    else:
        slots.update(d=f"y = {poly}", fp=rng.choice(["dy/dx", "dy/dx", "y′" if unicode else "y'"]))
        forms = [[DYDX], [DYDX_DEF, DYDX_ASK]] if kind == "dydx" else [[GRADIENT], [GRADIENT_CURVE, GRADIENT_ASK]]
    q = compose(rng, forms, which, **slots)
    return Example("derivative_at", q, steps + more, str(value), {"kind": kind, "degree": str(deg)})
