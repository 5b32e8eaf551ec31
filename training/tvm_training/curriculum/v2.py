"""Curriculum v2: the v1 families rephrased (restate.py) and fifteen more, each with its own
question templates, some of them held out (phrasing.py). The prompt canonicalises the problem
statement (prompt.py)."""
from __future__ import annotations

from types import ModuleType

from .families import (
    ages,
    area_perimeter,
    arithmetic,
    averages,
    change,
    derivative_at,
    exponents,
    fraction_ops,
    fractions,
    function_value,
    linear_equation,
    linear_system,
    order_of_operations,
    percent_change,
    percentages,
    polynomials,
    rates,
    ratio_proportion,
    remainder,
    simple_interest,
    sum_difference,
    unit_conversion,
    word_problem,
)
from .registry import Curriculum, Family
from .restate import has_heldout, rephrased


def _v1(name: str, module: ModuleType, form: str, weight: float, drill: bool = False) -> Family:
    """A v1 family, rephrased (`form`: see restate.rephrased)."""
    return Family(name, rephrased(module.generate, form), weight, drill=drill, heldout_templates=has_heldout(form))


V2 = Curriculum("v2", (
    _v1("arithmetic", arithmetic, "expression", 1.0, drill=True),
    _v1("order_of_operations", order_of_operations, "expression", 0.06),
    _v1("fractions", fractions, "expression", 0.04),
    _v1("percentages", percentages, "as_written", 0.05),
    _v1("linear_equation", linear_equation, "equation", 0.07),
    _v1("linear_system", linear_system, "as_written", 0.04),
    _v1("polynomials", polynomials, "as_written", 0.04),
    _v1("word_problem", word_problem, "story", 0.12),
    Family("rates", rates.generate, 0.05),
    Family("unit_conversion", unit_conversion.generate, 0.04),
    Family("ages", ages.generate, 0.04),
    Family("sum_difference", sum_difference.generate, 0.04),
    Family("averages", averages.generate, 0.04),
    Family("ratio_proportion", ratio_proportion.generate, 0.05),
    Family("percent_change", percent_change.generate, 0.04),
    Family("simple_interest", simple_interest.generate, 0.03),
    Family("area_perimeter", area_perimeter.generate, 0.04),
    Family("change", change.generate, 0.03),
    Family("remainder", remainder.generate, 0.03),
    Family("function_value", function_value.generate, 0.03),
    Family("derivative_at", derivative_at.generate, 0.02),
    Family("exponents", exponents.generate, 0.03),
    Family("fraction_ops", fraction_ops.generate, 0.07),
), prompt_normalised=True, school_words=True)
