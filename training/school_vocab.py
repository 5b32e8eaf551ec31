"""How many school words a tokenizer keeps whole: the share of `curriculum/school_words.txt` that
encodes as one token (with its leading space, as a word inside a sentence is written).

    bash training/venv.sh python training/school_vocab.py models/default/tokenizer.json
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tvm_training.curriculum.vocabulary import school_words  # noqa: E402
from tvm_training.tokenizer import BpeTokenizer  # noqa: E402


def whole_word_share(tok: BpeTokenizer, words: list[str]) -> tuple[float, list[str]]:
    """The share of words encoded as a single token, and the words that are split."""
    split = [w for w in words if len(tok.encode(" " + w)) != 1]
    return 1 - len(split) / len(words), split


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tokenizer", type=Path, nargs="+")
    args = parser.parse_args()
    words = school_words()
    for path in args.tokenizer:
        tok = BpeTokenizer.load(path)
        share, split = whole_word_share(tok, words)
        print(f"{path}: {tok.size} tokens, {share:.1%} of {len(words)} school words whole; split e.g. {', '.join(split[:12])}")


if __name__ == "__main__":
    main()
