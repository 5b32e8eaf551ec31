"""School words for curriculum v2's tokenizer: its training texts include the word list, once per
TEXTS_PER_WORD_LIST problem texts, so that the words students write become whole tokens even where
the generated problems use them rarely (measured in training/README.md)."""
from __future__ import annotations

from pathlib import Path

WORD_LIST = Path(__file__).with_name("school_words.txt")
TEXTS_PER_WORD_LIST = 100


def school_words() -> list[str]:
    """The list's words, each once, in order."""
    lines = (line.strip() for line in WORD_LIST.read_text().splitlines())
    return list(dict.fromkeys(w for w in lines if w and not w.startswith("#")))


def word_list_texts(corpus_texts: int) -> list[str]:
    """The word list as texts to add to a tokenizer corpus of `corpus_texts` problem texts (each
    word with its leading space, as inside a sentence)."""
    return [" " + " ".join(school_words())] * max(1, corpus_texts // TEXTS_PER_WORD_LIST)
