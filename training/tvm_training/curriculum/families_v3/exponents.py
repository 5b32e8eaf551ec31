"""Exponent rules, v3: v2's kinds (a product or quotient of powers of one base, a power of a power, with
a letter base simplified or a number base evaluated; the value of a power) and two new ones: simplify
a letter expression and evaluate it at a given value ("x^5 ÷ x^2 at x = 2"), and the missing exponent
("2^3 × 2^n = 2^7"); composed sentences (compose.py), the expression in LaTeX or typed ("10^6 / 10^4").

v2's templates start with "Simplify", "Evaluate", "What is", … and end with the expression, so that
each of them matches any question that starts with those words: a held-out question here never starts
with them, and no training question starts with the words of v2's held-out ones ("Find the value of")."""
from __future__ import annotations

import random
import re

from ..compose import compose
from ..example import Example, Level
from ..phrasing import H, T, math
from ..registry import Templates

RULES = {"product": "product rule", "quotient": "quotient rule", "power": "power of a power rule"}

# {m}: the expression, {b}: its base, {rule}: the rule that applies.
INTRO = [T("Consider {m}."), T("Look at the expression {m}."), T("Here is an expression: {m}."), T("You are given {m}."),
         H("Take the expression {m}.")]
SIMPLIFY = [T("Simplify {m}."), T("Write {m} as a single power."), T("Simplify {m} using the laws of indices."),
            T("Express {m} as a power of {b}."), T("What is {m} in index form?"), T("Use the laws of exponents to simplify {m}."),
            T("Using the {rule}, simplify {m}."), T("Rewrite {m} as one power of {b}."),
            H("Reduce {m} to a single power of {b}."),
            H("Collapse {m} into one power.")]
SIMPLIFY_ASK = [T("Simplify it."), T("Write it as a single power."), T("Express it as one power of {b}."),
                T("Use the rules of exponents to simplify it."), T("What single power of {b} is it equal to?"),
                H("Turn it into a single power of {b}.")]
NUMBER = [T("Simplify {m}."), T("Simplify {m}, then evaluate it."), T("Evaluate {m}."), T("What is {m}?"),
          T("Work out {m} using the laws of indices."), T("Write {m} as a single power and find its value."),
          T("Using the {rule}, evaluate {m}."), T("Calculate {m}."), H("Apply the {rule} to {m} and give the number it equals."),
          H("How much is {m}?")]
NUMBER_ASK = [T("Simplify it and give its value."), T("What number is it equal to?"),
              T("Write it as a single power, then evaluate."),
              T("Evaluate it."), T("Find its value."), H("Which whole number does it come to?")]
# The value of one power; {k}: the exponent.
VALUE = [T("Evaluate {m}."), T("What is {m}?"), T("Compute {m}."), T("Calculate the value of {m}."), T("Work out {m}."),
         T("What is {b} to the power of {k}?"), T("Work out {b} raised to the power {k}."), T("Write {m} as an ordinary number."),
         H("What number does {m} stand for?"), H("Multiply together {k} factors of {b}. What do you get?")]
# Simplify, then evaluate at a value; {at}: "$x = 2$".
AT = [T("Simplify {m} and evaluate it at {at}."), T("Simplify {m}, then find its value when {at}."), T("If {at}, what is {m}?"),
      T("Evaluate {m} when {at}."), T("Work out {m} when {at}."), T("Using the {rule}, evaluate {m} for {at}."),
      H("Given {at}, reduce {m} to one power and give its value.")]
AT_FACT = [T("Let {at}."), T("Suppose {at}."), T("Take {at}."), T("Set {at}."), H("We are told that {at}.")]
AT_ASK = [T("Simplify {m}, then evaluate it."), T("What is {m}?"), T("Evaluate {m}."), T("Find the value of {m}."),
          T("Work out {m} after simplifying."), H("Give the number that {m} equals.")]
# The missing exponent; {eq}: the equation, {u}: the unknown exponent.
MISSING = [T("Find {u} if {eq}."), T("Solve for {u}: {eq}."), T("What is {u} when {eq}?"), T("If {eq}, what is {u}?"),
           T("Work out the missing power {u} in {eq}."), T("Find the exponent {u} such that {eq}."),
           H("Which exponent {u} makes {eq} true?")]
