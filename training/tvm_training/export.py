"""ONNX export in the Hugging Face Optimum / transformers.js decoder signature, and bundle writing: the
shipped bundle in standard formats (write_standard_bundle, through hf_format.py), or the manifest.json
layout of older bundles and the test fixtures (write_bundle).

Policy: inputs input_ids, attention_mask, [position_ids], past_key_values.{i}.key|value;
outputs logits, present.{i}.key|value. Verifiers: the same inputs plus, when trained with them,
token_logprobs [batch, sequence] (the policy's log-probability of each new token, 0 on the
prompt: see surprise.py); outputs values (sigmoid) and presents.
"""
from __future__ import annotations

import inspect
import json
import shutil
from pathlib import Path

import torch
from torch import nn

from .common import write_json
from .data import ANSWER_PREFIX, PROMPT_TEMPLATE, prompt_text
from .model import Decoder
from .surprise import token_logprobs
from .tokenizer import EOS, BpeTokenizer

OPSET = 17
# torch 2.x exports through dynamo by default; the bundle's signature (dynamic_axes, positional past)
# is the TorchScript exporter's, the only one torch 1.x has.
TORCHSCRIPT_EXPORTER = {"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}


class OnnxDecoder(nn.Module):
    """Flattens the past into positional tensors, as torch.onnx.export needs."""

    def __init__(self, model: Decoder, role: str):
        super().__init__()
        self.model = model
        self.role = role

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, *rest: torch.Tensor):
        cfg = self.model.cfg
        extra = list(rest[: int(cfg.use_position_ids) + int(cfg.logprob_input)])
        flat = rest[len(extra):]
        position_ids = extra.pop(0) if cfg.use_position_ids else None
        token_logprobs = extra.pop(0) if cfg.logprob_input else None
        past = [(flat[2 * i], flat[2 * i + 1]) for i in range(cfg.n_layer)]
        hidden, presents = self.model.trunk(input_ids, attention_mask, position_ids, past, token_logprobs)
        head = self.model.logits(hidden) if self.role == "policy" else self.model.values(hidden)
        return (head, *[t for kv in presents for t in kv])


def io_names(model: Decoder, role: str) -> tuple[list[str], list[str]]:
    n = model.cfg.n_layer
    inputs = ["input_ids", "attention_mask"] + (["position_ids"] if model.cfg.use_position_ids else [])
    inputs += ["token_logprobs"] if model.cfg.logprob_input else []
    inputs += [f"past_key_values.{i}.{kv}" for i in range(n) for kv in ("key", "value")]
    outputs = ["logits" if role == "policy" else "values"] + [f"present.{i}.{kv}" for i in range(n) for kv in ("key", "value")]
    return inputs, outputs


def example_inputs(model: Decoder, batch: int = 2, past: int = 3, seq: int = 5, seed: int = 0) -> list[torch.Tensor]:
    cfg = model.cfg
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(0, cfg.vocab_size, (batch, seq), generator=g)
    mask = torch.ones((batch, past + seq), dtype=torch.long)
    mask[0, :2] = 0  # a left-padded row
    pos = (mask.cumsum(1) - 1).clamp(min=0)[:, past:]
    # Spread over the feature's whole range, past its clamp on both sides.
    logprobs = -torch.rand((batch, seq), generator=g) * 1.5 * (cfg.logprob_threshold + cfg.logprob_span)
    kv = [torch.randn((batch, cfg.n_kv_head, past, cfg.head_dim), generator=g) for _ in range(2 * cfg.n_layer)]
    return [ids, mask] + ([pos] if cfg.use_position_ids else []) + ([logprobs] if cfg.logprob_input else []) + kv


def export_onnx(model: Decoder, role: str, path: Path) -> dict[str, object]:
    model.cpu().eval()
    wrapper = OnnxDecoder(model, role)
    inputs, outputs = io_names(model, role)
    axes: dict[str, dict[int, str]] = {"input_ids": {0: "batch", 1: "sequence"},
                                       "attention_mask": {0: "batch", 1: "total_sequence"}}
    if model.cfg.use_position_ids:
        axes["position_ids"] = {0: "batch", 1: "sequence"}
    if model.cfg.logprob_input:
        axes["token_logprobs"] = {0: "batch", 1: "sequence"}
    for name in inputs[2:]:
        if name.startswith("past"):
            axes[name] = {0: "batch", 2: "past_sequence"}
    axes[outputs[0]] = {0: "batch", 1: "sequence"}
    for name in outputs[1:]:
        axes[name] = {0: "batch", 2: "total_sequence"}
    with torch.no_grad():
        torch.onnx.export(wrapper, tuple(example_inputs(model)), str(path), input_names=inputs,
                          output_names=outputs, dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True,
                          **TORCHSCRIPT_EXPORTER)
    cfg = model.cfg
    return {"file": path.name, "role": "policy" if role == "policy" else "verifier", "inputs": inputs,
            "outputs": outputs, "kv": {"layers": cfg.n_layer, "kvHeads": cfg.n_kv_head, "headDim": cfg.head_dim}}


