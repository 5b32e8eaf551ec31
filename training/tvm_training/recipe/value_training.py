"""Fine-tuning a value model from the policy's weights: `AutoModelForTokenClassification` with one
label, of the policy's own architecture (its trunk loaded from the policy checkpoint, a new scalar
head), trained with per-token BCE (or MSE on the sigmoid) against the labels of one kind (tvm, orm,
prm) on solution tokens only, each distinct path weighted by how often it was sampled, as
tvm_training/verifiers.py trains our own verifiers."""
from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path

import torch
from transformers import AutoModelForTokenClassification, PreTrainedModel

from ..common import log
from ..labels import LabelledPath


@dataclass(frozen=True)
class TrainSettings:
    lr: float
    epochs: float
    batch_size: int          # rows per optimiser step (the paper: 512)
    micro_batch: int         # rows per forward pass (gradient accumulation in between)
    loss: str                # "bce" or "mse"
    seed: int
    bf16: bool               # autocast to bfloat16 (CUDA)
    gradient_checkpointing: bool


def value_model_from_policy(policy_dir: Path, kind: str) -> PreTrainedModel:
    model = AutoModelForTokenClassification.from_pretrained(
        policy_dir, num_labels=1, id2label={0: "value"}, label2id={"value": 0}, dtype=torch.float32)
    # Dropout before the head would make the value of a prefix depend on the draw.
    for key in ("classifier_dropout", "hidden_dropout", "summary_first_dropout"):
        if hasattr(model.config, key):
            setattr(model.config, key, 0.0)
    for module in model.modules():
        if isinstance(module, torch.nn.Dropout):
            module.p = 0.0
    model.config.tvm_labels = kind
    model.config.architectures = [type(model).__name__]
    return model


def batches(rows: list[LabelledPath], settings: TrainSettings) -> list[list[int]]:
    """Shuffled batches of row indices for `epochs` passes, each batch of rows of similar length."""
    rng = random.Random(settings.seed)
    steps = max(1, round(len(rows) * settings.epochs / settings.batch_size))
    order = list(range(len(rows)))
    out: list[list[int]] = []
    while len(out) < steps:
        rng.shuffle(order)
        window = settings.batch_size * 8
        for w in range(0, len(order), window):
            part = sorted(order[w:w + window], key=lambda i: len(rows[i].ids))
            out += [part[k:k + settings.batch_size] for k in range(0, len(part), settings.batch_size)]
    out = out[:steps]
    rng.shuffle(out)
    return out


def padded(rows: list[LabelledPath], kind: str, pad_id: int, dev: torch.device) -> tuple[torch.Tensor, ...]:
    """Right-padded ids, mask, targets and weights (weight 0 off the supervised tokens)."""
    width = max(len(r.ids) for r in rows)
    ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    target = torch.zeros((len(rows), width))
    weight = torch.zeros((len(rows), width))
    for i, r in enumerate(rows):
        labels = getattr(r, kind)
        ids[i, : len(r.ids)] = torch.tensor(r.ids)
        mask[i, : len(r.ids)] = 1
        target[i, r.start: r.start + len(labels)] = torch.tensor(labels)
        weight[i, r.start: r.start + len(labels)] = r.weight
    return tuple(t.to(dev) for t in (ids, mask, target, weight))


def token_loss(logits: torch.Tensor, target: torch.Tensor, loss: str) -> torch.Tensor:
    if loss == "mse":
        return (torch.sigmoid(logits) - target) ** 2
    return torch.nn.functional.binary_cross_entropy_with_logits(logits, target, reduction="none")


def train_value_model(policy_dir: Path, rows: list[LabelledPath], kind: str, pad_id: int, settings: TrainSettings,
                      dev: torch.device) -> tuple[PreTrainedModel, dict[str, float]]:
    torch.manual_seed(settings.seed)
    model = value_model_from_policy(policy_dir, kind).to(dev)
    if settings.gradient_checkpointing:
        model.gradient_checkpointing_enable()
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=settings.lr, weight_decay=0.0)
    plan = batches(rows, settings)
    warmup = max(1, len(plan) // 10)
    started, tokens, last = time.perf_counter(), 0, float("nan")
    for step, batch in enumerate(plan):
        for group in opt.param_groups:
            group["lr"] = settings.lr * min(1.0, (step + 1) / warmup) * (1 - 0.9 * step / len(plan))
        total_weight = sum(rows[i].weight * len(getattr(rows[i], kind)) for i in batch)
        step_loss = 0.0
        for k in range(0, len(batch), settings.micro_batch):
            ids, mask, target, weight = padded([rows[i] for i in batch[k:k + settings.micro_batch]], kind, pad_id, dev)
            with torch.autocast(dev.type, dtype=torch.bfloat16, enabled=settings.bf16):
                logits = model(input_ids=ids, attention_mask=mask).logits.squeeze(-1).float()
            where = weight > 0
            loss = (token_loss(logits[where], target[where], settings.loss) * weight[where]).sum() / total_weight
            loss.backward()
            step_loss += float(loss.detach())
            tokens += int(mask.sum())
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        last = step_loss
        if (step + 1) % 50 == 0 or step + 1 == len(plan):
            log(f"{kind}: step {step + 1}/{len(plan)} loss {step_loss:.4f} ({time.perf_counter() - started:.0f} s)")
    seconds = time.perf_counter() - started
    model.eval()
    return model, {"steps": len(plan), "final_loss": last, "seconds": seconds, "tokens": tokens,
                   "tokens_per_second": tokens / seconds if seconds else 0.0}


@torch.no_grad()
def last_token_values(model: PreTrainedModel, sequences: list[list[int]], pad_id: int, dev: torch.device,
                      batch: int = 16) -> list[float]:
    """The value (sigmoid of the head) at each sequence's last token."""
    out: list[float] = []
    for k in range(0, len(sequences), batch):
        part = sequences[k:k + batch]
        width = max(map(len, part))
        ids = torch.tensor([s + [pad_id] * (width - len(s)) for s in part], device=dev)
        mask = torch.tensor([[1] * len(s) + [0] * (width - len(s)) for s in part], device=dev)
        logits = model(input_ids=ids, attention_mask=mask).logits.squeeze(-1).float()
        out += [float(torch.sigmoid(logits[i, len(s) - 1])) for i, s in enumerate(part)]
    return out
