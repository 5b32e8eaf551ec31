"""Two linear equations in x and y, v3, in composed sentences (compose.py). Kinds:
- elimination: v1's system (families/linear_system.py), same numbers and steps, x or y asked; the
  equations in `$…$` or typed, in one sentence or two;
- slope_form: two lines y = mx + c, set equal, x or y asked, also as where the lines cross (new);
- back_substitute: x given, y from one equation: the last part of v1's steps on its own (new).

No training question starts "Determine" or has a later sentence starting "What is": v2 held those
wordings out (restate.py), and v3 keeps v2's held-out split unseen."""
from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import fmt_int, step
from ..names import person
from ..phrasing import H, T

GIVEN = [T("Solve the system {e1} and {e2}."), T("Two equations hold: {e1} and {e2}."), T("Consider the equations {e1} and {e2}."),
         T("We know that {e1} and {e2}."), T("{name} writes down {e1} and {e2}."), H("Suppose both {e1} and {e2} are true.")]
ASK = [T("Find {v}."), T("Find the value of {v}."), T("Solve for {v}."), T("Work out {v}."), T("Give the value of {v}."),
       H("Which value does {v} take?")]
FIRST = [T("One equation is {e1}."), T("We have {e1}."), T("It is known that {e1}."), T("The first equation is {e1}."),
         H("Take the equation {e1} to start.")]
SECOND = [T("The other is {e2}."), T("We also have {e2}."), T("The second equation is {e2}."), T("In addition, {e2}."),
          H("Alongside it sits {e2}.")]
ONE = [T("If {e1} and {e2}, find {v}."), T("Find {v} given {e1} and {e2}."), T("Solve for {v}: {e1}, {e2}."),
       T("What is {v} if {e1} and {e2}?"), T("Find {v} when {e1} and {e2}."), T("Solve {e1} and {e2} for {v}."),
       H("Given that {e1} and also {e2}, which number is {v}?")]
LINES = [T("The lines {e1} and {e2} cross at one point."), T("Two lines, {e1} and {e2}, intersect."),
         T("The graphs of {e1} and {e2} meet at a point."), T("{name} draws the lines {e1} and {e2}, which cross."),
         H("On one set of axes, the lines {e1} and {e2} have a single common point.")]
COORD = [T("Find the {c}-coordinate of the point where they meet."), T("Give the {c}-coordinate of their crossing point."),
         T("Work out the {c}-coordinate where they cross."), T("Find the {c}-coordinate of the intersection."),
         H("At what {c} value do they meet?")]
BACK = [T("We know that {xeq} and {e1}."), T("Suppose {xeq} and {e1}."), T("Given {xeq} and {e1}."), T("Let {xeq}, and {e1}."),
        H("Put {xeq} into {e1}.")]
BACK_ASK = [T("Find {yv}."), T("Solve for {yv}."), T("Work out {yv}."), T("Find the value of {yv}."), H("Which number is {yv}?")]
BACK_ONE = [T("If {xeq} and {e1}, find {yv}."), T("Find {yv} when {xeq} in {e1}."), T("Substitute {xeq} into {e1} and solve for {yv}."),
            T("Solve {e1} for {yv} when {xeq}."), H("With {xeq}, what must {yv} be so that {e1} holds?")]


def eq(a: int, bb: int, c: int) -> str:
    """v1's equation text: ax ± by = c."""
    xa = "x" if a == 1 else f"{a}x"
    yb = ("y" if abs(bb) == 1 else f"{abs(bb)}y")
    return f"{xa} {'+' if bb > 0 else '-'} {yb} = {c}"


def line_eq(m: int, c: int) -> str:
    """y = mx + c, as written: "y = -x + 7", "y = 3x - 2", "y = 2x"."""
    mx = "x" if m == 1 else "-x" if m == -1 else f"{m}x"
    return f"y = {mx}" + ("" if c == 0 else f" {'+' if c > 0 else '-'} {abs(c)}")


def y_steps(a1: int, b: int, c1: int, x: int, y: int) -> list[str]:
    """v1's lines for y once x is known: a1·x, then by = c1 - a1·x, then y."""
    ax = a1 * x
    by = "y" if b == 1 else f"{b}y"
    steps = [f"${a1} \\times {fmt_int(x)} = {ax}$", f"${by} = {c1} - {fmt_int(ax)}$", f"${by} = {c1 - ax}$"]
    if b != 1:
        steps.append(f"$y = {c1 - ax} \\div {b}$")
    steps.append(f"$y = {y}$")
    return steps


