"""Held-out evaluation at one budget N: greedy decoding, majority vote over N sampled paths, and
best-of-N by each trained value model (the path whose last token it values most), with pass@N (some
path right) as the ceiling; counts per strategy and per problem."""
from __future__ import annotations

from dataclasses import dataclass

from ..grading import answers_equivalent


@dataclass
class HeldOutPaths:
    answer: str                       # the reference
    greedy_correct: bool
    answers: list[str | None]         # each sampled path's stated answer
    correct: list[bool]               # each sampled path graded
    values: dict[str, list[float]]    # per value model, its value at each path's last token


def majority_answer(answers: list[str | None]) -> str | None:
    """The most frequent stated answer, equivalent answers counted together (ties: the first seen)."""
    groups: list[tuple[str, int]] = []
    for answer in answers:
        if answer is None:
            continue
        for i, (representative, count) in enumerate(groups):
            if answers_equivalent(answer, representative):
                groups[i] = (representative, count + 1)
                break
        else:
            groups.append((answer, 1))
    return max(groups, key=lambda g: g[1])[0] if groups else None


def strategy_outcomes(p: HeldOutPaths) -> dict[str, bool]:
    vote = majority_answer(p.answers)
    out = {"greedy": p.greedy_correct, "majority_vote": vote is not None and answers_equivalent(vote, p.answer),
           "pass_at_n": any(p.correct)}
    for kind, values in p.values.items():
        best = max(range(len(values)), key=values.__getitem__)
        out[f"best_of_n_{kind}"] = p.correct[best]
    return out


def summarise(problems: list[HeldOutPaths], n: int) -> dict[str, object]:
    per_problem = [strategy_outcomes(p) for p in problems]
    names = list(per_problem[0]) if per_problem else []
    return {"problems": len(problems), "paths_per_problem": n,
            "correct": {name: sum(row[name] for row in per_problem) for name in names},
            "per_problem": per_problem}