EQ_FACT = [T("{eq}."), T("It is known that {eq}."), T("Suppose {eq}."), T("Given {eq}."), H("We know that {eq}.")]
MISSING_ASK = [T("Find {u}."), T("What is {u}?"), T("Work out the value of {u}."), T("Solve for {u}."), H("Which number is {u}?")]


def typed(latex: str, rng: random.Random) -> str:
    """The expression as a student types it: "10^6 / 10^4", "x^3 * x^4"."""
    text = latex.replace("{", "").replace("}", "")
    text = text.replace("\\times", rng.choice(["×", "*"])).replace("\\cdot", rng.choice(["*", "·"]))
    return text.replace("\\div", rng.choice(["÷", "/"]))


def expression(rng: random.Random, latex: str, plain: bool) -> str:
    """The expression in the question: a one-character exponent without braces ("x^3", as people write
    it, and the v3 tests read a brace as an unfilled slot); typed (`plain`) or as math."""
    latex = re.sub(r"\^\{(\w)\}", r"^\1", latex)
    return typed(latex, rng) if plain else math(latex, rng)


def typed_or_math(rng: random.Random, text: str, plain: bool) -> str:
    """A short piece of math inside a sentence ("x = 2", "n"), written the same way as the expression."""
    return text if plain else f"${text}$"


def rule_lines(kind: str, base: str, a: int, b: int, numeric: bool) -> tuple[str, list[str], int]:
    """v2's expression and lines for one rule: the exponents combined, then worked out."""
    if kind == "product":
        expr = f"{base}^{a} \\times {base}^{b}" if numeric else f"{base}^{{{a}}} \\cdot {base}^{{{b}}}"
        return expr, [f"${expr} = {base}^{{{a} + {b}}}$", f"${base}^{{{a} + {b}}} = {base}^{{{a + b}}}$"], a + b
    if kind == "quotient":
        expr = f"{base}^{{{a}}} \\div {base}^{{{b}}}"
        return expr, [f"${expr} = {base}^{{{a} - {b}}}$", f"${base}^{{{a} - {b}}} = {base}^{{{a - b}}}$"], a - b
    expr = f"({base}^{{{a}}})^{{{b}}}"
    return expr, [f"${expr} = {base}^{{{a} \\times {b}}}$", f"${base}^{{{a} \\times {b}}} = {base}^{{{a * b}}}$"], a * b


def value_lines(base: int, exponent: int) -> tuple[list[str], int]:
    """v2's lines for the value of a power: written out as a product up to the fourth power."""
    value = base ** exponent
    repeated = " \\times ".join([str(base)] * exponent)
    if 2 <= exponent <= 4:
        return [f"${base}^{{{exponent}}} = {repeated}$", f"${repeated} = {value}$"], value
    return ([f"${base}^{{{exponent}}} = {value}$"] if exponent > 4 else []), value


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    kind = rng.choice(["product", "quotient", "power", "value", "evaluate_at", "missing_exponent"])
    if kind == "evaluate_at":
        return _evaluate_at(rng, which)
    if kind == "missing_exponent":
        return _missing(rng, which)
    numeric = kind == "value" or rng.random() < 0.5
    base = str(rng.choice([2, 3, 5, 10])) if numeric else rng.choice("xyabmn")
    a, b = rng.randint(1, 4 if numeric else 9), rng.randint(1, 4 if numeric else 9)
    if numeric and base == "2":
        a, b = rng.randint(1, 5), rng.randint(1, 5)
    if kind == "value":
        exponent = rng.randint(2, 4 if base != "2" else 7)
        expr = f"{base}^{{{exponent}}}"
        steps, value = value_lines(int(base), exponent)
        q = compose(rng, [[VALUE]], which, m=expression(rng, expr, rng.random() < 0.25), b=base, k=exponent)
        return Example("exponents", q, steps, str(value), {"kind": kind})
    if kind == "quotient":
        # Exponents of one digit in the question (v2 went up to 10 with a letter base).
        a, b = min(max(a, b) + 1, 9), min(a, b, 8)
    if kind == "power" and numeric:
        a, b = rng.randint(1, 3), rng.randint(1, 2)
    expr, steps, exponent = rule_lines(kind, base, a, b, numeric)
    slots = {"m": expression(rng, expr, rng.random() < 0.25), "b": base, "rule": RULES[kind]}
    if not numeric:
        q = compose(rng, [[SIMPLIFY], [INTRO, SIMPLIFY_ASK]], which, **slots)
        return Example("exponents", q, steps, f"${base}^{{{exponent}}}$" if exponent != 1 else f"${base}$", {"kind": kind})
    more, value = value_lines(int(base), exponent)
    q = compose(rng, [[NUMBER], [INTRO, NUMBER_ASK]], which, **slots)
    return Example("exponents", q, steps + more, str(value), {"kind": kind})


