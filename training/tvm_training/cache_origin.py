"""What a pipeline cache was built from, so that a resumed build never mixes two recipes.

Every stage is skipped when its output is already in the cache, which is right only while the
curriculum and the profile are the ones the cache was built with. `origin.json` records both: a
hash of the first texts the curriculum generates for the profile's tokenizer and policy (a change
to any generator, its notation or its difficulty changes them) and the profile's fields, less those
whose outputs are named after their values (label paths, held-out sizes). A run with another
recipe stops before it reads or writes anything else in the cache.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import TypedDict

from .common import Profile, curriculum_of, log, write_json
from .data import prompt_of, training_example
from .policy import tokenizer_corpus

KEYED_BY_NAME = {"label_paths", "heldout_problems", "heldout_paths", "heldout_rollouts"}
# Fields that change only the labels and what follows them (the calculator: how paths are sampled
# and how the verifiers read calculated results; how many problems are labelled): a cache that holds
# no labels yet (nor their checkpoints) has nothing they shaped, so they may change there (the medium
# run's policy was trained before the calculator joined its recipe, and before its label problems
# were tripled); once labels exist they are part of the recipe.
LABEL_SAMPLING = {"calculator", "label_problems"}
CORPUS_SAMPLE = 2000
STREAM_SAMPLE = 500
FIELD_DEFAULTS = {f.name: f.default for f in dataclasses.fields(Profile) if f.default is not dataclasses.MISSING}


class Recipe(TypedDict):
    curriculum: str
    profile: dict[str, object]


def recipe(profile: Profile) -> Recipe:
    texts = tokenizer_corpus(profile, min(CORPUS_SAMPLE, profile.tokenizer_texts))
    for progress in (0.0, 1.0):
        examples = (training_example(curriculum_of(profile), 0, i, profile.seed, progress, set()) for i in range(STREAM_SAMPLE))
        texts += [prompt_of(ex.question, curriculum_of(profile)) + ex.solution() for ex in examples]
    corpus = hashlib.sha256("\x00".join(texts).encode()).hexdigest()[:16]
    fields = {k: v for k, v in dataclasses.asdict(profile).items() if k not in KEYED_BY_NAME}
    return {"curriculum": corpus, "profile": fields}


def check_origin(cache: Path, profile: Profile) -> None:
    """Records the recipe in a cache that has none; stops when the cache was built from another."""
    path = cache / "origin.json"
    current = recipe(profile)
    if not path.exists():
        write_json(path, current)
        log(f"cache {cache}: recipe recorded in {path.name}")
        return
    recorded = json.loads(path.read_text())
    changes = []
    if recorded.get("curriculum") != current["curriculum"]:
        changes.append("the curriculum generates other texts")
    # A field added to Profile after the cache was made counts as its default there (curriculum: v1).
    old_fields = {**FIELD_DEFAULTS, **recorded.get("profile", {})}
    changed = {k for k, v in current["profile"].items() if old_fields.get(k) != v}
    open_changes = changed & LABEL_SAMPLING if not has_labels(cache) else set()
    changes += [f"{k} {old_fields.get(k)!r} -> {current['profile'][k]!r}" for k in sorted(changed - open_changes)]
    if not changes and open_changes:
        write_json(path, current)
        log(f"cache {cache}: no labels yet, recipe updated ({', '.join(sorted(open_changes))})")
    if changes:
        raise SystemExit(f"cache {cache} was built from another recipe ({'; '.join(changes)}). Set TVM_TUTOR_CACHE "
                         f"to a new folder, or delete {cache} to rebuild from scratch.")


def has_labels(cache: Path) -> bool:
    """Whether the labels stage has written anything to the cache (labels or their checkpoints)."""
    return any(cache.glob("labels-n*.pkl")) or any(cache.glob("labels-n*.partial"))
