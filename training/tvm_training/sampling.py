"""Batched sampling from the policy with a KV cache (PyTorch side, used for labels and evaluation)."""
from __future__ import annotations

import dataclasses

import torch

from .calculator import Calculator
from .common import device
from .model import Decoder

# The share of a batch's rows that must have finished before they are dropped from it (dropping copies
# the KV cache of the rows that stay, so it is done in bulk).
COMPACT_FRACTION = 0.125


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
    """Continue each prompt until EOS (or, with `newline_ids`, the end of one step), `max_new` tokens or
    the model's last position. temperature 0 = greedy. The model runs on `device()`; tokens are drawn
    on the CPU with `generator`: each step draws one uniform number per prompt (finished ones too) and
    a row's token is the one its number picks from its distribution, so a seed gives the same draws
    from the same probabilities on any device, and every row's draws are its own whatever the others do.
    Rows that have finished leave the batch (once a COMPACT_FRACTION of it has), so a batch costs the
    tokens its paths have rather than its longest path's length times its size.
    With `calculator`, decoding is the engine's (PolicySession with exactSearch's forcer): after each
    token whose text contains "=", the calculator is asked, and the tokens it answers are written
    next instead of sampled ones."""
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
    cur_pos = (mask.cumsum(1) - 1).clamp(min=0)
    past = model.empty_past(b, dev)
    out = [Continuation() for _ in range(b)]
    queues: list[list[int]] = [[] for _ in range(b)]
    done = [False] * b
    rows = list(range(b))  # the prompt of each row of the batch
    cur_ids = ids
    limit = model.cfg.max_positions - 1
    for _ in range(max_new):
        hidden, past = model.trunk(cur_ids, mask, cur_pos, past)
        logits = model.logits(hidden[:, -1])
        draws = torch.rand(b, generator=generator)[rows]
        if temperature <= 0:
            nxt = logits.argmax(-1).cpu()
        else:
            cdf = torch.softmax(logits.float() / temperature, -1).cpu().cumsum(-1)
            picked = torch.searchsorted(cdf, (draws * cdf[:, -1]).unsqueeze(1), right=True).squeeze(1)
            nxt = picked.clamp(max=cdf.shape[1] - 1)
        next_pos = cur_pos[:, -1] + 1
        at_limit = (next_pos >= limit).tolist()  # once per step: no per-row read from the device
        asking: list[int] = []
        for j, i in enumerate(rows):
            if done[i]:
                continue
            row = out[i]
            if queues[i]:
                nxt[j] = queues[i].pop(0)
                row.forced.append(len(row.tokens))
            t = int(nxt[j])
            row.tokens.append(t)
            if t == eos_id or (newline_ids is not None and t in newline_ids) or at_limit[j]:
                done[i] = True
            elif calculator is not None and not queues[i] and t in calculator.triggers:
                asking.append(i)
        if all(done):
            break
        if asking:
            assert calculator is not None
            for i, forced in zip(asking, calculator.force([out[i].tokens for i in asking])):
                queues[i] = list(forced or [])
        cur_ids = nxt.unsqueeze(1).to(dev)
        cur_pos = next_pos.unsqueeze(1)
        mask = torch.cat([mask, torch.ones((len(rows), 1), dtype=torch.long, device=dev)], dim=1)
        finished = sum(done[i] for i in rows)
        if finished and finished >= COMPACT_FRACTION * len(rows):
            keep = [j for j, i in enumerate(rows) if not done[i]]
            index = torch.tensor(keep, device=dev)
            rows = [rows[j] for j in keep]
            cur_ids, cur_pos, mask = cur_ids[index], cur_pos[index], mask[index]
            past = [(k[index], v[index]) for k, v in past]
    return out
