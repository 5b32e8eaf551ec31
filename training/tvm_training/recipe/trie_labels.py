"""The paper's labels for sampled paths of any tokenizer: for path n and token k, the share of correct
paths among the sampled paths of its problem that share its first k tokens (the prefix `Trie` of
labels.py, O(total tokens)); the ORM's label is the path's own outcome; the PRM's (Math-Shepherd hard
estimate) says whether some continuation from the end of each step reaches the right answer: a step
end that a correct sampled path passes through is good, the others are judged by policy rollouts
from there (when asked for), which also join the trie below that prefix, as in labels.py."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..labels import LabelledPath, Trie, step_ends, step_spread

# Continuations of (problem index, prompt + solution prefix), each with whether it is correct.
Rollouts = Callable[[list[tuple[int, list[int]]]], list[list[tuple[list[int], bool]]]]


@dataclass
class ProblemPaths:
    prompt: list[int]
    paths: list[list[int]]      # solution tokens (EOS included when produced)
    outcomes: list[bool]


def distinct_paths(paths: list[list[int]], outcomes: list[bool]) -> dict[tuple[int, ...], tuple[bool, int]]:
    """Each distinct path with its outcome and how many times it was sampled (its weight)."""
    out: dict[tuple[int, ...], tuple[bool, int]] = {}
    for path, ok in zip(paths, outcomes):
        key = tuple(path)
        out[key] = (ok, out.get(key, (ok, 0))[1] + 1)
    return out


def problem_trie(group: ProblemPaths) -> Trie:
    trie = Trie()
    for path, ok in zip(group.paths, group.outcomes):
        trie.add(path, ok)
    return trie


def unresolved_step_ends(group: ProblemPaths, trie: Trie, step_ids: set[int]) -> list[tuple[int, ...]]:
    """Solution prefixes ending a step (not the last) through which no sampled path is correct."""
    seen: dict[tuple[int, ...], None] = {}
    for path in distinct_paths(group.paths, group.outcomes):
        for end in step_ends(list(path), step_ids)[:-1]:
            prefix = path[: end + 1]
            if trie.values(list(prefix))[-1][0] == 0:
                seen.setdefault(prefix, None)
    return list(seen)


def label_chunk(groups: list[ProblemPaths], first: int, step_ids: set[int], rollouts: Rollouts | None) -> list[LabelledPath]:
    """The rows of `groups`, whose first problem has index `first` (the index rollouts and rows name)."""
    tries = [problem_trie(g) for g in groups]
    pending = [(first + i, list(prefix)) for i, (g, t) in enumerate(zip(groups, tries))
               for prefix in unresolved_step_ends(g, t, step_ids)]
    rolled = rollouts(pending) if rollouts is not None and pending else [[] for _ in pending]
    for (pi, prefix), continuations in zip(pending, rolled):
        for continuation, ok in continuations:
            tries[pi - first].add(prefix + continuation, ok, first_counted=len(prefix) - 1)
    rows: list[LabelledPath] = []
    for i, (group, trie) in enumerate(zip(groups, tries)):
        for path, (ok, count) in distinct_paths(group.paths, group.outcomes).items():
            tokens = list(path)
            if not tokens:
                continue
            ends = step_ends(tokens, step_ids)
            # A step end is good when some sampled path or rollout through it is correct (the
            # rollouts were counted at their own prefix node).
            good = [float(ok) if si == len(ends) - 1 else float(trie.values(tokens[: end + 1])[-1][0] > 0)
                    for si, end in enumerate(ends)]
            rows.append(LabelledPath(ids=group.prompt + tokens, start=len(group.prompt),
                                     tvm=[c / t for c, t in trie.values(tokens)], orm=[float(ok)] * len(tokens),
                                     prm=step_spread(tokens, step_ids, good), weight=float(count), meta={"problem": first + i}))
    return rows


def label_paths(groups: list[ProblemPaths], step_ids: set[int], rollouts: Rollouts | None, chunk: int = 64) -> list[LabelledPath]:
    """One row per distinct path of every problem (weight: its multiplicity). Without `rollouts`, the
    PRM's step labels come from the sampled paths alone (a step is good when a correct path passes its end).
    Problems are labelled `chunk` at a time, so only that many tries are held at once (a trie node per
    sampled token: GSM8K's 7,473 problems x 100 paths would not fit at once), and the rollouts of a
    chunk are sampled together."""
    rows: list[LabelledPath] = []
    for first in range(0, len(groups), chunk):
        rows += label_chunk(groups[first:first + chunk], first, step_ids, rollouts)
    return rows
