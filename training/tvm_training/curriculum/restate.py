"""The v1 families as curriculum v2 phrases them: an expression or an equation asked with many
instruction verbs and question forms (some held out), in any math delimiter; word problems with
small numbers sometimes in words; any question without its final punctuation sometimes."""
from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import replace

from .example import Example, Level
from .phrasing import H, T, Template, fill, finish, in_words, math
from .registry import Generator, Templates

EXPRESSION = [T("Evaluate {m}."), T("Compute {m}."), T("Calculate {m}."), T("Find {m}."), T("What is {m}?"), T("Simplify {m}."),
              T("Work out {m}."), T("{m} = ?"), T("What does {m} equal?"), T("{m}"),
              H("Find the value of {m}."), H("Give the value of {m}."), H("Determine {m}.")]
EQUATION = [T("Solve {m}."), T("Solve for {v}: {m}"), T("Solve for {v}: {m}."), T("Find {v} if {m}."), T("If {m}, what is {v}?"),
            T("{m}. Find {v}."), T("Solve {m} for {v}."), T("Solve the equation {m}."), T("Find {v}: {m}"),
            H("What value of {v} makes {m} true?"), H("Determine {v} when {m}."), H("{m}. What is {v}?")]
# Curriculum v3 asks the same expressions and equations with more instruction forms (v2's held-out
# ones stay held out: the v3 policy continues from v2's, which never saw them).
EXPRESSION_V3 = EXPRESSION + [
    T("Calculate: {m}"), T("Evaluate: {m}"), T("What is the value of {m}?"), T("Work out the value of {m}."),
    T("Compute the value of {m}."), T("What do you get for {m}?"), T("Find the answer to {m}."), T("Simplify and evaluate {m}."),
    T("Use the order of operations to find {m}."), T("What number is {m}?"), H("Can you work out {m}?"),
    H("Calculate the result of {m}.")]
EQUATION_V3 = EQUATION + [
    T("Solve: {m}"), T("Solve for {v}. {m}"), T("{m}, solve for {v}."), T("Work out {v} if {m}."), T("Find the value of {v} in {m}."),
    T("What is {v} when {m}?"), T("Find {v} when {m}."), T("Calculate {v} given {m}."), T("What is {v} if {m}?"),
    H("Given {m}, find {v}."), H("For what value of {v} is {m}?")]
PHRASINGS = {"v2": {"expression": EXPRESSION, "equation": EQUATION}, "v3": {"expression": EXPRESSION_V3, "equation": EQUATION_V3}}

# The v1 questions that are an instruction verb and one `$…$` expression or equation.
_V1_EXPRESSION = re.compile(r"^(?:Compute|What is|Calculate|Find|Evaluate|Simplify) \$([^$]+)\$[.?]$|^\$([^$]+) = \?\$$")
_V1_EQUATION = re.compile(r"^(?:Solve|Solve for \$[a-z]\$:|Find \$[a-z]\$ if) \$([^$]+=[^$]+)\$\.$")
# A small count in a story ("has 5 apples", "gives 3 to"): not money, percentages or decimals.
_SMALL_COUNT = re.compile(r"(?<= )([1-9]|1[0-2])(?= [a-z])")


def _restated(question: str, pattern: re.Pattern[str], templates: list[Template], rng: random.Random, which: Templates) -> str | None:
    match = pattern.match(question)
    if not match:
        return None
    latex = next(g for g in match.groups() if g is not None)
    variable = re.search(r"[a-z]", latex)
    return fill(rng, templates, which, m=math(latex, rng), v=variable.group(0) if variable else "x")


def rephrased(generate: Callable[[random.Random, Level], Example], form: str, version: str = "v2") -> Generator:
    """A v1 generator whose questions curriculum v2 (or v3: `version`) rephrases: form 'expression' or
    'equation' (held-out templates exist: questions of other shapes are redrawn for the held-out split),
    'story' (small numbers in words) or 'as_written'; those two have no held-out templates."""
    pattern = {"expression": _V1_EXPRESSION, "equation": _V1_EQUATION}.get(form)
    templates = PHRASINGS[version].get(form)

    def v2(rng: random.Random, lv: Level, which: Templates) -> Example:
        while True:
            ex = generate(rng, lv)
            if pattern is not None and templates is not None:
                question = _restated(ex.question, pattern, templates, rng, which)
                if question is not None:
                    return replace(ex, question=question)
            if which == "heldout":
                if pattern is None:
                    raise ValueError(f"{ex.family}: no held-out phrasing templates")
                continue
            question = ex.question
            if form == "story" and rng.random() < 0.3:
                question = _SMALL_COUNT.sub(lambda m: in_words(int(m.group(1))), question)
            return replace(ex, question=finish(rng, question))
    return v2


def has_heldout(form: str) -> bool:
    return form in ("expression", "equation")
