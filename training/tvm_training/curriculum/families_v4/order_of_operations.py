"""Order of operations, v4: expressions as students type them, which v3 never wrote.

v3 restates v1's expressions (families/order_of_operations.py): sums of products and quotients, at
most one bracket, always first and always multiplied, no powers, and LaTeX or `*` `/` notation. A
student types "100 − 4² × 5" or "(6 + 4) * 3 - 5": Unicode × ÷ −, squares written ² or ^2, brackets
anywhere (inside a product, divided into, squared), a square or a product before a sum. The steps
evaluate one operation per line in the school order: brackets, then squares, then × and ÷ left to
right, then + and − left to right, as v1 writes them (`$a op b = c$`, a square `$4^{2} = 16$`).
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from ..compose import compose
from ..example import Example, Level
from ..latex import step
from ..phrasing import H, T


@dataclass(frozen=True)
class Bracket:
    items: tuple[Operand | str, ...]    # operand, op, operand, … (ops "+-*/")


@dataclass(frozen=True)
class Square:
    base: int | Bracket


Operand = int | Bracket | Square


@dataclass(frozen=True)
class Notation:
    times: str
    div: str
    minus: str
    square: str


# How the expression is written: typed (Unicode signs or keyboard ones, ² or ^2) or LaTeX inside `$…$`.
UNICODE = Notation("×", "÷", "−", "²")
KEYBOARD = Notation("*", "/", "-", "^2")
MIXED = Notation("×", "÷", "-", "^2")
LATEX = Notation("\\times", "\\div", "-", "^2")

# An instruction sentence around the expression, or a statement of it and then a question.
ALONE = [T("Evaluate {e}."), T("Work out {e}"), T("Calculate {e}."), T("Compute {e}."), T("What is {e}?"), T("Simplify {e}."),
         T("{e} = ?"), T("{e}"), H("Find the value of {e}."), H("Without a calculator, evaluate {e}."),
         H("Using the correct order of operations, what does {e} come to?")]
STATED = [T("Look at the expression {e}."), T("Here is a calculation: {e}."), T("A worksheet asks about {e}."),
          T("Take the expression {e}."), H("On the board the teacher writes {e}.")]
ASKED = [T("What is its value?"), T("Work it out, minding the order of operations."), T("Find its value."),
         T("Evaluate it."), T("What number does it give?"), H("Taking the operations in the right order, what does it equal?")]
FORMS = [[ALONE], [STATED, ASKED]]


class _Unfit(Exception):
    """Numbers drawn for a shape that give an inexact quotient, a negative or an unwieldy value."""


# Larger values than this make the steps long multiplications rather than an order-of-operations exercise.
_LARGEST = 5000


def _checked(a: int, op: str, b: int) -> tuple[str, int]:
    if (op == "/" and (b == 0 or a % b)) or (op == "-" and a < b):
        raise _Unfit
    line, c = step(a, op, b)
    if c > _LARGEST:
        raise _Unfit
    return line, c


def _evaluate(items: tuple[Operand | str, ...], steps: list[str]) -> int:
    """The value of operand, op, operand, …, with its steps: brackets, squares, × ÷, then + −."""
    operands = list(items[0::2])
    ops = [str(op) for op in items[1::2]]
    values: list[int] = []
    for o in operands:
        if isinstance(o, Bracket):
            values.append(_evaluate(o.items, steps))
        elif isinstance(o, Square) and isinstance(o.base, Bracket):
            values.append(_evaluate(o.base.items, steps))
        else:
            values.append(o.base if isinstance(o, Square) else o)  # type: ignore[arg-type]
    for i, o in enumerate(operands):
        if isinstance(o, Square):
            squared = values[i] * values[i]
            steps.append(f"${values[i]}^{{2}} = {squared}$")
            values[i] = squared
    products, rest = [values[0]], []
    for op, v in zip(ops, values[1:]):
        if op in "*/":
            line, products[-1] = _checked(products[-1], op, v)
            steps.append(line)
        else:
            products.append(v)
            rest.append(op)
    total = products[0]
    for op, v in zip(rest, products[1:]):
        line, total = _checked(total, op, v)
        steps.append(line)
    return total


def _written(items: tuple[Operand | str, ...], n: Notation) -> str:
    signs = {"+": "+", "-": n.minus, "*": n.times, "/": n.div}
    parts = []
    for i, item in enumerate(items):
        if i % 2:
            parts.append(signs[str(item)])
        elif isinstance(item, Bracket):
            parts.append(f"({_written(item.items, n)})")
        elif isinstance(item, Square):
            base = f"({_written(item.base.items, n)})" if isinstance(item.base, Bracket) else str(item.base)
            parts.append(base + n.square)
        else:
            parts.append(str(item))
    return " ".join(parts)


def _shape(rng: random.Random, lv: Level) -> tuple[Operand | str, ...]:
    """Operands joined by + − × ÷: some plain numbers, some brackets or squares, at least one product,
    quotient, bracket or square so that the order matters."""
    def small() -> int:
        return rng.randint(2, lv.max_small)

    def big() -> int:
        return rng.randint(10, lv.max_big // 5)

    def bracket() -> Bracket:
        inner: list[Operand | str] = [rng.choice([small(), big()])]
        # A sum or difference inside (else the bracket changes nothing), maybe one more operation.
        for op in rng.choice(["+", "-"]) + rng.choice(["", "", "", "+", "-", "*"]):
            inner += [op, small() if op == "*" else rng.choice([small(), big()])]
        return Bracket(tuple(inner))

    def operand(next_to_product: bool, after_minus: bool) -> Operand:
        r = rng.random()
        # A bracket only where it changes the value: in a product or quotient, or after a minus.
        if r < 0.25 and (next_to_product or after_minus):
            return bracket()
        if r < 0.4:
            return Square(rng.randint(2, 12))
        if r < 0.45:
            return Square(Bracket((rng.randint(1, 9), rng.choice("+-"), rng.randint(1, 6))))
        return small() if next_to_product else rng.choice([small(), big()])

    n = rng.randint(max(2, lv.min_events), max(3, lv.max_events - 1))
    ops = [rng.choice("+-*/*") for _ in range(n - 1)]
    items: list[Operand | str] = []
    for i in range(n):
        near = (i > 0 and ops[i - 1] in "*/") or (i < n - 1 and ops[i] in "*/")
        items.append(operand(near, i > 0 and ops[i - 1] == "-"))
        if i < n - 1:
            items.append(ops[i])
    # A quotient whose dividend is a plain number: make the dividend a multiple of the divisor's value.
    for i in range(1, len(items), 2):
        divisor = items[i + 1]
        if items[i] == "/" and isinstance(items[i - 1], int) and (i == 1 or items[i - 2] in "+-"):
            value = _evaluate((divisor,), [])  # type: ignore[arg-type]
            items[i - 1] = value * rng.randint(2, 12)
    if not any(op in "*/" for op in ops) and not any(isinstance(o, (Bracket, Square)) for o in items):
        raise _Unfit
    return tuple(items)


def generate(rng: random.Random, lv: Level, which: str) -> Example:
    while True:
        try:
            items = _shape(rng, lv)
            steps: list[str] = []
            value = _evaluate(items, steps)
        except _Unfit:
            continue
        if len(steps) >= 2:
            break
    r = rng.random()
    if r < 0.3:
        expr = _written(items, rng.choice([UNICODE, UNICODE, MIXED]))
    elif r < 0.55:
        expr = _written(items, KEYBOARD)
    elif r < 0.75:
        expr = _written(items, Notation(rng.choice("×*"), rng.choice("÷/"), rng.choice(["−", "-"]), rng.choice(["²", "^2"])))
    else:
        expr = f"${_written(items, LATEX)}$"
    question = compose(rng, FORMS, which, e=expr)
    return Example("order_of_operations", question, steps, str(value), {"kind": "typed_expression"})
