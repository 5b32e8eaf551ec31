"""The canonical problem statement in a curriculum v2 prompt: what a student may type differently
without meaning anything else — surrounding and repeated whitespace, the final punctuation, a space
before a comma or question mark, typographic quotes, dashes and spaces, `\\(…\\)` and `\\[…\\]`
delimiters — is written one way, so that the policy reads `Solve 5x = 35`, `Solve 5x = 35.` and
`  Solve 5x = 35 ?` as the same prompt. The cases are in `training/tests/fixtures/prompt_cases.json`,
for the engine's TypeScript mirror to be tested against the same table.
"""
from __future__ import annotations

import re

# Characters that stand for another one a student means: typographic quotes and dashes, a Unicode
# minus, no-break and thin spaces (→ a space), and zero-width characters (→ nothing).
_SAME_AS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2212": "-", "\u2013": "-", "\u2014": "-",
                          "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": ""})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,;!?])")
_SPACE_BEFORE_PERIOD = re.compile(r"\s+\.(?=\s|$)")
_FINAL_PUNCTUATION = re.compile(r"[\s.?!;,:]+$")


def canonical_problem(text: str) -> str:
    """The problem statement as the v2 prompt writes it (idempotent)."""
    text = _CONTROL.sub(" ", text.translate(_SAME_AS))
    text = text.replace("\\(", "$").replace("\\)", "$").replace("\\[", "$$").replace("\\]", "$$")
    text = " ".join(text.split())
    text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    text = _SPACE_BEFORE_PERIOD.sub(".", text)
    return _FINAL_PUNCTUATION.sub("", text)
