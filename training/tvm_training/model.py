"""A small decoder-only transformer with multi-query attention (one shared key/value head).

One forward signature serves training, KV-cached sampling and ONNX export: it takes
`input_ids`, `attention_mask` (over past + new tokens, 1 = real, 0 = left pad), `position_ids` and
the past keys/values, and returns hidden states plus the presents. The causal + padding mask is
built in-graph from shapes with an additive -1e9 (not -inf, so fully padded rows stay finite).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
from torch import nn
from torch.nn import functional as F


@dataclass(frozen=True)
class ModelConfig:
    vocab_size: int
    d_model: int = 192
    n_layer: int = 4
    n_head: int = 6
    n_kv_head: int = 1
    max_positions: int = 384
    ffn_mult: int = 4
    use_position_ids: bool = True
    # Verifiers only: the policy's log-probability of each input token is an input. Its surprise
    # (minus log-probability) beyond `logprob_threshold` nats, scaled to [0, 1] over `logprob_span`
    # nats, times a learned vector, is added to the token embedding. A student's slip is a token the
    # policy finds very unlikely (about -13 nats against -0.06 for the right one), a fact the
    # verifier could not learn to recover from the token ids alone.
    logprob_input: bool = False
    logprob_threshold: float = 0.0
    logprob_span: float = 20.0

    @property
    def head_dim(self) -> int:
        return self.d_model // self.n_head

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


Past = list[tuple[torch.Tensor, torch.Tensor]]


class Attention(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        self.q = nn.Linear(cfg.d_model, cfg.d_model, bias=False)
        self.kv = nn.Linear(cfg.d_model, 2 * cfg.n_kv_head * cfg.head_dim, bias=False)
        self.o = nn.Linear(cfg.d_model, cfg.d_model, bias=False)

    def forward(self, x: torch.Tensor, bias: torch.Tensor, past_k: torch.Tensor, past_v: torch.Tensor
                ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        b, s, _ = x.shape
        h, kvh, dh = self.cfg.n_head, self.cfg.n_kv_head, self.cfg.head_dim
        q = self.q(x).view(b, s, h, dh).transpose(1, 2)
        k, v = self.kv(x).view(b, s, 2, kvh, dh).permute(2, 0, 3, 1, 4).unbind(0)
        k = torch.cat([past_k, k], dim=2)
        v = torch.cat([past_v, v], dim=2)
        group = h // kvh
        qg = q.reshape(b, kvh, group * s, dh)
        att = torch.matmul(qg, k.transpose(-1, -2)).view(b, kvh, group, s, -1) * (1.0 / math.sqrt(dh))
        att = att + bias.unsqueeze(1).unsqueeze(1)
        att = torch.softmax(att, dim=-1)
        out = torch.matmul(att.view(b, kvh, group * s, -1), v).view(b, h, s, dh)
        out = out.transpose(1, 2).reshape(b, s, h * dh)
        return self.o(out), k, v


class Block(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.ln1 = nn.LayerNorm(cfg.d_model)
        self.attn = Attention(cfg)
        self.ln2 = nn.LayerNorm(cfg.d_model)
        self.up = nn.Linear(cfg.d_model, cfg.ffn_mult * cfg.d_model)
        self.down = nn.Linear(cfg.ffn_mult * cfg.d_model, cfg.d_model)

    def forward(self, x: torch.Tensor, bias: torch.Tensor, pk: torch.Tensor, pv: torch.Tensor
                ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        a, k, v = self.attn(self.ln1(x), bias, pk, pv)
        x = x + a
        x = x + self.down(F.gelu(self.up(self.ln2(x)), approximate="tanh"))
        return x, k, v


class Decoder(nn.Module):
    """Transformer trunk + tied LM head; `value_head` is set for verifiers."""

    def __init__(self, cfg: ModelConfig, value_head: bool = False):
        super().__init__()
        self.cfg = cfg
        self.tok = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.pos = nn.Embedding(cfg.max_positions, cfg.d_model)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.n_layer))
        self.ln_f = nn.LayerNorm(cfg.d_model)
        self.value = nn.Linear(cfg.d_model, 1) if value_head else None
        self.apply(self._init)
        # Zero at the start, so a verifier initialised from the policy starts as the policy's trunk.
        self.surprise = nn.Parameter(torch.zeros(cfg.d_model)) if cfg.logprob_input else None

    @staticmethod
    def _init(m: nn.Module) -> None:
        if isinstance(m, (nn.Linear, nn.Embedding)):
            nn.init.normal_(m.weight, std=0.02)
        if isinstance(m, nn.Linear) and m.bias is not None:
            nn.init.zeros_(m.bias)

    def empty_past(self, batch: int, device: torch.device | None = None) -> Past:
        shape = (batch, self.cfg.n_kv_head, 0, self.cfg.head_dim)
        return [(torch.zeros(shape, device=device), torch.zeros(shape, device=device)) for _ in range(self.cfg.n_layer)]

    def trunk(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, position_ids: torch.Tensor | None,
              past: Past, token_logprobs: torch.Tensor | None = None) -> tuple[torch.Tensor, Past]:
        b, s = input_ids.shape
        past_len = past[0][0].shape[2]
        total = past_len + s
        if position_ids is None:
            # Without an explicit input, count real tokens of each row (left padding gets 0).
            position_ids = (torch.cumsum(attention_mask, dim=1) - 1).clamp(min=0)[:, past_len:]
        x = self.tok(input_ids) + self.pos(position_ids)
        if self.surprise is not None:
            assert token_logprobs is not None, "this verifier takes the policy's token log-probabilities"
            span = self.cfg.logprob_span
            feature = torch.clamp(-token_logprobs - self.cfg.logprob_threshold, 0.0, span) / span
            x = x + feature.unsqueeze(-1) * self.surprise
        q_pos = torch.arange(s, device=input_ids.device).unsqueeze(1) + past_len
        k_pos = torch.arange(total, device=input_ids.device).unsqueeze(0)
        causal = (k_pos <= q_pos).unsqueeze(0)
        keep = causal & (attention_mask.unsqueeze(1) > 0)
        bias = (~keep).to(x.dtype) * -1e9
        presents: Past = []
        for block, (pk, pv) in zip(self.blocks, past):
            x, k, v = block(x, bias, pk, pv)
            presents.append((k, v))
        return self.ln_f(x), presents

    def logits(self, hidden: torch.Tensor) -> torch.Tensor:
        return hidden @ self.tok.weight.t()

    def values(self, hidden: torch.Tensor) -> torch.Tensor:
        assert self.value is not None
        return torch.sigmoid(self.value(hidden).squeeze(-1))

    def value_logits(self, hidden: torch.Tensor) -> torch.Tensor:
        assert self.value is not None
        return self.value(hidden).squeeze(-1)


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
