"""Reading and grading a sampled solution's final answer the way the engine does: the last line that
matches the answer pattern (group 1), else the last "#### X" line (`extractAnswer()` in
src/core/grading/extract.ts, checked against it in tests/test_recipe_units.py); graded by
`grading.answers_equivalent`, the rule behind every training label."""
from __future__ import annotations

import re

from ..grading import answers_equivalent
from .problems import GSM8K_MARKER, clean_stated_answer

# The engine's DEFAULT_ANSWER_PATTERN (src/core/bundle/huggingFaceFolder.ts): "\boxed{42}",
# "The answer is 42", "The final answer is: 42".
DEFAULT_ANSWER_PATTERN = r"(?:\\boxed\{|[Tt]he (?:final )?answer is:?\s*)([^{}\n]+)"


def compile_answer_pattern(pattern: str) -> re.Pattern[str]:
    try:
        compiled = re.compile(pattern)
    except re.error as error:
        raise ValueError(f"--answer-pattern {pattern!r} is not a valid regular expression: {error}") from error
    if compiled.groups < 1:
        raise ValueError(f"--answer-pattern {pattern!r} has no group: group 1 must capture the answer")
    return compiled


def extract_answer(text: str, pattern: re.Pattern[str]) -> str | None:
    lines = text.split("\n")
    for line in reversed(lines):
        match = pattern.search(line)
        if match:
            return clean_stated_answer(match.group(1) if match.group(1) is not None else match.group(0))
    for line in reversed(lines):
        match = GSM8K_MARKER.match(line)
        if match:
            return clean_stated_answer(match.group(1))
    return None


def is_correct(text: str, reference: str, pattern: re.Pattern[str]) -> bool:
    return answers_equivalent(extract_answer(text, pattern), reference)
