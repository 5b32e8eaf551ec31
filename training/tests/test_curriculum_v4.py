"""Curriculum v4's new kinds (tvm_training/curriculum/families_v4/, mixed into v3's families by v4.py):
reference steps that are true, held-out sentences that training never uses and that every held-out
question uses, v3's families and weights kept, and the committed sample that the engine's exact-math
test judges (test/fixtures/curriculum-v4-sample.jsonl; rewrite it with
`python training/tests/test_curriculum_v4.py` after changing a generator)."""
from __future__ import annotations

import importlib
import json
import pkgutil
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from test_curriculum_v2 import as_pattern, one_operation_lines_checked  # noqa: E402
from test_curriculum_v3 import sentences_of, skeleton  # noqa: E402

from tvm_training.curriculum import HARD, TRAIN, V3, V4, families_v4  # noqa: E402
from tvm_training.curriculum.v4 import NEW_KIND_SHARE  # noqa: E402
from tvm_training.data import make_splits, prompt_of  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "test" / "fixtures" / "curriculum-v4-sample.jsonl"
V4_MODULES: dict[str, ModuleType] = {
    info.name: importlib.import_module(f"{families_v4.__name__}.{info.name}") for info in pkgutil.iter_modules(families_v4.__path__)}


@pytest.mark.parametrize("family", sorted(V4_MODULES))
def test_every_step_of_a_new_kind_s_reference_solution_is_true_and_ends_with_the_answer(family):
    rng = random.Random(family)
    checked = 0
    for level in (TRAIN, HARD):
        for which in ("train", "heldout"):
            for _ in range(200):
                ex = V4_MODULES[family].generate(rng, level, which)
                assert ex.family == family
                checked += one_operation_lines_checked(ex)
    assert checked > 0, f"{family}: no `$a op b = c$` line to check"


@pytest.mark.parametrize("family", sorted(V4_MODULES))
def test_new_kinds_hold_out_sentences_that_training_never_uses(family):
    sentences = sentences_of(V4_MODULES[family])
    held = [as_pattern(t) for t in sentences if t.heldout]
    train = [as_pattern(t) for t in sentences if not t.heldout]
    assert held and len(held) < len(train), f"{family}: {len(held)} held out of {len(sentences)}"
    rng = random.Random(4)
    for _ in range(400):
        question = V4_MODULES[family].generate(rng, TRAIN, "train").question
        for p in held:
            for m in p.finditer(question):
                assert any(t.search(m.group(0)) for t in train), f"training used a held-out sentence: {question}"
        held_question = V4_MODULES[family].generate(rng, TRAIN, "heldout").question
        assert any(p.search(held_question) for p in held), held_question


@pytest.mark.parametrize("family", sorted(V4_MODULES))
def test_new_kinds_are_phrased_many_ways(family):
    rng = random.Random(5)
    draws = 300
    phrasings = {skeleton(V4_MODULES[family].generate(rng, TRAIN, "train").question) for _ in range(draws)}
    assert len(phrasings) >= draws / 3, f"{family}: {len(phrasings)} phrasings in {draws} questions"


def test_v4_keeps_v3_s_families_and_weights_and_extends_some():
    assert V4.names == V3.names
    assert [f.weight for f in V4.families] == [f.weight for f in V3.families]
    assert V4.drill_start == V3.drill_start and V4.prompt_format == V3.prompt_format
    assert set(V4_MODULES) <= set(V3.names) and len(V4_MODULES) >= 10


def test_an_extended_family_draws_half_its_problems_from_its_new_kinds_and_half_from_v3():
    for family in V4_MODULES:
        from_new = 0
        for seed in range(200):
            rng = random.Random(seed)
            new = rng.random() < NEW_KIND_SHARE
            expected = (V4_MODULES[family].generate if new else V3.family(family).generate)(rng, TRAIN, "train")
            assert V4.generate(family, random.Random(seed), TRAIN).question == expected.question
            from_new += new
        assert 70 < from_new < 130, family


def test_the_v4_splits_have_every_family_and_a_heldout_template_split():
    splits = make_splits(V4, 3, 2, 1, 1)
    assert {e.family for e in splits.val} == set(V4.names)
    assert {e.family for e in splits.heldout_template} == set(V4.heldout_names)


def sample_lines(per_level: int = 8) -> list[str]:
    """The new kinds only (v3's are in v3's sample): per family, level and phrasing split, per_level problems."""
    rng = random.Random(1)
    lines = []
    for family in sorted(V4_MODULES):
        for which in ("train", "heldout"):
            for level in (TRAIN, HARD):
                for _ in range(per_level):
                    ex = V4_MODULES[family].generate(rng, level, which)
                    lines.append({"family": family, "level": level.name, "templates": which, "question": ex.question,
                                  "solution": ex.solution(), "answer": ex.answer, "prompt": prompt_of(ex.question, V4)})
    return [json.dumps(line, ensure_ascii=False) for line in lines]


def test_the_committed_sample_is_what_the_generator_writes():
    assert SAMPLE.read_text().splitlines() == sample_lines(), "rewrite it: python training/tests/test_curriculum_v4.py"


if __name__ == "__main__":
    SAMPLE.write_text("\n".join(sample_lines()) + "\n")
    print(f"wrote {SAMPLE}")
