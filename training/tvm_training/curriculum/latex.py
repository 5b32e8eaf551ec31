"""How the reference solutions write numbers, fractions, polynomials and one-operation steps in LaTeX."""
from __future__ import annotations

from fractions import Fraction
from math import gcd


def op_tex(op: str) -> str:
    return {"+": "+", "-": "-", "*": "\\times", "/": "\\div"}[op]


def apply(a: int, op: str, b: int) -> int:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    assert a % b == 0
    return a // b


def step(a: int, op: str, b: int) -> tuple[str, int]:
    c = apply(a, op, b)
    return f"${a} {op_tex(op)} {fmt_int(b)} = {c}$", c


def fmt_int(n: int) -> str:
    return f"({n})" if n < 0 else str(n)


def frac_tex(q: Fraction) -> str:
    if q.denominator == 1:
        return str(q.numerator)
    sign = "-" if q < 0 else ""
    return f"{sign}\\frac{{{abs(q.numerator)}}}{{{q.denominator}}}"


def raw_frac(n: int, d: int) -> str:
    return f"\\frac{{{n}}}{{{d}}}"


def answer_of(q: Fraction) -> str:
    return str(q.numerator) if q.denominator == 1 else f"${frac_tex(q)}$"


def poly_tex(coeffs: dict[int, int], var: str = "x") -> str:
    """coeffs: power -> coefficient, rendered highest power first (e.g. 3x^2 - x + 4)."""
    parts: list[str] = []
    for p in sorted(coeffs, reverse=True):
        c = coeffs[p]
        if c == 0:
            continue
        mag = abs(c)
        body = str(mag) if p == 0 else ("" if mag == 1 else str(mag)) + (var if p == 1 else f"{var}^{p}")
        if not parts:
            parts.append(("-" if c < 0 else "") + body)
        else:
            parts.append(("- " if c < 0 else "+ ") + body)
    return " ".join(parts) if parts else "0"


def derivative_lines(coeffs: dict[int, int]) -> tuple[list[str], dict[int, int]]:
    """A polynomial's derivative term by term, one line each (`$\\frac{d}{dx}(3x^2) = 6x$`, highest power
    first, constants skipped), and the derivative's coefficients."""
    lines: list[str] = []
    derivative: dict[int, int] = {}
    for p in sorted(coeffs, reverse=True):
        c = coeffs[p]
        if c == 0 or p == 0:
            continue
        lines.append(f"$\\frac{{d}}{{dx}}({poly_tex({p: c})}) = {poly_tex({p - 1: c * p})}$")
        derivative[p - 1] = c * p
    return lines, derivative


def evaluation_steps(coeffs: dict[int, int], x: int) -> tuple[list[str], int]:
    """A polynomial's value at an integer, one operation per line: each power, each coefficient
    times it, then the running sum, highest power first (zero coefficients skipped)."""
    steps: list[str] = []
    values: list[int] = []
    for p in sorted(coeffs, reverse=True):
        c = coeffs[p]
        if c == 0:
            continue
        if p == 0:
            values.append(c)
            continue
        power = x ** p
        if p >= 2:
            steps.append(f"${fmt_int(x)}^{p} = {power}$")
        if abs(c) != 1:
            line, v = step(c, "*", power)
            steps.append(line)
        else:
            v = c * power
        values.append(v)
    total = values[0]
    for v in values[1:]:
        line, total = step(total, "+" if v >= 0 else "-", abs(v))
        steps.append(line)
    return steps, total


def common_denominator(a: int, b: int, c: int, d: int) -> tuple[list[str], int, int, int]:
    """a/b and c/d over their least common denominator: the lines that rewrite each fraction that
    changes, the two new numerators and the denominator."""
    den = b * d // gcd(b, d)
    a2, c2 = a * den // b, c * den // d
    steps = []
    if den != b:
        steps.append(f"${raw_frac(a, b)} = {raw_frac(a2, den)}$")
    if den != d:
        steps.append(f"${raw_frac(c, d)} = {raw_frac(c2, den)}$")
    return steps, a2, c2, den


def fmt_decimal(q: Fraction) -> str:
    """A number whose decimal expansion ends, as a step or an answer writes it: 4.8, 0.75, 21, -0.5."""
    if q.denominator == 1:
        return str(q.numerator)
    den = q.denominator
    while den % 2 == 0:
        den //= 2
    while den % 5 == 0:
        den //= 5
    assert den == 1, f"{q} has no finite decimal expansion"
    places = 0
    while (q * 10 ** places).denominator != 1:
        places += 1
    return ("-" if q < 0 else "") + _fixed(abs(q), places)


def _fixed(q: Fraction, places: int) -> str:
    scaled = q.numerator * 10 ** places // q.denominator
    whole, frac = divmod(scaled, 10 ** places)
    return f"{whole}.{frac:0{places}d}"


def decimal_step(a: Fraction | int | str, op: str, b: Fraction | int | str) -> tuple[str, Fraction]:
    """One operation on numbers with finite decimals (money, 3.6 km, 0.75 h): `$3.6 \\div 0.75 = 4.8$` and
    its result. Strings are read as decimals ("1.20" → 1.2); a quotient must have a finite decimal."""
    x, y = Fraction(a), Fraction(b)
    c = x + y if op == "+" else x - y if op == "-" else x * y if op == "*" else x / y
    right = f"({fmt_decimal(y)})" if y < 0 else fmt_decimal(y)
    return f"${fmt_decimal(x)} {op_tex(op)} {right} = {fmt_decimal(c)}$", c


class StepLines(list[str]):
    """A reference solution's lines as a generator writes them, one operation a line: `whole` and `decimal`
    append the line of `step` / `decimal_step` and return its result, for the next line to use."""

    def whole(self, a: int, op: str, b: int) -> int:
        text, c = step(a, op, b)
        self.append(text)
        return c

    def decimal(self, a: Fraction | int | str, op: str, b: Fraction | int | str) -> Fraction:
        text, c = decimal_step(a, op, b)
        self.append(text)
        return c
