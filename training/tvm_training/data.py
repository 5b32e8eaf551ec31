"""Turning curriculum examples into token tensors, and the fixed evaluation splits."""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import torch

from .curriculum import HARD, TRAIN, Curriculum, Example, normalise, sample_family
from .curriculum.prompt import canonical_problem
from .curriculum.registry import Templates
from .notation import varied
from .tokenizer import BpeTokenizer

PROMPT_TEMPLATE = "Q: {problem}\n"
ANSWER_PREFIX = "The answer is "
# How the problem goes into the template (the bundle's `promptFormat`): v1 as written, v2 canonical.
PROMPT_FORMATS = ("v1", "v2")
# JavaScript's \s, with which the engine has always put a v1 problem on one line (src/core/prompt/promptText.ts).
_JS_SPACE = "\t\n\v\f\r \xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"
# A run of whitespace holding a line break; the lookbehind starts a match only where a run starts (else quadratic).
_LINE_BREAK_RUN = re.compile(f"(?<![{_JS_SPACE}])[{_JS_SPACE}]*\n[{_JS_SPACE}]*")


def one_line(text: str) -> str:
    """The text on one line, as the engine writes a v1 problem: a line break would read as a step break."""
    return _LINE_BREAK_RUN.sub(" ", text).strip(_JS_SPACE)


def prompt_text(problem: str, prompt_format: str) -> str:
    """The prompt the policy reads; the engine's one definition is src/core/prompt/promptText.ts, and both
    are tested against tests/fixtures/prompt_text_cases.json."""
    if prompt_format not in PROMPT_FORMATS:
        raise ValueError(f"prompt format {prompt_format!r}: use one of {', '.join(PROMPT_FORMATS)}")
    return PROMPT_TEMPLATE.replace("{problem}", canonical_problem(problem) if prompt_format == "v2" else one_line(problem))


def prompt_of(question: str, curriculum: Curriculum) -> str:
    """The prompt the policy reads; curriculum v2 canonicalises the problem statement (curriculum/prompt.py)."""
    return prompt_text(question, curriculum.prompt_format)


@dataclass
class Batch:
    ids: torch.Tensor        # [B, S] right padded
    mask: torch.Tensor       # [B, S] 1 for real tokens
    loss_mask: torch.Tensor  # [B, S] 1 where the *next* token is a solution token

    def to(self, dev: torch.device) -> Batch:
        return Batch(self.ids.to(dev), self.mask.to(dev), self.loss_mask.to(dev))


def encode_example(tok: BpeTokenizer, ex: Example, curriculum: Curriculum) -> tuple[list[int], int]:
    """Token ids of prompt + solution + EOS, and the prompt length."""
    prompt = tok.encode(prompt_of(ex.question, curriculum))
    return prompt + tok.encode(ex.solution()) + [tok.eos_id], len(prompt)


def right_padded(seqs: list[list[int]], pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Token ids [B, W] right-padded with `pad_id`, and their mask (1 for real tokens)."""
    width = max(len(s) for s in seqs)
    ids = torch.full((len(seqs), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(seqs), width), dtype=torch.long)
    for i, s in enumerate(seqs):
        ids[i, : len(s)] = torch.tensor(s)
        mask[i, : len(s)] = 1
    return ids, mask


def collate(seqs: list[tuple[list[int], int]], max_len: int, pad_id: int) -> Batch:
    seqs = [(s[:max_len], p) for s, p in seqs]
    ids, mask = right_padded([s for s, _ in seqs], pad_id)
    loss_mask = torch.zeros(ids.shape, dtype=torch.float32)
    for i, (s, p) in enumerate(seqs):
        loss_mask[i, p - 1: len(s) - 1] = 1
    return Batch(ids, mask, loss_mask)


@dataclass
class Splits:
    val: list[Example]
    test: list[Example]
    hard: list[Example]
    # Problems phrased by the held-out templates only (curriculum v2; empty for v1).
    heldout_template: list[Example] = field(default_factory=list)

    def held_out(self) -> set[str]:
        return {normalise(e.question) for e in self.val + self.test + self.hard + self.heldout_template}


def make_splits(curriculum: Curriculum, seed: int, per_family_test: int, per_family_val: int, per_family_hard: int) -> Splits:
    """Round-robin over families so each split is balanced; disjoint by normalised text."""
    rng = random.Random(seed)
    seen: set[str] = set()

    def draw(per_family: int, level_hard: bool, templates: Templates = "train") -> list[Example]:
        out: list[Example] = []
        for fam in curriculum.heldout_names if templates == "heldout" else curriculum.names:
            n = 0
            while n < per_family:
                ex = curriculum.generate(fam, rng, HARD if level_hard else TRAIN, templates)
                key = normalise(ex.question)
                if key in seen:
                    continue
                seen.add(key)
                out.append(ex)
                n += 1
        return out

    splits = Splits(val=draw(per_family_val, False), test=draw(per_family_test, False), hard=draw(per_family_hard, True))
    # Drawn last, so that a curriculum without held-out templates (v1) gets the splits it always got.
    splits.heldout_template = draw(per_family_test, False, "heldout")
    return splits


def write_split(path: Path, examples: list[Example]) -> None:
    with path.open("w") as f:
        for e in examples:
            f.write(json.dumps({"question": e.question, "answer": e.answer, "family": e.family,
                                "solution": e.solution()}) + "\n")


def read_split(path: Path) -> list[Example]:
    out = []
    for line in path.read_text().splitlines():
        d = json.loads(line)
        steps = d["solution"].split("\n")[:-1]
        out.append(Example(d["family"], d["question"], steps, d["answer"]))
    return out


def training_example(curriculum: Curriculum, step: int, index: int, seed: int, progress: float, held_out: set[str]) -> Example:
    """Deterministic in (seed, step, index), so a resumed run sees the same stream."""
    rng = random.Random((seed * 1_000_003 + step) * 4099 + index)
    while True:
        fam = sample_family(rng, curriculum.mixture(progress))
        ex = curriculum.generate(fam, rng, TRAIN)
        if normalise(ex.question) not in held_out:
            return varied(ex, rng)
