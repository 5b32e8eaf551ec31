"""The policy's loss: solutions only by default; the problem statement's tokens as a second term; in
bfloat16 autocast (TVM_TUTOR_PRECISION=bf16) the same losses within rounding."""
from __future__ import annotations

import pytest
import torch

from tvm_training.common import training_autocast
from tvm_training.data import collate
from tvm_training.model import Decoder, ModelConfig
from tvm_training.policy import solution_loss, token_losses


def _model_and_batch() -> tuple[Decoder, object]:
    torch.manual_seed(0)
    model = Decoder(ModelConfig(vocab_size=50, d_model=32, n_layer=1, n_head=2, max_positions=32))
    # (ids, prompt length): prompts of 4 and 2 tokens; 0 pads.
    batch = collate([([5, 6, 7, 8, 9, 10, 11, 1], 4), ([12, 13, 14, 1], 2)], 32, 0)
    return model, batch


def _reference(model: Decoder, batch, positions: torch.Tensor) -> torch.Tensor:
    """Cross-entropy at the given [B, S-1] positions, computed from the full logits."""
    pos = torch.arange(batch.ids.shape[1]).unsqueeze(0).expand_as(batch.ids)
    hidden, _ = model.trunk(batch.ids, batch.mask, pos, model.empty_past(batch.ids.shape[0], torch.device("cpu")))
    logits = model.logits(hidden[:, :-1])
    return torch.nn.functional.cross_entropy(logits[positions], batch.ids[:, 1:][positions])


def test_weight_zero_is_the_solution_loss_alone() -> None:
    model, batch = _model_and_batch()
    solution, problem = token_losses(model, batch, torch.device("cpu"), problem_weight=0.0)
    assert problem is None
    assert torch.allclose(solution, solution_loss(model, batch, torch.device("cpu")))
    assert torch.allclose(solution, _reference(model, batch, batch.loss_mask[:, :-1] > 0), atol=1e-6)


def test_problem_loss_covers_the_prompt_tokens_after_the_first() -> None:
    model, batch = _model_and_batch()
    solution, problem = token_losses(model, batch, torch.device("cpu"), problem_weight=0.5)
    on_solution = batch.loss_mask[:, :-1] > 0
    prompt_next = (batch.mask[:, 1:] > 0) & ~on_solution
    # Prompt tokens predicted: 3 of the first row's 4, 1 of the second's 2.
    assert int(prompt_next.sum()) == 4
    assert problem is not None
    assert torch.allclose(problem, _reference(model, batch, prompt_next), atol=1e-6)
    assert torch.allclose(solution, _reference(model, batch, on_solution), atol=1e-6)


def test_bf16_autocast_gives_the_float32_losses_within_a_hundredth_and_a_bad_precision_is_refused(monkeypatch) -> None:
    model, batch = _model_and_batch()
    exact, _ = token_losses(model, batch, torch.device("cpu"), problem_weight=0.0)
    monkeypatch.setenv("TVM_TUTOR_PRECISION", "bf16")
    with training_autocast():
        rounded, _ = token_losses(model, batch, torch.device("cpu"), problem_weight=0.0)
        assert model.logits(torch.ones(1, 32)).dtype == torch.bfloat16, "the matmuls run in bfloat16"
    assert rounded.dtype == torch.float32 and abs(float(rounded) - float(exact)) < 1e-2
    monkeypatch.setenv("TVM_TUTOR_PRECISION", "fp16")
    with pytest.raises(SystemExit, match="use fp32 .* or bf16"):
        training_autocast()
