"""How curriculum v2 phrases a problem: templates (some held out), instruction verbs, math
delimiters, small numbers in words, and optional final punctuation.

A family lists its question templates as `Template`s; about a quarter of each family's templates are
`heldout`: the training stream never uses them, and the `heldout_template` split is made of them
alone, so that split measures phrasings the policy never saw.
"""
from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .registry import Templates


@dataclass(frozen=True)
class Template:
    text: str              # str.format() slots named by the family
    heldout: bool = False


def T(text: str) -> Template:
    return Template(text)


def H(text: str) -> Template:
    return Template(text, heldout=True)


def pick(rng: random.Random, templates: Sequence[Template], which: Templates) -> Template:
    """A template of the asked kind; every family lists at least one of each."""
    pool = [t for t in templates if t.heldout == (which == "heldout")]
    if not pool:
        raise ValueError(f"no {which} template among {[t.text for t in templates]}")
    return rng.choice(pool)


def fill(rng: random.Random, templates: Sequence[Template], which: Templates, **slots: object) -> str:
    """A question from one template, its first letter capitalised, maybe without its final punctuation."""
    text = pick(rng, templates, which).text.format(**slots)
    # A word starts the sentence with a capital; a function name ("f(x) = …") keeps its case.
    starts_with_word = text[:2].isalpha()
    return finish(rng, text[0].upper() + text[1:] if starts_with_word else text)


def finish(rng: random.Random, text: str) -> str:
    """Students often leave the final period or question mark out."""
    return text[:-1].rstrip() if text[-1] in ".?" and rng.random() < 0.25 else text


# ---------------------------------------------------------------- math in the question

_FRAC = re.compile(r"\\frac\{(\d+)\}\{(\d+)\}")
_MIXED = re.compile(r"\d\\frac")


def plain(latex: str, rng: random.Random) -> str | None:
    """The expression as typed without LaTeX ("3 × 4 + 1/2"), or None when it needs LaTeX (mixed
    numbers, powers, derivatives)."""
    if _MIXED.search(latex) or "^" in latex or "\\frac{d}" in latex:
        return None
    # Not "x" for times: the exact judge reads "3/4 x 4/6" as containing the variable x.
    times = rng.choice(["×", "*"])
    text = latex.replace("\\times", times).replace("\\div", rng.choice(["÷", "/"])).replace("\\cdot", times)
    text = _FRAC.sub(r"\1/\2", text)
    return None if "\\" in text else text


def math(latex: str, rng: random.Random, display: bool = True) -> str:
    """An expression in the question: inline `$…$` mostly, sometimes display `$$…$$` (when `display`:
    not for a number inside a sentence) or plain text."""
    r = rng.random()
    if r < 0.2:
        typed = plain(latex, rng)
        if typed is not None:
            return typed
    if display and r > 0.88:
        return f"$${latex}$$"
    return f"${latex}$"


# ---------------------------------------------------------------- numbers in words

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int) -> str:
    """0 ≤ n < 100 in words ("forty-two")."""
    if not 0 <= n < 100:
        raise ValueError(f"{n} is outside 0..99")
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + ("" if ones == 0 else f"-{_ONES[ones]}")


def num(n: int, rng: random.Random, words: float = 0.3) -> str:
    """A count in a story: small ones are sometimes written in words, as people write them."""
    return in_words(n) if 0 <= n <= 20 and rng.random() < words else str(n)


def money(cents: int) -> str:
    """An amount of dollars as written in a story: $7 or $7.25."""
    return f"${cents // 100}" if cents % 100 == 0 else f"${cents // 100}.{cents % 100:02d}"


def decimal(cents: int) -> str:
    """An amount of dollars inside a step: 7 or 7.25."""
    return str(cents // 100) if cents % 100 == 0 else f"{cents // 100}.{cents % 100:02d}"


_SUPERSCRIPTS = {"2": "²", "3": "³"}


def typed_polynomial(tex: str, unicode: bool) -> str:
    """A polynomial as a student types it: "2x² − 8x + 1" (Unicode) or as written, "2x^2 - 8x + 1"."""
    if not unicode:
        return tex
    for digit, sup in _SUPERSCRIPTS.items():
        tex = tex.replace(f"^{digit}", sup)
    return tex.replace("-", "−")
