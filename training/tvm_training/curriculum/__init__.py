"""Procedural school-math problems with exact step-by-step reference solutions.

Every family's generator takes a seeded `random.Random` and a `Level` (difficulty knobs) and returns
an `Example`: the question as a student would type it (plain text or `$...$` LaTeX) and one solution
step per line, each step a small `$a op b = c$` move so that a small model can learn the arithmetic
one line at a time. The final line is always `The answer is <answer>`.

Layout: `families/` (one module per family), `latex.py` (how steps write numbers), `names.py`
(people and things), `registry.py` (a curriculum: its families and mixture weights), `v1.py` (the
curriculum of the bundled models), `v2.py` with `restate.py` and `phrasing.py` (the next one: more
families and phrasings, held-out templates), `prompt.py` (v2's canonical problem statement), `v3.py`
with `compose.py` and `families_v3/` (v2's families with questions composed from sentences, held-out
sentences; it continues the v2 policy's training), `v4.py` with `families_v4/` (new kinds of problem
mixed into v3's families).
"""
from __future__ import annotations

from .example import HARD, TRAIN, Example, Level
from .registry import Curriculum, Family, normalise, sample_family
from .v1 import V1
from .v2 import V2
from .v3 import V3
from .v4 import V4

CURRICULA = {c.version: c for c in (V1, V2, V3, V4)}

__all__ = ["CURRICULA", "HARD", "TRAIN", "Curriculum", "Example", "Family", "Level", "V1", "V2", "V3", "V4", "normalise", "sample_family"]
