"""Verifier training: initialised from the policy, a scalar sigmoid head per token, per-token BCE
against soft labels on supervised (solution) tokens only. TVM, ORM and PRM differ only in labels.

Every verifier also reads the policy's log-probability of each token (see `ModelConfig`); those
are computed once per run with the frozen policy and shared by the three."""
from __future__ import annotations

import dataclasses
import random
import time

import torch

from .common import Profile, device, log, training_autocast
from .data import right_padded
from .labels import LabelledPath
from .model import Decoder
from .surprise import padded_logprobs


def verifier_from_policy(policy: Decoder, profile: Profile) -> Decoder:
    cfg = dataclasses.replace(policy.cfg, logprob_input=True, logprob_threshold=profile.logprob_threshold,
                              logprob_span=profile.logprob_span)
    model = Decoder(cfg, value_head=True)
    missing, unexpected = model.load_state_dict(policy.state_dict(), strict=False)
    assert not unexpected and all(k.startswith("value.") or k == "surprise" for k in missing)
    return model


def train_verifier(policy: Decoder, data: list[LabelledPath], logprobs: list[list[float]], kind: str,
                   profile: Profile, pad_id: int) -> Decoder:
    dev = device()
    # The value head's initial weights must not depend on what the process ran before (a resumed
    # build trains fewer models first than a build from scratch).
    torch.manual_seed(profile.seed + 31)
    model = verifier_from_policy(policy, profile).to(dev)
    model.train()
    trunk = [p for n, p in model.named_parameters() if n != "surprise"]
    # The surprise vector starts at zero and must grow against a trunk tuned without it: its own
    # learning rate, and no weight decay pulling it back.
    opt = torch.optim.AdamW([{"params": trunk, "base_lr": profile.verifier_lr, "weight_decay": 0.01},
                             {"params": [model.surprise], "base_lr": profile.surprise_lr, "weight_decay": 0.0}],
                            lr=profile.verifier_lr)
    rng = random.Random(profile.seed + 31)
    order = list(range(len(data)))
    steps = max(1, int(len(data) * profile.verifier_epochs / profile.batch_size))
    # Sort each shuffled window by length so batches carry little padding.
    batches: list[list[int]] = []
    while len(batches) < steps:
        rng.shuffle(order)
        for w in range(0, len(order), profile.batch_size * 8):
            window = sorted(order[w:w + profile.batch_size * 8], key=lambda i: len(data[i].ids))
            batches += [window[k:k + profile.batch_size] for k in range(0, len(window), profile.batch_size)]
    batches = batches[:steps]
    rng.shuffle(batches)
    t0 = time.time()
    for step, idx in enumerate(batches):
        rows = [data[i] for i in idx]
        ids, mask = right_padded([r.ids for r in rows], pad_id)
        width = ids.shape[1]
        target = torch.zeros((len(rows), width))
        weight = torch.zeros((len(rows), width))
        for i, r in enumerate(rows):
            labels = getattr(r, kind)
            target[i, r.start: r.start + len(labels)] = torch.tensor(labels)
            weight[i, r.start: r.start + len(labels)] = r.weight
        lp = padded_logprobs([logprobs[i] for i in idx], width)
        ids, mask, target, weight, lp = (t.to(dev) for t in (ids, mask, target, weight, lp))
        for g in opt.param_groups:
            g["lr"] = g["base_lr"] * min(1.0, (step + 1) / 100) * (1 - 0.9 * step / steps)
        pos = torch.arange(width, device=dev).unsqueeze(0).expand_as(ids)
        where = weight > 0
        with training_autocast():
            hidden, _ = model.trunk(ids, mask, pos, model.empty_past(len(rows), dev), lp)
            logits = model.value_logits(hidden[where]).float()
        # Distinct paths stand for `weight` identical samples, as if each sample were its own row.
        bce = torch.nn.functional.binary_cross_entropy_with_logits(logits, target[where], reduction="none")
        loss = (bce * weight[where]).sum() / weight[where].sum()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if (step + 1) % 200 == 0 or step + 1 == steps:
            log(f"{kind}: step {step + 1}/{steps} loss {float(loss.detach()):.4f} |surprise| "
                f"{float(model.surprise.detach().norm()):.2f} ({time.time() - t0:.0f}s)")
    model.eval()
    return model.cpu()
