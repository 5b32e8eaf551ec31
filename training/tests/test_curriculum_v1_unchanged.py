"""The v1 curriculum writes exactly what it wrote before curriculum.py was split into a package by
family: `fixtures/curriculum_v1.json` was written by `python tests/test_curriculum_v1_unchanged.py`
with the single-module curriculum.py (commit c385d4b), and this test recomputes the same digests
from the package. Every family at both levels, the mixture's draws at three points of training, and
the notation-varied stream the tokenizer and the policy learn from."""
from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tvm_training.curriculum import HARD, TRAIN, V1, sample_family  # noqa: E402
from tvm_training.notation import varied  # noqa: E402

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "curriculum_v1.json"
PER_FAMILY = 150
SHOWN = 2


def text_of(ex) -> str:
    return json.dumps([ex.family, ex.question, ex.solution(), ex.answer, ex.meta], sort_keys=True)


def digest(texts: list[str]) -> str:
    return hashlib.sha256("\n".join(texts).encode()).hexdigest()


def v1_outputs() -> dict[str, object]:
    out: dict[str, object] = {}
    for family in V1.names:
        for level in (TRAIN, HARD):
            rng = random.Random(f"{family}/{level.name}")
            texts = [text_of(V1.generate(family, rng, level)) for _ in range(PER_FAMILY)]
            out[f"{family}/{level.name}"] = {"sha256": digest(texts), "first": texts[:SHOWN]}
    for progress in (0.0, 0.5, 1.0):
        rng = random.Random(int(progress * 10))
        out[f"mixture/{progress}"] = {"weights": V1.mixture(progress),
                                      "sha256": digest([text_of(varied(V1.generate(sample_family(rng, V1.mixture(progress)), rng, TRAIN), rng))
                                                        for _ in range(400)])}
    return out


def test_the_v1_curriculum_generates_what_the_single_module_generated():
    expected = json.loads(FIXTURE.read_text())
    actual = json.loads(json.dumps(v1_outputs()))
    assert list(actual) == list(expected)
    for key in expected:
        assert actual[key] == expected[key], key


if __name__ == "__main__":
    FIXTURE.write_text(json.dumps(v1_outputs(), indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {FIXTURE}")
