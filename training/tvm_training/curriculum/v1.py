"""The curriculum the bundled models (`models/default`) were trained on: eight families, each with
one fixed set of phrasings."""
from __future__ import annotations

from .families import arithmetic, fractions, linear_equation, linear_system, order_of_operations, percentages, polynomials, word_problem
from .registry import Curriculum, Family, fixed_phrasing

V1 = Curriculum("v1", (
    Family("arithmetic", fixed_phrasing(arithmetic.generate), 1.0, drill=True, heldout_templates=False),
    Family("order_of_operations", fixed_phrasing(order_of_operations.generate), 0.13, heldout_templates=False),
    Family("fractions", fixed_phrasing(fractions.generate), 0.14, heldout_templates=False),
    Family("percentages", fixed_phrasing(percentages.generate), 0.12, heldout_templates=False),
    Family("linear_equation", fixed_phrasing(linear_equation.generate), 0.13, heldout_templates=False),
    Family("linear_system", fixed_phrasing(linear_system.generate), 0.1, heldout_templates=False),
    Family("polynomials", fixed_phrasing(polynomials.generate), 0.1, heldout_templates=False),
    Family("word_problem", fixed_phrasing(word_problem.generate), 0.28, heldout_templates=False),
), prompt_normalised=False, school_words=False)
