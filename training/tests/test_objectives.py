"""The TVM's and the ORM's training objectives (tvm_training/objectives.py): labelled from the same
weighted paths by the prefix trie, they are one function of a causal verifier's values; a rollout that
joins the trie without being a row, or labels that forget the paths' multiplicities, make them differ."""
from __future__ import annotations

import math
import random
import zlib

import pytest

from tvm_training.labels import LabelledPath, Trie
from tvm_training.objectives import objective_difference

PROMPT = [1, 2]


def value(prefix: list[int]) -> float:
    """Any causal verifier: its value depends on the prefix alone."""
    return 0.05 + 0.9 * (zlib.crc32(bytes(prefix)) % 1000) / 1000


def bce_loss(data: list[LabelledPath], kind: str) -> float:
    total = 0.0
    for r in data:
        labels = r.tvm if kind == "tvm" else r.orm
        for j, y in enumerate(labels):
            v = value(r.ids[: r.start + j + 1])
            total -= r.weight * (y * math.log(v) + (1 - y) * math.log(1 - v))
    return total


class Paths:
    """Paths over a tiny alphabet share many prefixes; duplicates become one row with their count as weight."""

    def __init__(self) -> None:
        rng = random.Random(4)
        self.paths = [[rng.choice([5, 6, 7]) for _ in range(rng.randint(2, 5))] for _ in range(300)]
        # Grading is deterministic: identical paths have the same outcome.
        self.outcomes = [zlib.crc32(bytes(p)) % 10 < 4 for p in self.paths]
        self.distinct: dict[tuple[int, ...], tuple[bool, int]] = {}
        for p, ok in zip(self.paths, self.outcomes):
            key = tuple(p)
            self.distinct[key] = (ok, self.distinct.get(key, (ok, 0))[1] + 1)

    def trie(self) -> Trie:
        trie = Trie()
        for p, ok in zip(self.paths, self.outcomes):
            trie.add(p, ok)
        return trie

    def rows(self, trie: Trie) -> list[LabelledPath]:
        return [LabelledPath(ids=PROMPT + list(p), start=len(PROMPT), tvm=[c / t for c, t in trie.values(list(p))],
                             orm=[float(ok)] * len(p), prm=[0.0] * len(p), weight=float(n))
                for p, (ok, n) in self.distinct.items()]


@pytest.fixture(scope="module")
def paths() -> Paths:
    return Paths()


def test_trie_labels_from_the_weighted_sampled_paths_give_the_orm_objective_exactly(paths):
    same = paths.rows(paths.trie())
    difference = objective_difference(same)
    assert difference["prefixes"] > 20, f"only {difference['prefixes']} prefixes"
    assert difference["differing_prefixes"] == 0
    assert difference["label_mass_moved"] == 0
    gap = abs(bce_loss(same, "tvm") - bce_loss(same, "orm"))
    assert gap < 1e-9, f"BCE losses differ by {gap}"


def test_a_rollout_joined_to_the_trie_moves_the_tvm_objective_away_from_the_orm_one_at_its_prefixes_only(paths):
    trie = paths.trie()
    # A rollout from the end of some path's second token joins the trie there and below.
    first = next(iter(paths.distinct))
    trie.add(list(first) + [9], True, first_counted=1)
    joined = paths.rows(trie)
    # The rollout passes through the rows' prefixes from its start to the end of the path it left.
    assert objective_difference(joined)["differing_prefixes"] == len(first) - 1
    gap = abs(bce_loss(joined, "tvm") - bce_loss(joined, "orm"))
    assert gap > 1e-6, f"BCE losses differ by only {gap}"


def test_labels_that_forget_how_often_each_path_was_sampled_no_longer_match_the_orm_objective(paths):
    same = paths.rows(paths.trie())
    # Labels averaged over distinct paths instead of over samples: the multiplicities are lost.
    flat = Trie()
    for p, (ok, _) in paths.distinct.items():
        flat.add(list(p), ok)
    unweighted = [LabelledPath(ids=r.ids, start=r.start, tvm=[c / t for c, t in flat.values(r.ids[r.start:])],
                               orm=r.orm, prm=r.prm, weight=r.weight) for r in same]
    difference = objective_difference(unweighted)
    assert difference["differing_prefixes"] > 0
    assert difference["label_mass_moved"] > 0
