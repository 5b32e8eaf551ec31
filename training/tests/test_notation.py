"""The notations training varies (tvm_training/notation.py): the reference style leaves every step as
written, another style changes only how a step is written (the same numbers, operators and results),
keeps LaTeX where a line needs it, and a varied example keeps its answer."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

import pytest

from tvm_training.curriculum import HARD, TRAIN, V1
from tvm_training.notation import REFERENCE, Style, random_style, restyle, varied


def meaning(line: str) -> str:
    """What a step says, whatever its notation: one symbol per operation, no $ and no spaces."""
    for old, new in (("$", ""), (" ", ""), ("\\times", "*"), ("\\cdot", "*"), ("×", "*"), ("\\div", "/"), ("÷", "/")):
        line = line.replace(old, new)
    return line


@dataclass
class Outcome:
    steps: int = 0
    reference_changed: int = 0
    answer_changed: int = 0
    varied_share: float = 0.0
    meaning_changed: list[str] = field(default_factory=list)
    bare_latex: list[str] = field(default_factory=list)
    examples: dict[str, str] = field(default_factory=dict)


@pytest.fixture(scope="module")
def outcome() -> Outcome:
    rng = random.Random(11)
    out = Outcome()
    varied_count = 0
    for family in V1.names:
        for level in (TRAIN, HARD):
            for _ in range(60):
                ex = V1.generate(family, rng, level)
                changed = varied(ex, rng)
                varied_count += changed.steps != ex.steps
                out.answer_changed += (changed.answer != ex.answer
                                       or changed.solution().split("\n")[-1] != ex.solution().split("\n")[-1])
                style = random_style(rng)
                for s in ex.steps:
                    out.steps += 1
                    out.reference_changed += restyle(s, REFERENCE) != s
                    r = restyle(s, style)
                    if meaning(r) != meaning(s):
                        out.meaning_changed.append(f"{s} -> {r}")
                    if re.search(r"\\(?!times|div|cdot)[A-Za-z]", r) and not r.startswith("$"):
                        out.bare_latex.append(r)
                out.examples[family] = restyle(ex.steps[0], Style(False, "*", "/", True))
    out.varied_share = varied_count / (len(V1.families) * 120)
    return out


def test_the_reference_style_writes_every_curriculum_step_exactly_as_generated(outcome):
    assert outcome.steps > 1000, f"only {outcome.steps} steps"
    assert outcome.reference_changed == 0


def test_another_style_changes_how_a_step_is_written_never_what_it_says(outcome):
    assert outcome.meaning_changed[:5] == []
    arithmetic = outcome.examples.get("arithmetic")
    assert arithmetic is not None and "$" not in arithmetic, arithmetic
    assert not re.search(r"[ $]", outcome.examples.get("linear_equation", " ")), outcome.examples.get("linear_equation")


def test_lines_with_fractions_or_derivatives_keep_their_latex_inside_dollars(outcome):
    assert outcome.bare_latex[:5] == []
    assert re.match(r"^\$.*\\frac", outcome.examples.get("fractions", "")), outcome.examples.get("fractions")


def test_a_varied_example_keeps_its_answer_line_and_most_examples_keep_the_reference_notation(outcome):
    assert outcome.answer_changed == 0
    assert 0.2 < outcome.varied_share < 0.6, f"varied share {outcome.varied_share}"
