"""Curriculum v4: v3's families, where each family that has a module in families_v4/ draws half of its
problems from the new kinds there and half from v3. The policy trained on it continues the shipped v3
policy (common.MEDIUM_V4) with the steps and learning rate of the v3-trained-longer run
(common.MEDIUM_LONG_V3), so that the two runs differ by the curriculum alone."""
from __future__ import annotations

import importlib
import pkgutil
import random

from . import families_v4
from .example import Example, Level
from .registry import DRILL_FLOOR, Curriculum, Family, Generator, Templates
from .v3 import V3

# Share of an extended family's problems drawn from its new kinds.
NEW_KIND_SHARE = 0.5

NEW_KINDS: dict[str, Generator] = {
    info.name: importlib.import_module(f"{families_v4.__name__}.{info.name}").generate
    for info in pkgutil.iter_modules(families_v4.__path__)}


def _mixed(old: Generator, new: Generator) -> Generator:
    def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
        return new(rng, lv, which) if rng.random() < NEW_KIND_SHARE else old(rng, lv, which)
    return generate


def _v4(family: Family) -> Family:
    new = NEW_KINDS.get(family.name)
    if new is None:
        return family
    return Family(family.name, _mixed(family.generate, new), family.weight, drill=family.drill, heldout_templates=True)


unknown = set(NEW_KINDS) - set(V3.names)
if unknown:
    raise ImportError(f"families_v4 modules {sorted(unknown)} name no v3 family; v3 has {', '.join(V3.names)}")

V4 = Curriculum("v4", tuple(_v4(f) for f in V3.families), prompt_normalised=True, school_words=True, drill_start=DRILL_FLOOR)
