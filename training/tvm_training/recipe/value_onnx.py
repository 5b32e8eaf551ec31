"""ONNX for a value model of any decoder architecture, with a KV cache: the verifier signature of
docs/CONTRACTS.md (input_ids, attention_mask, position_ids, past_key_values.{i}.key|value ->
values = sigmoid of the head, present.{i}.key|value), exported with torch.onnx under Optimum's own
tracing patches for that model type (the ones its exporter applies to the policy), as hf_format.py
exports our own verifiers. Optimum has no task for token classification with a cache."""
from __future__ import annotations

from pathlib import Path

import torch
from torch import nn
from transformers import PreTrainedModel

from ..export import OPSET, TORCHSCRIPT_EXPORTER


def value_head(model: PreTrainedModel) -> nn.Module:
    """The token-classification head: `score` (Llama, Qwen2, Mistral …) or `classifier` (GPT-2, GPT-BigCode)."""
    for name in ("score", "classifier"):
        head = getattr(model, name, None)
        if isinstance(head, nn.Linear):
            return head
    raise ValueError(f"{type(model).__name__} has no `score` or `classifier` head")


def kv_shape(model: PreTrainedModel) -> tuple[int, int, int]:
    """Layers, key/value heads and head size from the config (GPT-BigCode: one head when multi_query)."""
    c = model.config
    layers = c.num_hidden_layers
    heads = c.num_attention_heads
    kv_heads = getattr(c, "num_key_value_heads", None) or (1 if getattr(c, "multi_query", False) else heads)
    head_dim = getattr(c, "head_dim", None) or c.hidden_size // heads
    return layers, kv_heads, head_dim


class ValueWithPast(nn.Module):
    """The value model with its cache flattened into positional tensors, for torch.onnx."""

    def __init__(self, model: PreTrainedModel):
        super().__init__()
        self.model = model
        self.trunk = getattr(model, model.base_model_prefix)
        self.head = value_head(model)
        self.layers = kv_shape(model)[0]

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, position_ids: torch.Tensor, *flat: torch.Tensor):
        from transformers.cache_utils import DynamicCache

        cache = DynamicCache()
        for i in range(self.layers):
            cache.update(flat[2 * i], flat[2 * i + 1], i)
        out = self.trunk(input_ids=input_ids, attention_mask=attention_mask, position_ids=position_ids, past_key_values=cache,
                         use_cache=True)
        values = torch.sigmoid(self.head(out.last_hidden_state).squeeze(-1))
        presents = out.past_key_values
        return (values, *[t for i in range(self.layers) for t in (presents.layers[i].keys, presents.layers[i].values)])


def io_names(layers: int) -> tuple[list[str], list[str]]:
    kv = [f"{i}.{part}" for i in range(layers) for part in ("key", "value")]
    return (["input_ids", "attention_mask", "position_ids"] + [f"past_key_values.{n}" for n in kv],
            ["values"] + [f"present.{n}" for n in kv])


def dynamic_axes(inputs: list[str], outputs: list[str]) -> dict[str, dict[int, str]]:
    axes = {"input_ids": {0: "batch_size", 1: "sequence_length"},
            "attention_mask": {0: "batch_size", 1: "past_sequence_length + sequence_length"},
            "position_ids": {0: "batch_size", 1: "sequence_length"},
            "values": {0: "batch_size", 1: "sequence_length"}}
    axes |= {name: {0: "batch_size", 2: "past_sequence_length"} for name in inputs[3:]}
    axes |= {name: {0: "batch_size", 2: "past_sequence_length + sequence_length"} for name in outputs[1:]}
    return axes


def optimum_patcher(model: PreTrainedModel):
    import optimum.exporters.onnx.model_configs  # noqa: F401  (registers the model types)
    from optimum.exporters.tasks import TasksManager

    constructor = TasksManager.get_exporter_config_constructor(exporter="onnx", model_type=model.config.model_type,
                                                               task="text-generation-with-past", library_name="transformers")
    return constructor(model.config).patch_model_for_export(model)


def export_value_onnx(model: PreTrainedModel, folder: Path) -> Path:
    """`folder/onnx/model.onnx` (fp32; large models get their weights in external data files)."""
    model = model.float().cpu().eval()
    layers, kv_heads, head_dim = kv_shape(model)
    inputs, outputs = io_names(layers)
    g = torch.Generator().manual_seed(0)
    batch, past, seq = 2, 3, 5
    mask = torch.ones((batch, past + seq), dtype=torch.long)
    mask[0, :2] = 0
    example = [torch.randint(0, model.config.vocab_size, (batch, seq), generator=g), mask, (mask.cumsum(1) - 1).clamp(min=0)[:, past:]]
    example += [torch.randn((batch, kv_heads, past, head_dim), generator=g) for _ in range(2 * layers)]
    (folder / "onnx").mkdir(parents=True, exist_ok=True)
    path = folder / "onnx" / "model.onnx"
    # eval() on the wrapper: torch.onnx restores the wrapper's mode afterwards, and a wrapper left in
    # training mode would switch the model's dropout back on.
    wrapper = ValueWithPast(model).eval()
    with torch.no_grad(), optimum_patcher(model):
        torch.onnx.export(wrapper, tuple(example), str(path), input_names=inputs, output_names=outputs,
                          dynamic_axes=dynamic_axes(inputs, outputs), opset_version=OPSET, do_constant_folding=True,
                          **TORCHSCRIPT_EXPORTER)
    return path
