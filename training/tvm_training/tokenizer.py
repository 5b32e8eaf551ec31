"""Byte-level BPE trained on the curriculum, written as a Hugging Face `tokenizer.json`.

The pre-tokenizer regex isolates every digit (so numbers are spelled one digit per token), keeps a
LaTeX command with its backslash (` \\frac`), and words with their leading space. The same regex and
merge ranks are applied here and by `@huggingface/tokenizers` in Node; a Node test checks that both
produce the same ids on the curriculum and that decode(encode(x)) == x.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import regex

EOS = "<|eos|>"
# ASCII classes only, so that Python's `regex` and JavaScript's RegExp split identically.
PATTERN = r" ?\\[A-Za-z]+| ?[A-Za-z]+|[0-9]| ?[^\sA-Za-z0-9\\]+|\\|\s+"
_SPLIT = regex.compile(PATTERN)


def bytes_to_unicode() -> dict[int, str]:
    """GPT-2's reversible byte -> printable character map."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return {b: chr(c) for b, c in zip(bs, cs)}


BYTE_CHARS = bytes_to_unicode()


def pieces(text: str) -> list[str]:
    """Pre-tokenize and map each piece to its byte-level characters."""
    return ["".join(BYTE_CHARS[b] for b in p.encode("utf-8")) for p in _SPLIT.findall(text)]


def train_bpe(texts: list[str], vocab_size: int) -> list[tuple[str, str]]:
    words = Counter(p for t in texts for p in pieces(t))
    seqs = {w: list(w) for w in words}
    merges: list[tuple[str, str]] = []
    n_merges = vocab_size - 256 - 1
    while len(merges) < n_merges:
        pairs: Counter[tuple[str, str]] = Counter()
        for w, sym in seqs.items():
            f = words[w]
            for a, b in zip(sym, sym[1:]):
                pairs[(a, b)] += f
        if not pairs:
            break
        (a, b), count = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))
        if count < 2:
            break
        merges.append((a, b))
        for w, sym in seqs.items():
            i, out = 0, []
            while i < len(sym):
                if i + 1 < len(sym) and sym[i] == a and sym[i + 1] == b:
                    out.append(a + b)
                    i += 2
                else:
                    out.append(sym[i])
                    i += 1
            seqs[w] = out
    return merges


class BpeTokenizer:
    """Encoder used by the Python pipeline; must match the Node library bit for bit."""

    def __init__(self, merges: list[tuple[str, str]]):
        self.merges = merges
        self.ranks = {m: i for i, m in enumerate(merges)}
        alphabet = [BYTE_CHARS[b] for b in range(256)]
        self.vocab: dict[str, int] = {c: i for i, c in enumerate(alphabet)}
        for a, b in merges:
            self.vocab.setdefault(a + b, len(self.vocab))
        self.eos_id = len(self.vocab)
        self.id_to_token = {i: t for t, i in self.vocab.items()}
        self.id_to_token[self.eos_id] = EOS
        self._cache: dict[str, list[int]] = {}

    @property
    def size(self) -> int:
        return self.eos_id + 1

    def _bpe(self, piece: str) -> list[int]:
        hit = self._cache.get(piece)
        if hit is not None:
            return hit
        sym = list(piece)
        while len(sym) > 1:
            best = min(((self.ranks.get((a, b), 1 << 30), i) for i, (a, b) in enumerate(zip(sym, sym[1:]))))
            if best[0] == 1 << 30:
                break
            i = best[1]
            sym = sym[:i] + [sym[i] + sym[i + 1]] + sym[i + 2:]
        ids = [self.vocab[s] for s in sym]
        self._cache[piece] = ids
        return ids

    def encode(self, text: str) -> list[int]:
        out: list[int] = []
        for p in pieces(text):
            out.extend(self._bpe(p))
        return out

    def decode(self, ids: list[int]) -> str:
        inv = {c: b for b, c in BYTE_CHARS.items()}
        chars = "".join(self.id_to_token[i] for i in ids if i != self.eos_id)
        return bytes(inv[c] for c in chars).decode("utf-8", errors="replace")

    def to_json(self) -> dict[str, object]:
        return {
            "version": "1.0",
            "truncation": None,
            "padding": None,
            "added_tokens": [{"id": self.eos_id, "content": EOS, "single_word": False, "lstrip": False,
                              "rstrip": False, "normalized": False, "special": True}],
            "normalizer": None,
            "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
                {"type": "Split", "pattern": {"Regex": PATTERN}, "behavior": "Isolated", "invert": False},
                {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": False},
            ]},
            "post_processor": None,
            "decoder": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": False},
            "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                      "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False,
                      "ignore_merges": False, "vocab": self.vocab,
                      "merges": [f"{a} {b}" for a, b in self.merges]},
        }

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False))

    @classmethod
    def load(cls, path: Path) -> BpeTokenizer:
        data = json.loads(path.read_text())
        merges = [tuple(m.split(" ")) for m in data["model"]["merges"]]
        return cls([(a, b) for a, b in merges])
