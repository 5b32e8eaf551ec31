"""The Python sampler (tvm_training/sampling.py) drops finished rows from its batch: the paths are
the ones it samples when it keeps every row to the end, since each row draws its own number every
step; and the same seed gives the same paths."""
from __future__ import annotations

from pathlib import Path

import pytest

from tvm_training import sampling
from tvm_training.curriculum import V1
from tvm_training.data import prompt_of
from tvm_training.hf_format import decoder_from_transformers
from tvm_training.hf_parity import problems_of
from tvm_training.policy import sample_paths
from tvm_training.tokenizer import BpeTokenizer

DEFAULT = Path(__file__).resolve().parents[2] / "models" / "default"


@pytest.fixture(scope="module")
def shipped():
    tok = BpeTokenizer.load(DEFAULT / "tokenizer.json")
    prompts = [tok.encode(prompt_of(q, V1)) for q in problems_of(DEFAULT / "splits" / "hard.jsonl", 24)]
    return decoder_from_transformers(DEFAULT), tok, prompts


def test_dropping_finished_rows_changes_no_path(shipped, monkeypatch):
    policy, tok, prompts = shipped
    compacted = sample_paths(policy, tok, prompts, 8, 0.7, 3, 200)
    monkeypatch.setattr(sampling, "COMPACT_FRACTION", 2.0)  # never drop a row
    whole = sample_paths(policy, tok, prompts, 8, 0.7, 3, 200)
    assert compacted == whole
    lengths = sorted(len(p) for paths in whole for p in paths)
    assert lengths[0] < lengths[-1], "rows finish at different steps, so rows were dropped mid-batch"


def test_a_seed_gives_the_same_paths_and_another_seed_others(shipped):
    policy, tok, prompts = shipped
    first = sample_paths(policy, tok, prompts[:8], 4, 0.7, 11, 200)
    assert sample_paths(policy, tok, prompts[:8], 4, 0.7, 11, 200) == first
    assert sample_paths(policy, tok, prompts[:8], 4, 0.7, 12, 200) != first
