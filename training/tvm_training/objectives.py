"""How far the TVM's training objective is from the ORM's on the same labelled rows.

A causal verifier gives every row through a token prefix the same value v at that prefix, and
per-token BCE is linear in the label: summed over those rows, the ORM's loss there is
-(sum w y) log v - (sum w (1 - y)) log(1 - v) with y each row's outcome, and the TVM's is the same
with y its trie label. When the trie label is the weighted mean outcome of exactly those rows, the
sums agree, and the two objectives are one function of the verifier's weights: the TVM can then
differ from the ORM only through minibatch noise. They part where the TVM's labels carry outcomes
that are not rows (rollouts that joined the trie), by -(sum w (y_tvm - y_orm)) * logit(v) per prefix.
"""
from __future__ import annotations

from .labels import LabelledPath


class _Node:
    __slots__ = ("children", "gap", "weight")

    def __init__(self) -> None:
        self.children: dict[int, _Node] = {}
        self.gap = 0.0      # sum over rows of weight * (TVM label - ORM label) at this prefix
        self.weight = 0.0   # sum of the rows' weights supervised at this prefix


def objective_difference(rows: list[LabelledPath], tolerance: float = 1e-9) -> dict[str, float | int]:
    """Supervised prefixes, how many of them the TVM's and ORM's objectives differ at, and the share
    of the supervised weight whose ORM label would have to move for the two to coincide."""
    root = _Node()
    for row in rows:
        node = root
        for k, token in enumerate(row.ids):
            node = node.children.setdefault(token, _Node())
            if k >= row.start:
                j = k - row.start
                node.gap += row.weight * (row.tvm[j] - row.orm[j])
                node.weight += row.weight
    prefixes = differing = 0
    moved = total = 0.0
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.children.values())
        if node.weight > 0:
            prefixes += 1
            total += node.weight
            if abs(node.gap) > tolerance * node.weight:
                differing += 1
                moved += abs(node.gap)
    return {"prefixes": prefixes, "differing_prefixes": differing,
            "label_mass_moved": moved / total if total else 0.0}
