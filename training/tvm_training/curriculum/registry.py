"""A curriculum: one list of families, each with its generator and its share of the training mixture."""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from .example import Example, Level
from .prompt import canonical_problem

# Which phrasing templates a generator may use: those for training, or the held-out ones that only
# the `heldout_template` split reads (phrasings the policy never saw).
Templates = Literal["train", "heldout"]
Generator = Callable[[random.Random, Level, Templates], Example]

# Drills start at half of the mixture and decay to this share as training progresses.
DRILL_START, DRILL_FLOOR = 0.5, 0.08


@dataclass(frozen=True)
class Family:
    name: str
    generate: Generator
    # Share of the mixture left after the drills (the non-drill weights sum to 1); for a drill, its
    # share of the drills' part.
    weight: float
    drill: bool = False
    heldout_templates: bool = True   # some of its phrasing templates are held out (the heldout_template split draws on them)


def fixed_phrasing(generate: Callable[[random.Random, Level], Example]) -> Generator:
    """A generator whose phrasings all serve training (it has no held-out templates)."""
    def with_templates(rng: random.Random, lv: Level, templates: Templates) -> Example:
        if templates != "train":
            raise ValueError("this family has no held-out phrasing templates")
        return generate(rng, lv)
    return with_templates


@dataclass(frozen=True)
class Curriculum:
    version: str
    families: tuple[Family, ...]
    prompt_normalised: bool   # whether the prompt canonicalises the problem statement (prompt.py)
    school_words: bool        # whether the tokenizer also learns the school word list (vocabulary.py)
    # The drills' share of the mixture at the start of training; it decays to DRILL_FLOOR. A curriculum
    # that continues a trained policy (v3) starts at the floor: the drills were learnt.
    drill_start: float = DRILL_START

    @property
    def prompt_format(self) -> str:
        """The bundle's `promptFormat` for a policy trained on this curriculum (data.py prompt_text)."""
        return "v2" if self.prompt_normalised else "v1"

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.families]

    def family(self, name: str) -> Family:
        for f in self.families:
            if f.name == name:
                return f
        raise KeyError(f"curriculum {self.version} has no family {name!r}; it has {', '.join(self.names)}")

    @property
    def heldout_names(self) -> list[str]:
        """The families with held-out phrasing templates."""
        return [f.name for f in self.families if f.heldout_templates]

    def generate(self, family: str, rng: random.Random, lv: Level, templates: Templates = "train") -> Example:
        return self.family(family).generate(rng, lv, templates)

    def mixture(self, progress: float) -> dict[str, float]:
        """Sampling weights per family at `progress` (0 → 1) through training: dense drills early,
        the other families (word problems most) later. Drills are listed last."""
        drill = max(DRILL_FLOOR, self.drill_start * (1 - progress))
        rest = 1 - drill
        drill_total = sum(f.weight for f in self.families if f.drill)
        out = {f.name: f.weight * rest for f in self.families if not f.drill}
        out.update({f.name: drill * f.weight / drill_total for f in self.families if f.drill})
        return out


def sample_family(rng: random.Random, weights: dict[str, float]) -> str:
    r = rng.random() * sum(weights.values())
    for k, w in weights.items():
        r -= w
        if r <= 0:
            return k
    return next(iter(weights))


def normalise(question: str) -> str:
    """The key that makes two problem texts the same problem (splits are disjoint by it, and the
    training stream skips theirs): the canonical statement (prompt.py), lower-cased, so that two
    questions v2's prompt reads alike are one problem. (No two of 200000 v1 problems that the former
    key, lower-case and spaces only, told apart share this key: v1's splits and stream are unchanged.)"""
    return canonical_problem(question).lower()