def parity_case(model: Decoder, role: str) -> dict[str, object]:
    """Inputs and PyTorch outputs for the Node parity test (onnxruntime runs in Node, not here)."""
    names, outs = io_names(model, role)
    tensors = example_inputs(model, batch=2, past=4, seq=6, seed=1)
    with torch.no_grad():
        result = OnnxDecoder(model, role)(*tensors)
    return {"inputs": {n: {"dims": list(t.shape), "dtype": "int64" if t.dtype == torch.long else "float32",
                           "data": t.flatten().tolist()} for n, t in zip(names, tensors)},
            "outputs": {n: {"dims": list(t.shape), "data": [round(float(x), 7) for x in t.flatten().tolist()]}
                        for n, t in zip(outs[:3], result[:3])}}


def token_logprobs_case(policy: Decoder, tok: BpeTokenizer, prompt_format: str) -> dict[str, object]:
    """A sequence and the policy's log-probability of each of its tokens, as the verifiers were trained
    on them: the engine must compute the same numbers (test/core/runtime/engineModels.test.ts). It ends
    with EOS, as every finished path does: search values a path at its EOS."""
    tokens = tok.encode(prompt_text("Solve $3x + 4 = 19$.", prompt_format) + "$3x = 15$\n$x = 5$\nThe answer is 5")
    tokens.append(tok.eos_id)
    return {"tokens": tokens, "logprobs": [round(x, 6) for x in token_logprobs(policy, [tokens], tok)[0]]}


def parity_cases(tok: BpeTokenizer, models: dict[str, tuple[Decoder, str]], prompt_format: str) -> dict[str, object]:
    """parity.json: per model, inputs and PyTorch's outputs (and the policy's token log-probabilities of one
    path), which onnxruntime-node must reproduce from the bundle's ONNX files."""
    parity: dict[str, object] = {}
    for key, (model, labels) in models.items():
        role = "policy" if labels == "policy" else "verifier"
        case = parity_case(model, role)
        if role == "policy":
            case["tokenLogprobs"] = token_logprobs_case(model, tok, prompt_format)
        parity[key] = case
    return parity


def write_standard_bundle(out: Path, tok: BpeTokenizer, models: dict[str, tuple[Decoder, str]], training: dict[str, object],
                          prompt_format: str, name: str = "default") -> None:
    """The bundle the pipeline ships, in standard formats (hf_format.py): the policy as a Transformers
    GPT-BigCode checkpoint with its Optimum ONNX at the folder's top, each verifier in tvm/, orm/, prm/,
    plus parity.json and tutor.json. models: key -> (model, labels), labels 'policy', 'tvm', 'orm' or 'prm';
    prompt_format: the one the policy was trained with (data.prompt_text), which the engine must use too."""
    # hf_format builds on this module's exporter settings, so it is imported here, not at the top.
    from .hf_format import save_hf_bundle, write_short_manifest

    # A folder with manifest.json is read as the older layout: a rebuild over one must not leave it behind.
    for stale in ("manifest.json", *(f"{key}.onnx" for key in models)):
        (out / stale).unlink(missing_ok=True)
    policy = models["policy"][0]
    save_hf_bundle(out, tok, policy, {key: model for key, (model, labels) in models.items() if labels != "policy"}, prompt_format)
    write_json(out / "parity.json", parity_cases(tok, models, prompt_format))
    write_short_manifest(out, name, ANSWER_PREFIX + "(.+)", training)


def write_bundle(out: Path, tok: BpeTokenizer, models: dict[str, tuple[Decoder, str]], training: dict[str, object],
                 prompt_format: str, name: str = "default") -> None:
    """The bundle layout of manifest.json (docs/CONTRACTS.md) that the pipeline wrote before the standard
    formats, which the engine still loads (users' older bundles); make_fixtures.py writes the test
    fixtures in it. models: key -> (model, labels) where labels is 'policy', 'tvm', 'orm' or 'prm';
    prompt_format: the one the policy was trained with (data.prompt_text), which the engine must use too."""
    out.mkdir(parents=True, exist_ok=True)
    tok.save(out / "tokenizer.json")
    (out / "tokenizer_config.json").write_text(json.dumps({"clean_up_tokenization_spaces": False, "eos_token": EOS}))
    entries: dict[str, object] = {}
    for key, (model, labels) in models.items():
        role = "policy" if labels == "policy" else "verifier"
        entry = export_onnx(model, role, out / f"{key}.onnx")
        if role == "verifier":
            entry["labels"] = labels
        entries[key] = entry
    write_json(out / "parity.json", parity_cases(tok, models, prompt_format))
    write_json(out / "manifest.json", {
        "formatVersion": 1, "name": name, "tokenizer": "tokenizer.json", "tokenizerConfig": "tokenizer_config.json",
        "promptTemplate": PROMPT_TEMPLATE, "promptFormat": prompt_format, "stepDelimiter": "\n", "eosToken": EOS,
        "answerPattern": ANSWER_PREFIX + "(.+)", "maxPositions": next(iter(models.values()))[0].cfg.max_positions,
        "models": entries, "training": training,
    })


def copy_splits(src: Path, out: Path) -> None:
    """The held-out splits the benchmarks read; `val` is for choosing their settings."""
    (out / "splits").mkdir(parents=True, exist_ok=True)
    for name in ("val", "test", "hard", "heldout_template"):
        # heldout_template: curriculum v2's problems in phrasings training never used.
        if (src / "splits" / f"{name}.jsonl").exists():
            shutil.copy(src / "splits" / f"{name}.jsonl", out / "splits" / f"{name}.jsonl")