def _evaluate_at(rng: random.Random, which: Templates) -> Example:
    """A letter expression simplified by one rule, then the power evaluated at 2 or 3 (v2's lines for both)."""
    rule = rng.choice(["product", "quotient", "power"])
    letter, v = rng.choice("xyabn"), rng.choice([2, 2, 3])
    top = 6 if v == 2 else 4
    if rule == "product":
        exponent = rng.randint(3, top)
        a = rng.randint(1, exponent - 1)
        a, b = a, exponent - a
    elif rule == "quotient":
        exponent = rng.randint(2, top)
        b = rng.randint(1, 9 - exponent)
        a = exponent + b
    else:
        a, b = rng.choice([(2, 2), (2, 3), (3, 2)] if v == 2 else [(2, 2)])
    expr, steps, exponent = rule_lines(rule, letter, a, b, numeric=False)
    more, value = value_lines(v, exponent)
    plain = rng.random() < 0.25
    at = typed_or_math(rng, f"{letter} = {v}", plain)
    q = compose(rng, [[AT], [AT_FACT, AT_ASK]], which, m=expression(rng, expr, plain), at=at, rule=RULES[rule])
    return Example("exponents", q, steps + more, str(value), {"kind": "evaluate_at"})


def _missing(rng: random.Random, which: Templates) -> Example:
    """The exponent that makes a rule's equation true: one subtraction or one division (every exponent
    of one digit, see `expression`)."""
    rule = rng.choice(["product", "quotient", "power"])
    numeric = rng.random() < 0.5
    base = str(rng.choice([2, 3, 5, 10])) if numeric else rng.choice("xyab")
    u = rng.choice(["n", "k", "m"])
    times = "\\times" if numeric else "\\cdot"
    # v2's rule line with the unknown in the exponent, the equation of the exponents, and its one operation.
    if rule == "product":
        a = rng.randint(1, 8)
        n = rng.randint(1, 9 - a)
        lhs, c = f"{base}^{{{a}}} {times} {base}^{{{u}}}", a + n
        steps = [f"${lhs} = {base}^{{{a} + {u}}}$", f"${a} + {u} = {c}$", f"${c} - {a} = {n}$"]
    elif rule == "quotient":
        n = rng.randint(1, 8)
        c = rng.randint(1, 9 - n)
        a = n + c
        lhs = f"{base}^{{{a}}} \\div {base}^{{{u}}}"
        steps = [f"${lhs} = {base}^{{{a} - {u}}}$", f"${a} - {u} = {c}$", f"${a} - {c} = {n}$"]
    else:
        a, n = rng.choice([(2, 2), (2, 3), (2, 4), (3, 2), (3, 3), (4, 2)])
        lhs, c = f"({base}^{{{a}}})^{{{u}}}", a * n
        steps = [f"${lhs} = {base}^{{{a} \\times {u}}}$", f"${a} \\times {u} = {c}$", f"${c} \\div {a} = {n}$"]
    eq = f"{lhs} = {base}^{{{c}}}"
    plain = rng.random() < 0.25
    q = compose(rng, [[MISSING], [EQ_FACT, MISSING_ASK]], which, eq=expression(rng, eq, plain), u=typed_or_math(rng, u, plain))
    return Example("exponents", q, steps, str(n), {"kind": "missing_exponent"})
