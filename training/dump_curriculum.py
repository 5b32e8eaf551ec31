"""Prints curriculum texts (train and hard level, every family, in the notations training varies) with the Python tokenizer's ids as JSON
lines, for the Node test that checks @huggingface/tokenizers against it."""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tvm_training.curriculum import FAMILIES, HARD, TRAIN, generate  # noqa: E402
from tvm_training.data import prompt_of  # noqa: E402
from tvm_training.notation import varied  # noqa: E402
from tvm_training.tokenizer import BpeTokenizer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tokenizer", type=Path, required=True)
    parser.add_argument("--per-family", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    tok = BpeTokenizer.load(args.tokenizer)
    rng = random.Random(args.seed)
    for family in FAMILIES:
        for level in (TRAIN, HARD):
            for _ in range(args.per_family):
                ex = varied(generate(family, rng, level), rng)
                text = prompt_of(ex.question) + ex.solution()
                print(json.dumps({"family": family, "text": text, "ids": tok.encode(text)}))


if __name__ == "__main__":
    main()
