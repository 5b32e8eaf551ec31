"""What a generator returns (`Example`) and the difficulty knobs it reads (`Level`)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Level:
    """Difficulty knobs shared by all families."""
    name: str
    max_small: int      # factors, counts, denominators
    max_big: int        # amounts that are added or subtracted
    min_events: int     # steps of a word problem / terms of an expression
    max_events: int


TRAIN = Level("train", max_small=22, max_big=700, min_events=2, max_events=5)
HARD = Level("hard", max_small=25, max_big=1000, min_events=4, max_events=6)


@dataclass
class Example:
    family: str
    question: str
    steps: list[str]
    answer: str
    meta: dict[str, str] = field(default_factory=dict)

    def solution(self) -> str:
        return "\n".join(self.steps + [f"The answer is {self.answer}"])
