"""Measures how closely the Transformers checkpoints and their ONNX files reproduce our models:
logits and values on padded batches, and greedy tokens (`hf_export.py` reports them, the tests in
training/tests/test_hf_format.py bound them)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from .data import prompt_text
from .hf_format import load_surprise_vector, surprise_embeds
from .model import Decoder
from .sampling import sample
from .tokenizer import BpeTokenizer


def left_padded(seqs: list[list[int]], pad_id: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """ids, mask and positions (counting real tokens; 0 on the padding) of left-padded rows."""
    width = max(map(len, seqs))
    ids = torch.full((len(seqs), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(seqs), width), dtype=torch.long)
    for i, s in enumerate(seqs):
        ids[i, width - len(s):] = torch.tensor(s)
        mask[i, width - len(s):] = 1
    return ids, mask, (mask.cumsum(1) - 1).clamp(min=0)


def real(x: torch.Tensor | np.ndarray, mask: torch.Tensor) -> torch.Tensor:
    """The rows of x [batch, seq, ...] at real (unpadded) tokens: padding's outputs are never read."""
    return torch.as_tensor(np.asarray(x))[mask.bool()]


def worst(a: torch.Tensor, b: torch.Tensor) -> float:
    return float((a.double() - b.double()).abs().max())


def ours(model: Decoder, ids: torch.Tensor, mask: torch.Tensor, pos: torch.Tensor,
         token_logprobs: torch.Tensor | None = None) -> torch.Tensor:
    with torch.no_grad():
        hidden, _ = model.trunk(ids, mask, pos, model.empty_past(ids.shape[0]), token_logprobs)
        return model.values(hidden) if model.value is not None else model.logits(hidden)


def policy_logits_diff(policy: Decoder, hf, seqs: list[list[int]], pad_id: int) -> float:
    ids, mask, pos = left_padded(seqs, pad_id)
    with torch.no_grad():
        theirs = hf(input_ids=ids, attention_mask=mask, position_ids=pos).logits
    return worst(real(ours(policy, ids, mask, pos), mask), real(theirs, mask))


def verifier_values_diff(verifier: Decoder, hf, folder: Path, seqs: list[list[int]], logprobs: list[list[float]],
                         pad_id: int) -> float:
    ids, mask, pos = left_padded(seqs, pad_id)
    lp = torch.zeros(ids.shape)
    for i, row in enumerate(logprobs):
        lp[i, ids.shape[1] - len(row):] = torch.tensor(row)
    with torch.no_grad():
        embeds = surprise_embeds(hf, load_surprise_vector(folder), ids, lp)
        theirs = torch.sigmoid(hf(inputs_embeds=embeds, attention_mask=mask, position_ids=pos).logits.squeeze(-1))
    return worst(real(ours(verifier, ids, mask, pos, lp), mask), real(theirs, mask))


def problems_of(split: Path, n: int) -> list[str]:
    import json
    return [json.loads(line)["question"] for line in split.read_text().splitlines()[:n]]


def greedy_ours(policy: Decoder, prompts: list[list[int]], eos_id: int, max_new: int) -> list[list[int]]:
    return sample(policy, prompts, eos_id, max_new, 0.0, torch.Generator().manual_seed(0))


def until_eos(tokens: list[int], eos_id: int) -> list[int]:
    return tokens[: tokens.index(eos_id) + 1] if eos_id in tokens else tokens


def greedy_transformers(hf, hf_tokenizer, problems: list[str], max_new: int) -> list[list[int]]:
    """`generate` as a user runs it: the chat template, the tokenizer's left padding, greedy."""
    texts = [hf_tokenizer.apply_chat_template([{"role": "user", "content": p}], tokenize=False, add_generation_prompt=True)
             for p in problems]
    batch = hf_tokenizer(texts, return_tensors="pt", padding=True)
    with torch.no_grad():
        out = hf.generate(**batch, max_new_tokens=max_new, do_sample=False)
    return [until_eos(row[batch["input_ids"].shape[1]:].tolist(), hf_tokenizer.eos_token_id) for row in out]


def greedy_agreement(policy: Decoder, hf, hf_tokenizer, tok: BpeTokenizer, problems: list[str], max_new: int,
                     prompt_format: str) -> tuple[int, int]:
    """Rows whose greedy tokens are identical (our sampler on our prompt vs transformers generate on the
    chat template's), and rows."""
    mine = greedy_ours(policy, [tok.encode(prompt_text(p, prompt_format)) for p in problems], tok.eos_id, max_new)
    theirs = greedy_transformers(hf, hf_tokenizer, problems, max_new)
    return sum(a == b for a, b in zip(mine, theirs)), len(problems)


# --- ONNX in onnxruntime -----------------------------------------------------------------------

