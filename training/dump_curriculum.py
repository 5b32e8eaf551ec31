"""Prints curriculum samples as JSON lines: every family at the train and hard level, one line per
problem with its question, reference solution, answer and prompt. With --tokenizer, the texts are
written in the notations training varies, with the Python tokenizer's ids, for the test that checks
@huggingface/tokenizers against it (tests/test_tokenizer_parity.py). --split heldout_template draws
the held-out phrasing templates instead (curriculum v2; families without held-out templates are left
out).

    bash training/venv.sh python training/dump_curriculum.py --curriculum v2 --per-family 3
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tvm_training.curriculum import CURRICULA, HARD, TRAIN, V1, Curriculum  # noqa: E402
from tvm_training.curriculum.registry import Templates  # noqa: E402
from tvm_training.data import prompt_of  # noqa: E402
from tvm_training.notation import varied  # noqa: E402
from tvm_training.tokenizer import BpeTokenizer  # noqa: E402

SPLITS: dict[str, Templates] = {"train": "train", "heldout_template": "heldout"}


def curriculum_ids(tok: BpeTokenizer, per_family: int, seed: int, curriculum: Curriculum = V1) -> Iterator[dict[str, object]]:
    """Per family and level, per_family varied curriculum texts with their ids."""
    rng = random.Random(seed)
    for family in curriculum.names:
        for level in (TRAIN, HARD):
            for _ in range(per_family):
                ex = varied(curriculum.generate(family, rng, level), rng)
                text = prompt_of(ex.question, curriculum) + ex.solution()
                yield {"family": family, "text": text, "ids": tok.encode(text)}


def samples(curriculum: Curriculum, per_family: int, seed: int, templates: Templates = "train") -> Iterator[dict[str, object]]:
    """Per family (with held-out templates, for 'heldout') and level, per_family problems as written."""
    rng = random.Random(seed)
    for family in curriculum.heldout_names if templates == "heldout" else curriculum.names:
        for level in (TRAIN, HARD):
            for _ in range(per_family):
                ex = curriculum.generate(family, rng, level, templates)
                yield {"family": family, "level": level.name, "templates": templates, "question": ex.question,
                       "solution": ex.solution(), "answer": ex.answer, "prompt": prompt_of(ex.question, curriculum)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--curriculum", choices=sorted(CURRICULA), default="v1")
    parser.add_argument("--split", choices=sorted(SPLITS), default="train")
    parser.add_argument("--tokenizer", type=Path, help="print notation-varied texts with this tokenizer's ids instead")
    parser.add_argument("--per-family", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    curriculum = CURRICULA[args.curriculum]
    if args.tokenizer:
        lines = curriculum_ids(BpeTokenizer.load(args.tokenizer), args.per_family, args.seed, curriculum)
    else:
        lines = samples(curriculum, args.per_family, args.seed, SPLITS[args.split])
    for line in lines:
        print(json.dumps(line, ensure_ascii=False))


if __name__ == "__main__":
    main()
