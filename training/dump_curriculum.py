"""Prints curriculum texts (train and hard level, every family, in the notations training varies) with the Python tokenizer's ids as JSON
lines, for the test that checks @huggingface/tokenizers against it (tests/test_tokenizer_parity.py)."""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tvm_training.curriculum import HARD, TRAIN, V1  # noqa: E402
from tvm_training.data import prompt_of  # noqa: E402
from tvm_training.notation import varied  # noqa: E402
from tvm_training.tokenizer import BpeTokenizer  # noqa: E402


def curriculum_ids(tok: BpeTokenizer, per_family: int, seed: int) -> Iterator[dict[str, object]]:
    """Per family and level, per_family varied curriculum texts with their ids."""
    rng = random.Random(seed)
    for family in V1.names:
        for level in (TRAIN, HARD):
            for _ in range(per_family):
                ex = varied(V1.generate(family, rng, level), rng)
                text = prompt_of(ex.question) + ex.solution()
                yield {"family": family, "text": text, "ids": tok.encode(text)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tokenizer", type=Path, required=True)
    parser.add_argument("--per-family", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for line in curriculum_ids(BpeTokenizer.load(args.tokenizer), args.per_family, args.seed):
        print(json.dumps(line))


if __name__ == "__main__":
    main()