def shown(text: str, tex: bool) -> str:
    return f"${text}$" if tex else text


def generate(rng: random.Random, lv: Level, which: str) -> Example:
    x, y = rng.randint(-lv.max_small // 2, lv.max_small), rng.randint(-lv.max_small // 2, lv.max_small)
    ask = rng.choice("xy")
    tex = rng.random() < 0.65
    slots: dict[str, object] = {"name": person(rng), "v": shown(ask, tex), "c": ask}
    kind = rng.choice(["elimination", "elimination", "slope_form", "back_substitute"])
    if kind == "elimination":
        b = rng.randint(1, min(lv.max_small, 9))
        a1, a2 = rng.randint(1, min(lv.max_small, 9)), rng.randint(1, min(lv.max_small, 9))
        add = rng.random() < 0.5 or a1 == a2
        b2 = -b if add else b
        c1, c2 = a1 * x + b * y, a2 * x + b2 * y
        steps: list[str] = []
        coef = a1 + a2 if add else a1 - a2
        rhs = c1 + c2 if add else c1 - c2
        steps.append(f"${coef}x = {rhs}$" if add else f"${coef}x = {c1} - {fmt_int(c2)}$")
        if not add:
            steps.append(f"${coef}x = {rhs}$")
        if coef != 1:
            steps.append(f"$x = {rhs} \\div {fmt_int(coef)}$")
        steps.append(f"$x = {x}$")
        if ask == "y":
            steps += y_steps(a1, b, c1, x, y)
        slots.update(e1=shown(eq(a1, b, c1), tex), e2=shown(eq(a2, b2, c2), tex))
        q = compose(rng, [[GIVEN, ASK], [FIRST, SECOND, ASK], [ONE]], which, **slots)
        return Example("linear_system", q, steps, str(x if ask == "x" else y), {"kind": kind})
    if kind == "slope_form":
        # The steeper line first, so that its side of the equation keeps a positive x.
        # No horizontal line: each side of the first step keeps its x.
        m2 = rng.choice([-4, -3, -2, -1, 1, 2, 3, 4])
        m1 = rng.choice([m for m in range(m2 + 1, m2 + 6) if m != 0])
        c1, c2 = y - m1 * x, y - m2 * x
        coef = m1 - m2
        steps = [f"${line_eq(m1, c1)[4:]} = {line_eq(m2, c2)[4:]}$"]
        # m1·x + c1 = m2·x + c2 gives (m1 - m2)x = c2 - c1.
        steps.append(f"${'' if coef == 1 else coef}x = {c2} - {fmt_int(c1)}$")
        if coef != 1:
            steps.append(f"${coef}x = {c2 - c1}$")
            steps.append(f"$x = {c2 - c1} \\div {coef}$")
        steps.append(f"$x = {x}$")
        if ask == "y":
            if m1 != 1:
                line, mx = step(m1, "*", x)
                steps.append(line)
            else:
                mx = x
            steps.append(f"$y = {mx} + {fmt_int(c1)}$")
            steps.append(f"$y = {y}$")
        first, second = line_eq(m1, c1), line_eq(m2, c2)
        if rng.random() < 0.5:
            first, second = second, first
        slots.update(e1=shown(first, tex), e2=shown(second, tex))
        q = compose(rng, [[GIVEN, ASK], [FIRST, SECOND, ASK], [ONE], [LINES, COORD]], which, **slots)
        return Example("linear_system", q, steps, str(x if ask == "x" else y), {"kind": kind})
    b = rng.randint(1, min(lv.max_small, 9))
    a1 = rng.randint(1, min(lv.max_small, 9))
    c1 = a1 * x + b * y
    slots.update(e1=shown(eq(a1, b, c1), tex), xeq=shown(f"x = {x}", tex), yv=shown("y", tex))
    q = compose(rng, [[BACK, BACK_ASK], [BACK_ONE]], which, **slots)
    return Example("linear_system", q, y_steps(a1, b, c1, x, y), str(y), {"kind": kind})
