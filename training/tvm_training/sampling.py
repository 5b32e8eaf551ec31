"""Batched sampling from the policy with a KV cache (PyTorch side, used for labels and evaluation)."""
from __future__ import annotations

import dataclasses

import torch

from .calculator import Calculator
from .common import device
from .model import Decoder


@dataclasses.dataclass
class Continuation:
    """New tokens of one prompt (EOS/newline included when produced) and the indexes into them of the
    tokens the calculator wrote (the engine's `Continuation.forced`)."""
    tokens: list[int] = dataclasses.field(default_factory=list)
    forced: list[int] = dataclasses.field(default_factory=list)


@torch.no_grad()
def sample(model: Decoder, prompts: list[list[int]], eos_id: int, max_new: int, temperature: float,
           generator: torch.Generator, newline_ids: set[int] | None = None) -> list[list[int]]:
    """The new tokens of `sample_continuations()` without a calculator."""
    return [c.tokens for c in sample_continuations(model, prompts, eos_id, max_new, temperature, generator, newline_ids)]


@torch.no_grad()
def sample_continuations(model: Decoder, prompts: list[list[int]], eos_id: int, max_new: int, temperature: float,
                         generator: torch.Generator, newline_ids: set[int] | None = None,
                         calculator: Calculator | None = None) -> list[Continuation]:
    """Continue each prompt until EOS (or, with `newline_ids`, the end of one step) or `max_new` tokens.
    temperature 0 = greedy. The model runs on `device()`; tokens are drawn on the CPU with `generator`,
    so a seed gives the same draws from the same probabilities on any device.
    With `calculator`, decoding is the engine's (PolicySession with exactSearch's forcer): after each
    token whose text contains "=", the calculator is asked, and the tokens it answers are written
    next instead of sampled ones (a draw is still made for the row, so other rows' draws do not move)."""
    dev = device()
    model.to(dev)
    b = len(prompts)
    width = max(len(p) for p in prompts)
    ids = torch.full((b, width), eos_id, dtype=torch.long)
    mask = torch.zeros((b, width), dtype=torch.long)
    for i, p in enumerate(prompts):
        ids[i, width - len(p):] = torch.tensor(p)
        mask[i, width - len(p):] = 1
    ids, mask = ids.to(dev), mask.to(dev)
    pos = (mask.cumsum(1) - 1).clamp(min=0)
    past = model.empty_past(b, dev)
    out = [Continuation() for _ in range(b)]
    queues: list[list[int]] = [[] for _ in range(b)]
    done = torch.zeros(b, dtype=torch.bool)
    cur_ids, cur_pos = ids, pos
    limit = model.cfg.max_positions - 1
    for _ in range(max_new):
        hidden, past = model.trunk(cur_ids, mask, cur_pos, past)
        logits = model.logits(hidden[:, -1])
        if temperature <= 0:
            nxt = logits.argmax(-1).cpu()
        else:
            probs = torch.softmax(logits / temperature, -1).cpu()
            nxt = torch.multinomial(probs, 1, generator=generator).squeeze(1)
        asking: list[int] = []
        for i in range(b):
            if not done[i]:
                row = out[i]
                if queues[i]:
                    nxt[i] = queues[i].pop(0)
                    row.forced.append(len(row.tokens))
                t = int(nxt[i])
                row.tokens.append(t)
                if t == eos_id or (newline_ids is not None and t in newline_ids):
                    done[i] = True
                elif calculator is not None and not queues[i] and t in calculator.triggers:
                    asking.append(i)
        if bool(done.all()):
            break
        next_pos = cur_pos[:, -1:] + 1
        if int(next_pos.max()) >= limit:
            break
        if asking:
            assert calculator is not None
            for i, forced in zip(asking, calculator.force([out[i].tokens for i in asking])):
                queues[i] = list(forced or [])
        cur_ids = nxt.unsqueeze(1).to(dev)
        cur_pos = next_pos
        mask = torch.cat([mask, torch.ones((b, 1), dtype=torch.long, device=dev)], dim=1)
    return out
