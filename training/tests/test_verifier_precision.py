"""Verifier training under TVM_TUTOR_PRECISION=bf16 (common.training_autocast): the same labels and
seed give a verifier whose values at supervised positions are those of float32 training within 0.05
(200 steps let the two roundings drift apart a little), float32 weights."""
from __future__ import annotations

import dataclasses

import torch

from tvm_training.common import SMOKE
from tvm_training.labels import LabelledPath
from tvm_training.model import Decoder, ModelConfig
from tvm_training.verifiers import train_verifier

PROFILE = dataclasses.replace(SMOKE, batch_size=4, verifier_epochs=100.0, verifier_lr=3e-3)


def rows() -> list[LabelledPath]:
    out = []
    for i in range(8):
        ids = [3 + i % 5, 7, 9, 11 + i % 3, 2 + i % 4, 1]
        good = float(i % 2)
        out.append(LabelledPath(ids=ids, start=2, tvm=[0.5, 0.5 + good / 4, good, good], orm=[good] * 4, prm=[good] * 4))
    return out


def trained(monkeypatch, precision: str) -> tuple[Decoder, torch.Tensor]:
    monkeypatch.setenv("TVM_TUTOR_PRECISION", precision)
    torch.manual_seed(0)
    policy = Decoder(ModelConfig(vocab_size=20, d_model=32, n_layer=1, n_head=2, max_positions=16))
    data = rows()
    verifier = train_verifier(policy, data, [[0.0] * len(r.ids) for r in data], "tvm", PROFILE, pad_id=0)
    ids = torch.tensor([r.ids for r in data])
    with torch.no_grad():
        hidden, _ = verifier.trunk(ids, torch.ones_like(ids), None, verifier.empty_past(len(data)), torch.zeros(ids.shape))
        return verifier, verifier.values(hidden)


def test_bf16_training_gives_the_float32_values_within_rounding(monkeypatch):
    _, exact = trained(monkeypatch, "fp32")
    verifier, rounded = trained(monkeypatch, "bf16")
    assert all(p.dtype == torch.float32 for p in verifier.parameters())
    supervised = slice(2, None)  # the prompt's positions have no label, so no value to compare
    assert float((rounded - exact)[:, supervised].abs().max()) < 0.05
    assert float((exact[:, -1] - 0.5).abs().min()) > 0.3, "trained to the labels (not two untrained models compared)"
