"""Other ways students write the curriculum's steps, so that the policy has seen them.

The reference solutions write every step one way: inline LaTeX, `\\times` and `\\div`, spaces around
operators. Students also drop the `$…$`, write `*`, `\\cdot` or `×` and `/` or `÷`, and leave the
spaces out; a policy that never saw those finds them unlikely, which the verifiers read as mistakes.
A training example keeps the reference notation with probability 1 - VARIED, else all its steps get
one style (a student writes consistently). The final `The answer is …` line keeps its form: the
engine reads the answer from it.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace

from .curriculum import Example

VARIED = 0.4


@dataclass(frozen=True)
class Style:
    dollars: bool       # keep the $…$ around a step
    times: str          # written for \times
    div: str            # written for \div
    compact: bool       # no spaces around operators and =


REFERENCE = Style(dollars=True, times="\\times", div="\\div", compact=False)

_SPACED_OPERATOR = re.compile(r" ?(=|\+|-|\*|/|×|÷|\\times|\\div|\\cdot) ?")
_OTHER_COMMAND = re.compile(r"\\(?!times|div|cdot)[A-Za-z]")


def random_style(rng: random.Random) -> Style:
    if rng.random() < 0.5:
        return Style(True, rng.choice(["\\times", "\\cdot", "*"]), rng.choice(["\\div", "/"]), rng.random() < 0.4)
    return Style(False, rng.choice(["*", "×"]), rng.choice(["/", "÷"]), rng.random() < 0.4)


def restyle(step: str, style: Style) -> str:
    """One step line in `style`. Lines that need LaTeX anyway (fractions, derivatives) keep their
    `$…$` and LaTeX operators: nobody writes `\\frac{1}{2} * 3` outside math mode."""
    inline = len(step) > 1 and step.startswith("$") and step.endswith("$")
    body = step[1:-1] if inline else step
    needs_latex = _OTHER_COMMAND.search(body) is not None
    if style.dollars or not needs_latex:
        body = body.replace("\\times", style.times).replace("\\div", style.div)
    if style.compact:
        body = _SPACED_OPERATOR.sub(r"\1", body)
    return f"${body}$" if inline and (style.dollars or needs_latex) else body


def varied(ex: Example, rng: random.Random) -> Example:
    """The example as written, or (with probability VARIED) with its steps in a random style."""
    if rng.random() >= VARIED:
        return ex
    style = random_style(rng)
    return replace(ex, steps=[restyle(s, style) for s in ex.steps])
