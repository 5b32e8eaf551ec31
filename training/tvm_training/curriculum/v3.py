"""Curriculum v3: v2's families and mixture, with questions composed from sentences (compose.py,
families_v3/) where v2 had a few whole-question templates, and more instruction forms for the
expressions and equations (restate.py). It continues the v2 policy's training (common.MEDIUM_V3),
so its drills stay at their floor from the start."""
from __future__ import annotations

from .families import arithmetic as arithmetic_v1
from .families import fractions as fractions_v1
from .families import linear_equation, order_of_operations, polynomials
from .families_v3 import (
    ages,
    area_perimeter,
    averages,
    change,
    derivative_at,
    exponents,
    fraction_ops,
    function_value,
    linear_system,
    percent_change,
    percentages,
    rates,
    ratio_proportion,
    remainder,
    simple_interest,
    sum_difference,
    unit_conversion,
    word_problem,
)
from .registry import DRILL_FLOOR, Curriculum, Family
from .restate import rephrased
from .v2 import V2

_COMPOSED = {m.__name__.rsplit(".", 1)[1]: m.generate for m in (
    ages, area_perimeter, averages, change, derivative_at, exponents, fraction_ops, function_value, linear_system, percent_change,
    percentages, rates, ratio_proportion, remainder, simple_interest, sum_difference, unit_conversion, word_problem)}
_RESTATED = {
    "arithmetic": rephrased(arithmetic_v1.generate, "expression", "v3"),
    "order_of_operations": rephrased(order_of_operations.generate, "expression", "v3"),
    "fractions": rephrased(fractions_v1.generate, "expression", "v3"),
    "linear_equation": rephrased(linear_equation.generate, "equation", "v3"),
    "polynomials": rephrased(polynomials.generate, "as_written", "v3"),
}


def _v3(family: Family) -> Family:
    generate = _COMPOSED.get(family.name) or _RESTATED[family.name]
    return Family(family.name, generate, family.weight, drill=family.drill,
                  heldout_templates=family.name in _COMPOSED or family.heldout_templates)


V3 = Curriculum("v3", tuple(_v3(f) for f in V2.families), prompt_normalised=True, school_words=True, drill_start=DRILL_FLOOR)
