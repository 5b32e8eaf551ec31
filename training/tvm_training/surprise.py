"""The policy's log-probability of every token of a sequence: the input that verifiers with
`logprob_input` take (the engine computes the same numbers with the ONNX policy).

The prompt's tokens (up to and including the first token holding a newline, which ends the
one-line problem) get 0: the policy was never trained to predict problems, so how unlikely it finds
a problem's wording says nothing about the solution, and it would only blur the verifier's reading
of the problem. With the engine's calculator (a profile's `calculator`), a correct calculated result
reads as 0 nats too, as the engine gives it to its verifiers (certainCalculations.ts)."""
from __future__ import annotations

import torch

from .calculator import Calculator
from .common import device
from .data import right_padded
from .labels import newline_token_ids
from .model import Decoder
from .tokenizer import BpeTokenizer

# Sequences per request to the calculator process (a JSON line each way).
CERTAIN_BATCH = 256


@torch.no_grad()
def token_logprobs(policy: Decoder, seqs: list[list[int]], tok: BpeTokenizer, batch: int = 64,
                   calculator: Calculator | None = None) -> list[list[float]]:
    """log p_policy(t_k | t_<k) for the tokens after the prompt, 0 for the prompt's; with `calculator`,
    also 0 for the tokens of a correct calculated result, as the engine gives its verifiers."""
    pad_id, newline = tok.eos_id, newline_token_ids(tok)
    dev = device()
    policy.to(dev)
    result: list[list[float]] = [[] for _ in seqs]
    # Similar lengths together: less padding.
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    for s in range(0, len(order), batch):
        rows = order[s:s + batch]
        ids, mask = (t.to(dev) for t in right_padded([seqs[i] for i in rows], pad_id))
        pos = torch.arange(ids.shape[1], device=dev).unsqueeze(0).expand_as(ids)
        hidden, _ = policy.trunk(ids, mask, pos, policy.empty_past(len(rows), dev))
        logp = torch.log_softmax(policy.logits(hidden[:, :-1]), -1)
        picked = logp.gather(-1, ids[:, 1:].unsqueeze(-1)).squeeze(-1).cpu()
        for r, i in enumerate(rows):
            prompt_end = next((k for k, t in enumerate(seqs[i]) if t in newline), len(seqs[i]) - 1)
            result[i] = [0.0] * (prompt_end + 1) + picked[r, prompt_end: len(seqs[i]) - 1].tolist()
    if calculator is not None:
        for start in range(0, len(seqs), CERTAIN_BATCH):
            for row, positions in zip(result[start:start + CERTAIN_BATCH], calculator.certain(seqs[start:start + CERTAIN_BATCH])):
                for k in positions:
                    row[k] = 0.0
    return result


def padded_logprobs(rows: list[list[float]], width: int) -> torch.Tensor:
    """Right-padded [len(rows), width] tensor (padding 0: no surprise)."""
    out = torch.zeros((len(rows), width))
    for i, lp in enumerate(rows):
        out[i, : len(lp)] = torch.tensor(lp)
    return out
