"""Linear equations, v4: the shapes and notation v3 left out.

v3 restates v1's equations (families/linear_equation.py): ax ± b = c, a(x + b) = c and
ax + b = cx + d, in x, y or n, with an ASCII minus. Textbooks also set a bracket with the unknown
on both sides ("5(x + 1) = 3x + 13"), brackets on both sides ("3(x + 2) = 2(x + 5)"), the unknown
divided by a number ("n/4 − 2 = 3", "(x + 3)/5 = 4"), other letters (a, m, t) and a typed Unicode
minus. Each equation line is one move (expand, take the unknown or a number to one side, multiply
or divide), written as v1 writes equation lines; the arithmetic a move needs is its own
`$a op b = c$` line just before it, so that every number in the solution is checked.
"""
from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import step
from ..phrasing import H, T

# v2 and v3 hold out "What value of x makes … true?", "Determine x when …", "… . What is x?",
# "Given …, find x." and "For what value of x is …?": training sentences here avoid those wordings.
ALONE = [T("Solve {eq}."), T("Solve for {v}: {eq}"), T("Find {v} if {eq}."), T("What is {v} when {eq}?"),
         T("Find the value of {v} if {eq}."), T("Solve the equation {eq} for {v}."), T("Solve {eq} to find {v}."),
         H("Which number {v} satisfies {eq}?"), H("Work out the {v} that makes {eq} hold.")]
STATED = [T("An equation reads {eq}."), T("Here is an equation: {eq}."), T("You are given {eq}."), T("Look at the equation {eq}."),
          H("Someone writes down {eq}.")]
ASKED = [T("Solve it for {v}."), T("Find {v}."), T("Work out {v}."), T("What value does {v} take?"), T("Find the value of {v}."),
         H("Which number is {v}?")]
FORMS = [[ALONE], [STATED, ASKED]]


def _lin(coef: int, var: str, const: int = 0) -> str:
    """coef·var + const as v1 writes it: "5x + 5", "x - 3", "2x"."""
    term = var if coef == 1 else f"{coef}{var}"
    if const == 0:
        return term
    return f"{term} + {const}" if const > 0 else f"{term} - {-const}"


def _solved(var: str, a: int, b: int, c: int, d: int, steps: list[str]) -> int:
    """The lines from ax + b = cx + d (a > c ≥ 0) to the value of var: take cx to the left, b to the
    right, divide by the coefficient."""
    k = a - c
    if c:
        steps.append(f"${_lin(k, var, b)} = {d}$")
    r = d
    if b:
        line, r = step(d, "-", b) if b > 0 else step(d, "+", -b)
        steps.append(line)
        steps.append(f"${_lin(k, var)} = {r}$")
    x = r
    if k != 1:
        line, x = step(r, "/", k)
        steps.append(line)
        steps.append(f"${var} = {x}$")
    return x


def _bracket_both_sides(rng: random.Random, lv: Level, var: str) -> tuple[str, str, list[str], int]:
    """a(x ± b) = cx + d, or a(x ± b) = c(x ± e): the bracket expanded first."""
    while True:
        x = rng.randint(1, lv.max_small)
        a = rng.randint(2, 9)
        c = rng.randint(1, a - 1)
        b = rng.choice([1, -1]) * rng.randint(1, 12)
        lhs_latex = f"{a}({_lin(1, var, b)})"
        if rng.random() < 0.5:
            d = (a - c) * x + a * b
            if d <= 0:
                continue
            rhs_latex = _lin(c, var, d)
        else:
            # c(x + e) = ax + ab - cx with e whole: c must divide (a - c)x + ab.
            ce = (a - c) * x + a * b
            if c == 1 or ce % c or ce == 0:
                continue
            d = ce
            rhs_latex = f"{c}({_lin(1, var, ce // c)})"
        break
    steps = [f"${_lin(a, var, a * b)} = {_lin(c, var, d)}$"]
    assert _solved(var, a, a * b, c, d, steps) == x
    return lhs_latex, rhs_latex, steps, x


def _divided(rng: random.Random, lv: Level, var: str) -> tuple[str, str, list[str], int]:
    """x/k ± b = c (undo the ± first) or (x ± b)/k = c (multiply first)."""
    k = rng.randint(2, 12)
    b = rng.randint(1, lv.max_small)
    steps: list[str] = []
    if rng.random() < 0.5:
        q = rng.randint(1, lv.max_small) + (b if rng.random() < 0.5 else 0)
        sign = rng.choice([1, -1]) if q > b else 1
        c = q + sign * b
        line, _ = step(c, "-", b) if sign > 0 else step(c, "+", b)
        steps += [line, f"$\\frac{{{var}}}{{{k}}} = {q}$"]
        line, x = step(q, "*", k)
        steps += [line, f"${var} = {x}$"]
        return f"\\frac{{{var}}}{{{k}}} {'+' if sign > 0 else '-'} {b}", str(c), steps, x
    c = rng.randint(1, lv.max_small)
    line, w = step(c, "*", k)
    sign = rng.choice([1, -1]) if w > b else -1
    steps += [line, f"${_lin(1, var, sign * b)} = {w}$"]
    line, x = step(w, "-", b) if sign > 0 else step(w, "+", b)
    steps += [line, f"${var} = {x}$"]
    return f"\\frac{{{_lin(1, var, sign * b)}}}{{{k}}}", str(c), steps, x


def _typed(latex: str, minus: str) -> str:
    """An equation as typed without LaTeX: \\frac{x + 3}{5} → (x + 3)/5, \\frac{n}{4} → n/4."""
    text = latex
    while "\\frac{" in text:
        start = text.index("\\frac{")
        num_end = text.index("}", start)
        den_end = text.index("}", num_end + 2)
        top, bottom = text[start + 6:num_end], text[num_end + 2:den_end]
        top = top if len(top) == 1 else f"({top})"
        text = text[:start] + f"{top}/{bottom}" + text[den_end + 1:]
    return text.replace("-", minus)


def generate(rng: random.Random, lv: Level, which: str) -> Example:
    var = rng.choice("xxnyamt")
    kind = rng.choice(["bracket_both_sides", "divided"])
    lhs, rhs, steps, x = (_bracket_both_sides if kind == "bracket_both_sides" else _divided)(rng, lv, var)
    latex = f"{lhs} = {rhs}"
    r = rng.random()
    eq = f"${latex}$" if r < 0.35 else _typed(latex, "−" if r < 0.7 else "-")
    question = compose(rng, FORMS, which, eq=eq, v=var)
    return Example("linear_equation", question, steps, str(x), {"kind": kind})
