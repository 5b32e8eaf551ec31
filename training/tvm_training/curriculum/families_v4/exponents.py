"""Powers, v4's new kinds. v3's exponents are whole and positive and its bases whole numbers; these
kinds add:
- negative: a negative or zero exponent written as a decimal or a fraction ("Write 10^(-2) as a
  decimal" → 0.01, 5^(-2) → 0.04, 3^(-2) → 1/9, 7^0 → 1), in the notations students meet: $10^{-2}$,
  10^(-2), 10^-2, 10⁻²;
- decimal_power: a power of a decimal (0.2² = 0.04, 1.5², 0.1³), one multiplication per line.
Steps: b^(-k) rewritten as 1 over b^k, b^k worked out as v3 does (as a product up to the fourth
power), then one division (decimal) or the fraction (latex.decimal_step, answers as latex.answer_of)."""
from __future__ import annotations

import random
from fractions import Fraction

from ..compose import compose
from ..example import Example, Level
from ..families_v3.exponents import value_lines
from ..latex import answer_of, decimal_step, fmt_decimal
from ..phrasing import H, T
from ..registry import Templates

# {m}: the power as written, {how}: "a decimal" / "a fraction".
AS = [T("Write {m} as {how}."), T("Express {m} as {how}."), T("What is {m} written as {how}?"), T("Give {m} as {how}."),
      T("Convert {m} to {how}."), T("what is {m} as {how}"), H("Rewrite the power {m} in the form of {how}.")]
AS_LEAD = [T("Look at {m}."), T("Consider the power {m}."), T("Here is a power: {m}."), T("You are given {m}."),
           H("A calculator shows the power {m}.")]
AS_ASK = [T("Write it as {how}."), T("What is it as {how}?"), T("Express it as {how}."), T("Give its value as {how}."),
          H("Which {how_bare} is it equal to?")]
VALUE = [T("Evaluate {m}."), T("What is {m}?"), T("Work out {m}."), T("Calculate {m}."), T("Find the value of {m}."),
         T("whats {m}"), H("How much does {m} come to?")]
VALUE_LEAD = [T("Consider {m}."), T("Look at the power {m}."), T("Here is an expression: {m}."), T("Take {m}."),
              H("On the board is the power {m}.")]
VALUE_ASK = [T("What is its value?"), T("Work it out."), T("Evaluate it."), T("What number is it?"), H("How big is it?")]

SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
# Bases and negative exponents whose value has a short decimal (2^(-3) = 0.125, 5^(-2) = 0.04).
DECIMAL_POWERS = [(10, 1), (10, 2), (10, 3), (10, 4), (2, 1), (2, 2), (2, 3), (4, 1), (4, 2), (5, 1), (5, 2), (20, 1), (25, 1),
                  (50, 1)]
FRACTION_POWERS = [(2, 1), (2, 2), (2, 3), (2, 4), (3, 1), (3, 2), (3, 3), (4, 2), (5, 2), (6, 2), (7, 2), (10, 2), (10, 3), (9, 1)]
DECIMAL_BASES = ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.1", "1.2", "1.5", "2.5", "0.05"]


def written(base: str, exponent: int, rng: random.Random) -> str:
    """A power as the question writes it: $10^{-2}$, 10^(-2), 10^-2 or 10⁻²."""
    style = rng.choice(["tex", "tex", "paren", "bare", "sup"])
    if style == "tex":
        return f"${base}^{{{exponent}}}$"
    if style == "paren":
        return f"{base}^({exponent})" if exponent < 0 else f"{base}^{exponent}"
    if style == "bare":
        return f"{base}^{exponent}"
    return base + str(exponent).translate(SUPERSCRIPTS)


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    if rng.random() < 0.35:
        return _decimal_power(rng, lv, which)
    as_decimal = rng.random() < 0.55
    if rng.random() < 0.1:
        base, k = rng.randint(2, 12), 0
    else:
        base, k = rng.choice(DECIMAL_POWERS if as_decimal else FRACTION_POWERS)
    how = "a decimal" if as_decimal else "a fraction"
    if k == 0:
        # Any number to the power 0 is 1, asked as a plain value.
        steps, answer = [f"${base}^{{0}} = 1$"], "1"
        q = compose(rng, [[VALUE], [VALUE_LEAD, VALUE_ASK]], which, m=written(str(base), 0, rng))
        return Example("exponents", q, steps, answer, {"kind": "zero"})
    # b^(-1) is 1/b at once; a higher power is worked out first.
    over = f"{base}^{{{k}}}" if k > 1 else str(base)
    steps = [f"${base}^{{-{k}}} = \\frac{{1}}{{{over}}}$"]
    more, power = value_lines(base, k)
    steps += more
    if as_decimal:
        line, value = decimal_step(1, "/", power)
        steps.append(line)
        answer = fmt_decimal(value)
    else:
        if k > 1:
            steps.append(f"$\\frac{{1}}{{{over}}} = \\frac{{1}}{{{power}}}$")
        answer = answer_of(Fraction(1, power))
    forms = [[AS], [AS_LEAD, AS_ASK]]
    q = compose(rng, forms, which, m=written(str(base), -k, rng), how=how, how_bare=how.split()[1])
    return Example("exponents", q, steps, answer, {"kind": "negative", "as": how.split()[1]})


def _decimal_power(rng: random.Random, lv: Level, which: Templates) -> Example:
    base = rng.choice(DECIMAL_BASES)
    k = 2 if base in ("1.5", "2.5", "0.05") else rng.choice([2, 2, 3] if lv.name == "train" else [2, 3, 3])
    repeated = " \\times ".join([base] * k)
    steps = [f"${base}^{{{k}}} = {repeated}$"]
    value = Fraction(base)
    for _ in range(k - 1):
        line, value = decimal_step(value, "*", base)
        steps.append(line)
    # A bare exponent ("0.2^2", "0.2²"); the notation of a power of a decimal, not of a negative power.
    q = compose(rng, [[VALUE], [VALUE_LEAD, VALUE_ASK]] + ([[AS]] if rng.random() < 0.3 else []), which,
                m=written(base, k, rng), how="a decimal", how_bare="decimal")
    return Example("exponents", q, steps, fmt_decimal(value), {"kind": "decimal_power"})
