"""Problems with reference answers from a JSONL file: one {"question": ..., "answer": ...} object per
line. The answer is either bare ("18") or a whole GSM8K solution ending in "#### 18" (the engine's
`referenceAnswer()` in src/core/grading/extract.ts reads it the same way)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

GSM8K_MARKER = re.compile(r"^####\s*(.*\S)\s*$")
TRAILING_PUNCTUATION = re.compile(r"(?<![.!;,])[.!;,]+$")


@dataclass(frozen=True)
class Problem:
    question: str
    answer: str          # the reference answer alone ("18"), as graded


class ProblemFileError(ValueError):
    """A problems file that cannot be used; the message names the file, the line and the remedy."""


def clean_stated_answer(raw: str) -> str:
    """A final "." (or "!", ";", ",") ends the sentence, not the answer: "12." -> "12", "3.5" stays."""
    return TRAILING_PUNCTUATION.sub("", raw.strip()).strip()


def reference_answer(answer_field: str) -> str:
    """The last "#### X" line's X, else the whole field (cleaned)."""
    for line in reversed(answer_field.strip().split("\n")):
        match = GSM8K_MARKER.match(line)
        if match:
            return clean_stated_answer(match.group(1))
    return clean_stated_answer(answer_field)


def parse_line(line: str, where: str) -> Problem:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise ProblemFileError(f"{where}: not valid JSON ({error.msg}); write one JSON object per line") from error
    if not isinstance(row, dict):
        raise ProblemFileError(f'{where}: a JSON object {{"question": ..., "answer": ...}} is expected')
    for key in ("question", "answer"):
        value = row.get(key)
        if isinstance(value, (int, float)) and key == "answer":
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise ProblemFileError(f'{where}: "{key}" is missing or empty; every line needs a "question" and an "answer" '
                                   '(a bare answer or a GSM8K solution ending in "#### answer")')
    answer = reference_answer(str(row["answer"]))
    if not answer or answer.startswith("####"):
        raise ProblemFileError(f'{where}: "answer" states no answer after "####"')
    return Problem(question=row["question"].strip(), answer=answer)


def read_problems(path: Path) -> list[Problem]:
    if not path.is_file():
        raise ProblemFileError(f"{path}: no such file; --problems takes a JSONL file of {{\"question\", \"answer\"}} objects")
    problems = [parse_line(line, f"{path}:{n}") for n, line in enumerate(path.read_text(encoding="utf8").splitlines(), 1)
                if line.strip()]
    if not problems:
        raise ProblemFileError(f"{path}: no problems in the file")
    return problems


def split_held_out(problems: list[Problem], held_out: int) -> tuple[list[Problem], list[Problem]]:
    """The last `held_out` problems are kept for evaluation, the rest are training problems."""
    if not 0 <= held_out < len(problems):
        raise ProblemFileError(f"--held-out {held_out} leaves no training problem of {len(problems)}; give a smaller number")
    cut = len(problems) - held_out
    return problems[:cut], problems[cut:]
