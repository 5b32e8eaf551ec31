"""Batched sampling from the policy with a KV cache (PyTorch side, used for labels and evaluation)."""
from __future__ import annotations

import torch

from .common import device
from .model import Decoder


@torch.no_grad()
def sample(model: Decoder, prompts: list[list[int]], eos_id: int, max_new: int, temperature: float,
           generator: torch.Generator, newline_ids: set[int] | None = None) -> list[list[int]]:
    """Continue each prompt until EOS (or, with `newline_ids`, the end of one step) or `max_new` tokens.
    temperature 0 = greedy. Returns only the new tokens (EOS/newline included when produced).
    The model runs on `device()`; tokens are drawn on the CPU with `generator`, so a seed gives the
    same draws from the same probabilities on any device."""
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
    out: list[list[int]] = [[] for _ in range(b)]
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
        for i in range(b):
            if not done[i]:
                t = int(nxt[i])
                out[i].append(t)
                if t == eos_id or (newline_ids is not None and t in newline_ids):
                    done[i] = True
        if bool(done.all()):
            break
        next_pos = cur_pos[:, -1:] + 1
        if int(next_pos.max()) >= limit:
            break
        cur_ids = nxt.unsqueeze(1).to(dev)
        cur_pos = next_pos
        mask = torch.cat([mask, torch.ones((b, 1), dtype=torch.long, device=dev)], dim=1)
    return out