class OrtDecoder:
    """An Optimum-layout ONNX decoder in onnxruntime: feeds by name, keeps the KV cache."""

    def __init__(self, path: Path):
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = 2
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name: i for i in self.session.get_inputs()}
        self.outputs = [o.name for o in self.session.get_outputs()]
        past = self.inputs["past_key_values.0.key"]
        self.float = np.float16 if past.type == "tensor(float16)" else np.float32
        self.kv_heads, self.head_dim = past.shape[1], past.shape[3]
        self.layers = sum(n.startswith("past_key_values.") for n in self.inputs) // 2

    def empty_past(self, batch: int) -> dict[str, np.ndarray]:
        shape = (batch, self.kv_heads, 0, self.head_dim)
        return {f"past_key_values.{i}.{kv}": np.zeros(shape, self.float) for i in range(self.layers) for kv in ("key", "value")}

    def run(self, ids: np.ndarray, mask: np.ndarray, pos: np.ndarray, past: dict[str, np.ndarray],
            token_logprobs: np.ndarray | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        feed = {"input_ids": ids.astype(np.int64), "attention_mask": mask.astype(np.int64),
                "position_ids": pos.astype(np.int64), **past}
        if token_logprobs is not None:
            feed["token_logprobs"] = token_logprobs.astype(self.float)
        out = dict(zip(self.outputs, self.session.run(None, feed)))
        presents = {k.replace("present.", "past_key_values."): v for k, v in out.items() if k.startswith("present.")}
        return out[self.outputs[0]].astype(np.float32), presents


def onnx_policy_diff(policy: Decoder, path: Path, seqs: list[list[int]], pad_id: int, split: int = 3) -> dict[str, float]:
    """Worst logit difference, ONNX vs ours, on a left-padded batch fed in two calls: all but the
    last `split` tokens with an empty past, then those tokens with the returned cache."""
    ids, mask, pos = left_padded(seqs, pad_id)
    want = ours(policy, ids, mask, pos)
    session = OrtDecoder(path)
    cut = ids.shape[1] - split
    first, past = session.run(ids[:, :cut].numpy(), mask[:, :cut].numpy(), pos[:, :cut].numpy(), session.empty_past(len(seqs)))
    second, _ = session.run(ids[:, cut:].numpy(), mask.numpy(), pos[:, cut:].numpy(), past)
    return {"no_past": worst(real(first, mask[:, :cut]), real(want[:, :cut], mask[:, :cut])),
            "with_past": worst(real(second, mask[:, cut:]), real(want[:, cut:], mask[:, cut:]))}


def onnx_verifier_diff(verifier: Decoder, path: Path, seqs: list[list[int]], logprobs: list[list[float]], pad_id: int,
                       split: int = 3) -> dict[str, float]:
    ids, mask, pos = left_padded(seqs, pad_id)
    lp = torch.zeros(ids.shape)
    for i, row in enumerate(logprobs):
        lp[i, ids.shape[1] - len(row):] = torch.tensor(row)
    want = ours(verifier, ids, mask, pos, lp)
    session = OrtDecoder(path)
    cut = ids.shape[1] - split
    extra = verifier.surprise is not None
    first, past = session.run(ids[:, :cut].numpy(), mask[:, :cut].numpy(), pos[:, :cut].numpy(),
                              session.empty_past(len(seqs)), lp[:, :cut].numpy() if extra else None)
    second, _ = session.run(ids[:, cut:].numpy(), mask.numpy(), pos[:, cut:].numpy(), past,
                            lp[:, cut:].numpy() if extra else None)
    return {"no_past": worst(real(first, mask[:, :cut]), real(want[:, :cut], mask[:, :cut])),
            "with_past": worst(real(second, mask[:, cut:]), real(want[:, cut:], mask[:, cut:]))}


def greedy_onnx(path: Path, prompts: list[list[int]], eos_id: int, max_new: int) -> tuple[list[list[int]], list[np.ndarray]]:
    """Greedy decoding in onnxruntime with the KV cache; the tokens and each step's logits."""
    session = OrtDecoder(path)
    ids, mask, pos = (t.numpy() for t in left_padded(prompts, eos_id))
    past = session.empty_past(len(prompts))
    out: list[list[int]] = [[] for _ in prompts]
    done = np.zeros(len(prompts), dtype=bool)
    steps = []
    for _ in range(max_new):
        logits, past = session.run(ids, mask, pos, past)
        steps.append(logits[:, -1])
        nxt = logits[:, -1].argmax(-1)
        for i, t in enumerate(nxt):
            if not done[i]:
                out[i].append(int(t))
                done[i] = t == eos_id
        if done.all():
            break
        ids, pos = nxt[:, None], pos[:, -1:] + 1
        mask = np.concatenate([mask, np.ones((len(prompts), 1), np.int64)], 1)
    return out, steps


def variant_report(reference: Path, variant: Path, prompts: list[list[int]], eos_id: int, max_new: int) -> dict[str, float]:
    """A quantised or fp16 policy against the fp32 ONNX: the largest logit difference on the fp32
    model's greedy paths (teacher-forced: each step's logits given the same prefix) and the share of
    prompts whose greedy tokens are identical."""
    want, _ = greedy_onnx(reference, prompts, eos_id, max_new)
    got, _ = greedy_onnx(variant, prompts, eos_id, max_new)
    paths = [p + w for p, w in zip(prompts, want)]
    ids, mask, pos = left_padded(paths, eos_id)
    a, _ = OrtDecoder(reference).run(ids.numpy(), mask.numpy(), pos.numpy(), OrtDecoder(reference).empty_past(len(paths)))
    session = OrtDecoder(variant)
    b, _ = session.run(ids.numpy(), mask.numpy(), pos.numpy(), session.empty_past(len(paths)))
    return {"max_logit_error": worst(real(a, mask), real(b, mask)),
            "greedy_identical": sum(x == y for x, y in zip(want, got)) / len(prompts)}


def verifier_variant_report(reference: Path, variant: Path, paths: list[list[int]], logprobs: list[list[float]],
                            pad_id: int) -> dict[str, float]:
    """A quantised or fp16 verifier against the fp32 ONNX: the largest value difference on `paths`."""
    ids, mask, pos = left_padded(paths, pad_id)
    lp = torch.zeros(ids.shape)
    for i, row in enumerate(logprobs):
        lp[i, ids.shape[1] - len(row):] = torch.tensor(row)
    got = []
    for path in (reference, variant):
        session = OrtDecoder(path)
        values, _ = session.run(ids.numpy(), mask.numpy(), pos.numpy(), session.empty_past(len(paths)),
                                lp.numpy() if "token_logprobs" in session.inputs else None)
        got.append(real(values, mask))
    return {"max_value_error": worst(*got)}
