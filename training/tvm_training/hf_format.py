"""Our models as standard Hugging Face Transformers checkpoints, and their ONNX in the Optimum layout.

`model.Decoder` is exactly GPT-BigCode with multi-query attention: learned positions, pre-LayerNorm
(eps 1e-5), one shared key/value head, GELU-tanh FFN with biases, tied LM head. GPT-BigCode's fused
`c_attn` is our `q` and `kv` stacked (keys before values, as ours), and the biases ours lacks
(`c_attn`, attention `c_proj`) are zero. So:

- the policy is a `GPTBigCodeForCausalLM`;
- a verifier (TVM, ORM, PRM) is a `GPTBigCodeForTokenClassification` with one label: the sigmoid
  of its logit is our value. Its surprise input is not part of any standard class, so it is a
  separate documented tensor: `surprise.safetensors` holds `surprise_vector` [d_model], and the
  caller passes `inputs_embeds = wte(input_ids) + clamp(-token_logprobs - threshold, 0, span) / span
  * surprise_vector` (threshold and span in config.json's `tvm_surprise`; see `surprise_embeds`).

`save_hf_bundle` writes the policy at the folder's top (loadable with
`AutoModelForCausalLM.from_pretrained(dir)`, no custom code) and each verifier in a subfolder.
The policy's ONNX is exported with Optimum's own exporter (task `text-generation-with-past`), as a
user would; the verifiers' ONNX, which Optimum has no task for (token classification with a KV
cache and an extra input), with torch.onnx under the same names.
"""
from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from safetensors.torch import load_file, save_file
from torch import nn
from transformers import GPTBigCodeConfig, GPTBigCodeForCausalLM, GPTBigCodeForTokenClassification

from .curriculum.prompt import canonical_problem_jinja
from .data import PROMPT_FORMATS, PROMPT_TEMPLATE
from .export import OPSET, TORCHSCRIPT_EXPORTER
from .model import Decoder, ModelConfig
from .tokenizer import EOS, BpeTokenizer

SURPRISE_FILE = "surprise.safetensors"
SURPRISE_TENSOR = "surprise_vector"
VERIFIER_KINDS = ("tvm", "orm", "prm")
LAYER_NORM_EPS = 1e-5  # nn.LayerNorm's default, which model.Decoder uses
SHORT_MANIFEST = "tutor.json"  # what the engine reads beside a Hugging Face folder (src/core/bundle/huggingFaceFolder.ts)
# The fields the Python side writes into it (write_tutor_json); "calibration" is written by bench/calibration.ts.
TUTOR_FIELDS = ("name", "promptFormat", "promptTemplate", "systemPrompt", "stepDelimiter", "answerPattern", "training")


def chat_template(prompt_format: str) -> str:
    """The prompt `Q: {problem}\\n` as a chat template: the user's message is the problem (v2: written
    as canonical_problem writes it, data.prompt_text); an assistant message (a solution, one step per line)
    follows it and ends with EOS. The prompt already ends where the solution starts, so the generation
    prompt adds nothing."""
    if prompt_format not in PROMPT_FORMATS:
        raise ValueError(f"prompt format {prompt_format!r}: use one of {', '.join(PROMPT_FORMATS)}")
    user = ("{{ 'Q: ' + message['content'] + '\\n' }}" if prompt_format == "v1" else
            canonical_problem_jinja("message['content']") + "{{ 'Q: ' + canonical.text + '\\n' }}")
    return (
        "{%- for message in messages -%}"
        "{%- if message['role'] == 'user' -%}" + user +
        "{%- elif message['role'] == 'assistant' -%}{{ message['content'] + eos_token }}"
        "{%- else -%}{{ raise_exception('only user and assistant messages: the model reads one problem and its solution') }}"
        "{%- endif -%}{%- endfor -%}"
    )


# --- weights ---------------------------------------------------------------------------------

def gpt_bigcode_config(cfg: ModelConfig, eos_id: int, verifier: bool) -> GPTBigCodeConfig:
    if cfg.n_kv_head != 1:
        raise ValueError(f"GPT-BigCode shares one key/value head; this model has n_kv_head={cfg.n_kv_head}")
    extra: dict[str, object] = {}
    if verifier:
        extra = {"num_labels": 1, "id2label": {0: "value"}, "label2id": {"value": 0}, "classifier_dropout": 0.0,
                 "architectures": ["GPTBigCodeForTokenClassification"]}
        if cfg.logprob_input:
            extra["tvm_surprise"] = {
                "file": SURPRISE_FILE, "tensor": SURPRISE_TENSOR,
                "threshold": cfg.logprob_threshold, "span": cfg.logprob_span,
                "formula": "inputs_embeds = wte(input_ids) + clamp(-token_logprobs - threshold, 0, span) / span * surprise_vector",
                "token_logprobs": "the policy's log-probability of each token given the ones before it; 0 for the prompt's "
                                  "tokens, up to and including the first token holding a newline",
            }
    else:
        extra = {"architectures": ["GPTBigCodeForCausalLM"]}
    return GPTBigCodeConfig(
        vocab_size=cfg.vocab_size, n_positions=cfg.max_positions, n_embd=cfg.d_model, n_layer=cfg.n_layer,
        n_head=cfg.n_head, n_inner=cfg.ffn_mult * cfg.d_model, activation_function="gelu_pytorch_tanh",
        resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0, layer_norm_epsilon=LAYER_NORM_EPS, multi_query=True,
        scale_attn_weights=True, tie_word_embeddings=True, bos_token_id=None, eos_token_id=eos_id,
        pad_token_id=eos_id, **extra)


def gpt_bigcode_state(model: Decoder) -> dict[str, torch.Tensor]:
    """Our state dict under GPT-BigCode's names (the LM head is tied to `transformer.wte`)."""
    d = model.cfg.d_model
    kv_width = 2 * model.cfg.n_kv_head * model.cfg.head_dim
    out = {"transformer.wte.weight": model.tok.weight, "transformer.wpe.weight": model.pos.weight,
           "transformer.ln_f.weight": model.ln_f.weight, "transformer.ln_f.bias": model.ln_f.bias}
    for i, b in enumerate(model.blocks):
        p = f"transformer.h.{i}."
        out |= {
            p + "ln_1.weight": b.ln1.weight, p + "ln_1.bias": b.ln1.bias,
            p + "attn.c_attn.weight": torch.cat([b.attn.q.weight, b.attn.kv.weight], 0),
            p + "attn.c_attn.bias": torch.zeros(d + kv_width),
            p + "attn.c_proj.weight": b.attn.o.weight, p + "attn.c_proj.bias": torch.zeros(d),
            p + "ln_2.weight": b.ln2.weight, p + "ln_2.bias": b.ln2.bias,
            p + "mlp.c_fc.weight": b.up.weight, p + "mlp.c_fc.bias": b.up.bias,
            p + "mlp.c_proj.weight": b.down.weight, p + "mlp.c_proj.bias": b.down.bias,
        }
    if model.value is not None:
        out |= {"classifier.weight": model.value.weight, "classifier.bias": model.value.bias}
    return {k: v.detach().clone().contiguous() for k, v in out.items()}


def to_transformers(model: Decoder, eos_id: int) -> GPTBigCodeForCausalLM | GPTBigCodeForTokenClassification:
    verifier = model.value is not None
    config = gpt_bigcode_config(model.cfg, eos_id, verifier)
    hf = (GPTBigCodeForTokenClassification if verifier else GPTBigCodeForCausalLM)(config)
    missing, unexpected = hf.load_state_dict(gpt_bigcode_state(model), strict=False)
    # The LM head is tied to the embedding, so it is the one key the state dict may leave out.
    assert not unexpected and set(missing) <= {"lm_head.weight"}, (missing, unexpected)
    return hf.eval()


def surprise_embeds(hf: GPTBigCodeForTokenClassification, surprise_vector: torch.Tensor, input_ids: torch.Tensor,
                    token_logprobs: torch.Tensor) -> torch.Tensor:
    """`inputs_embeds` for a verifier with the surprise input (positions are added by the model)."""
    spec = hf.config.tvm_surprise
    feature = torch.clamp(-token_logprobs - spec["threshold"], 0.0, spec["span"]) / spec["span"]
    return hf.transformer.wte(input_ids) + feature.unsqueeze(-1) * surprise_vector


def load_surprise_vector(folder: Path) -> torch.Tensor:
    return load_file(str(folder / SURPRISE_FILE))[SURPRISE_TENSOR]


def decoder_from_transformers(folder: Path) -> Decoder:
    """Our Decoder from a checkpoint that save_policy / save_verifier wrote (the inverse of
    gpt_bigcode_state): the shipped bundle is checked against the PyTorch outputs its parity.json
    recorded when the models were trained."""
    config = json.loads((folder / "config.json").read_text())
    state = load_file(str(folder / "model.safetensors"))
    spec = config.get("tvm_surprise")
    d = config["n_embd"]
    cfg = ModelConfig(vocab_size=config["vocab_size"], d_model=d, n_layer=config["n_layer"], n_head=config["n_head"],
                      n_kv_head=1, max_positions=config["n_positions"], ffn_mult=config["n_inner"] // d,
                      logprob_input=spec is not None, logprob_threshold=spec["threshold"] if spec else 0.0,
                      logprob_span=spec["span"] if spec else 20.0)
    verifier = "classifier.weight" in state
    model = Decoder(cfg, value_head=verifier)
    ours = {"tok.weight": state["transformer.wte.weight"], "pos.weight": state["transformer.wpe.weight"],
            "ln_f.weight": state["transformer.ln_f.weight"], "ln_f.bias": state["transformer.ln_f.bias"]}
    for i in range(cfg.n_layer):
        p, b = f"transformer.h.{i}.", f"blocks.{i}."
        # Our attention has no biases: GPT-BigCode's are zero in a checkpoint we wrote.
        if state[p + "attn.c_attn.bias"].abs().max() > 0 or state[p + "attn.c_proj.bias"].abs().max() > 0:
            raise ValueError(f"{folder}: layer {i} has attention biases, which our Decoder lacks")
        c_attn = state[p + "attn.c_attn.weight"]
        ours |= {b + "ln1.weight": state[p + "ln_1.weight"], b + "ln1.bias": state[p + "ln_1.bias"],
                 b + "attn.q.weight": c_attn[:d], b + "attn.kv.weight": c_attn[d:],
                 b + "attn.o.weight": state[p + "attn.c_proj.weight"],
                 b + "ln2.weight": state[p + "ln_2.weight"], b + "ln2.bias": state[p + "ln_2.bias"],
                 b + "up.weight": state[p + "mlp.c_fc.weight"], b + "up.bias": state[p + "mlp.c_fc.bias"],
                 b + "down.weight": state[p + "mlp.c_proj.weight"], b + "down.bias": state[p + "mlp.c_proj.bias"]}
    if verifier:
        ours |= {"value.weight": state["classifier.weight"], "value.bias": state["classifier.bias"]}
    if spec is not None:
        ours["surprise"] = load_surprise_vector(folder)
    model.load_state_dict(ours)
    return model.eval()


# --- reading an older ONNX bundle (manifest.json layout) -------------------------------------

def decoder_from_onnx(path: Path, head_dim: int) -> Decoder:
    """Rebuilds a Decoder from one of our bundle's ONNX files (export.py's TorchScript export): named
    parameters are initializers under their own names; bias-free Linear weights were folded into
    transposed `onnx::MatMul_*` initializers, found through the MatMul node named after the module."""
    graph = onnx.load(str(path)).graph
    inits = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in graph.initializer}
    consts = {n.output[0]: numpy_helper.to_array(n.attribute[0].t) for n in graph.node if n.op_type == "Constant"}
    nodes = {n.name: n for n in graph.node}
    for n in graph.node:
        if n.op_type == "LayerNormalization":
            eps = next((a.f for a in n.attribute if a.name == "epsilon"), 1e-5)
            if abs(eps - LAYER_NORM_EPS) > 1e-12:
                raise ValueError(f"{path}: LayerNorm epsilon {eps}, GPT-BigCode's config here assumes {LAYER_NORM_EPS}")

    def matmul_weight(module: str) -> torch.Tensor:
        node = nodes.get(f"/{module}/MatMul" if module else "/MatMul")
        if node is None or node.input[1] not in inits:
            raise ValueError(f"{path}: no MatMul with a weight for {module}")
        return inits[node.input[1]].t().contiguous()

    tok = inits["model.tok.weight"]
    n_layer = 1 + max(int(k.split(".")[2]) for k in inits if k.startswith("model.blocks."))
    d_model = tok.shape[1]
    kv_width = matmul_weight("blocks.0/attn/kv").shape[0]
    verifier = "model.value.bias" in inits
    surprise = "model.surprise" in inits
    threshold, span = 0.0, 20.0
    if surprise:
        threshold = float(consts[nodes["/Sub"].input[1]])
        span = float(consts[nodes["/Div"].input[1]])
    cfg = ModelConfig(vocab_size=tok.shape[0], d_model=d_model, n_layer=n_layer, n_head=d_model // head_dim,
                      n_kv_head=kv_width // (2 * head_dim), max_positions=inits["model.pos.weight"].shape[0],
                      ffn_mult=matmul_weight("blocks.0/up").shape[0] // d_model, logprob_input=surprise,
                      logprob_threshold=threshold, logprob_span=span)
    model = Decoder(cfg, value_head=verifier)
    state = {"tok.weight": tok, "pos.weight": inits["model.pos.weight"],
             "ln_f.weight": inits["model.ln_f.weight"], "ln_f.bias": inits["model.ln_f.bias"]}
    for i in range(n_layer):
        for name in ("ln1.weight", "ln1.bias", "ln2.weight", "ln2.bias", "up.bias", "down.bias"):
            state[f"blocks.{i}.{name}"] = inits[f"model.blocks.{i}.{name}"]
        for name in ("attn/q", "attn/kv", "attn/o", "up", "down"):
            state[f"blocks.{i}.{name.replace('/', '.')}.weight"] = matmul_weight(f"blocks.{i}/{name}")
    if verifier:
        state["value.weight"] = matmul_weight("value")
        state["value.bias"] = inits["model.value.bias"]
    else:
        if not torch.equal(matmul_weight(""), tok):
            raise ValueError(f"{path}: the LM head is not the token embedding (our policies tie them)")
    if surprise:
        state["surprise"] = inits["model.surprise"]
    model.load_state_dict(state)
    return model.eval()


# The parity case was recorded on the CPU that trained the models; another CPU's float32 kernels sum in
# another order: the shipped policy rebuilt on an AMD EPYC differs from the case recorded on an Intel
# Xeon by 1.24e-5 in its logits (under 1e-5 there). The bound is the engine's own (onnxruntime-node
# against PyTorch, test_smoke_build.py): far below what one wrong weight moves.
PARITY_TOLERANCE = 1e-4


def check_against_parity_case(model: Decoder, role: str, case: dict, tolerance: float = PARITY_TOLERANCE) -> float:
    """Runs a rebuilt model on a bundle's parity.json case (inputs and the PyTorch outputs recorded at
    export); returns the largest difference, raising when it is over `tolerance`."""
    from .export import OnnxDecoder, io_names

    names, outs = io_names(model, role)
    tensors = []
    for name in names:
        spec = case["inputs"][name]
        dtype = torch.long if spec["dtype"] == "int64" else torch.float32
        tensors.append(torch.tensor(spec["data"], dtype=dtype).view(spec["dims"]))
    with torch.no_grad():
        result = OnnxDecoder(model, role)(*tensors)
    worst = 0.0
    for name, got in zip(outs, result):
        if name in case["outputs"]:
            want = torch.tensor(case["outputs"][name]["data"]).view(case["outputs"][name]["dims"])
            worst = max(worst, float((got - want).abs().max()))
    if worst > tolerance:
        raise ValueError(f"the model rebuilt from ONNX differs from the bundle's parity case by {worst:.2e} (> {tolerance})")
    return worst


# --- tokenizer files -------------------------------------------------------------------------

def write_tokenizer_files(folder: Path, tok: BpeTokenizer, max_positions: int, prompt_format: str) -> None:
    tok.save(folder / "tokenizer.json")
    eos = {"content": EOS, "lstrip": False, "normalized": False, "rstrip": False, "single_word": False, "special": True}
    (folder / "tokenizer_config.json").write_text(json.dumps({
        "tokenizer_class": "PreTrainedTokenizerFast",
        "added_tokens_decoder": {str(tok.eos_id): eos},
        "eos_token": EOS, "pad_token": EOS, "bos_token": None, "unk_token": None,
        # Without this the tokenizers library rewrites " ?" to "?" on decode.
        "clean_up_tokenization_spaces": False,
        "model_max_length": max_positions,
        # Batched generation pads on the left, as our sampler does.
        "padding_side": "left",
        # Not token_type_ids: GPT-BigCode would add their embeddings (wte[0]) to every token.
        "model_input_names": ["input_ids", "attention_mask"],
        "chat_template": chat_template(prompt_format),
        # The same prompt as a plain template, for tools without a chat template (v2: with the problem
        # written by canonical_problem, training/tvm_training/curriculum/prompt.py), and the step delimiter.
        "prompt_template": PROMPT_TEMPLATE,
        "prompt_format": prompt_format,
        "step_delimiter": "\n",
    }, indent=2, ensure_ascii=False))
    (folder / "special_tokens_map.json").write_text(json.dumps({"eos_token": eos, "pad_token": eos}, indent=2))


def write_generation_config(folder: Path, eos_id: int, max_positions: int) -> None:
    (folder / "generation_config.json").write_text(json.dumps({
        "eos_token_id": eos_id, "pad_token_id": eos_id, "do_sample": False, "max_length": max_positions,
    }, indent=2))


# --- ONNX ------------------------------------------------------------------------------------

def export_policy_onnx(folder: Path, source: Path | None = None) -> Path:
    """Optimum's exporter on the checkpoint saved in `source` (default `folder`), task
    text-generation-with-past; only its model.onnx is kept (as `folder/onnx/model.onnx`, where
    transformers.js looks), with its external data file when the model is over 2 GB."""
    from optimum.exporters.onnx import main_export

    with tempfile.TemporaryDirectory() as tmp:
        main_export(str(source or folder), output=tmp, task="text-generation-with-past", device="cpu", do_validation=False)
        (folder / "onnx").mkdir(exist_ok=True)
        for part in Path(tmp).glob("model.onnx*"):
            shutil.move(str(part), folder / "onnx" / part.name)
    return folder / "onnx" / "model.onnx"


class VerifierOnnx(nn.Module):
    """A Transformers verifier with its surprise input, and a KV cache flattened into positional
    tensors, for torch.onnx (Optimum has no task for it)."""

    def __init__(self, hf: GPTBigCodeForTokenClassification, surprise_vector: torch.Tensor | None):
        super().__init__()
        self.hf = hf
        self.surprise_vector = surprise_vector

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, position_ids: torch.Tensor, *rest: torch.Tensor):
        from transformers.cache_utils import DynamicCache

        token_logprobs, flat = (rest[0], rest[1:]) if self.surprise_vector is not None else (None, rest)
        n = self.hf.config.n_layer
        cache = DynamicCache()
        for i in range(n):
            cache.update(flat[2 * i], flat[2 * i + 1], i)
        embeds = (surprise_embeds(self.hf, self.surprise_vector, input_ids, token_logprobs) if token_logprobs is not None
                  else self.hf.transformer.wte(input_ids))
        out = self.hf.transformer(inputs_embeds=embeds, attention_mask=attention_mask, position_ids=position_ids,
                                  past_key_values=cache, use_cache=True)
        values = torch.sigmoid(self.hf.classifier(out.last_hidden_state).squeeze(-1))
        presents = out.past_key_values
        return (values, *[t for i in range(n) for t in (presents.layers[i].keys, presents.layers[i].values)])


def verifier_io_names(n_layer: int, surprise: bool) -> tuple[list[str], list[str]]:
    inputs = ["input_ids", "attention_mask", "position_ids"] + (["token_logprobs"] if surprise else [])
    inputs += [f"past_key_values.{i}.{kv}" for i in range(n_layer) for kv in ("key", "value")]
    return inputs, ["values"] + [f"present.{i}.{kv}" for i in range(n_layer) for kv in ("key", "value")]


def export_verifier_onnx(folder: Path, hf: GPTBigCodeForTokenClassification, surprise_vector: torch.Tensor | None) -> Path:
    from optimum.exporters.onnx.model_configs import GPTBigCodeOnnxConfig

    cfg = hf.config
    head_dim = cfg.n_embd // cfg.n_head
    inputs, outputs = verifier_io_names(cfg.n_layer, surprise_vector is not None)
    g = torch.Generator().manual_seed(0)
    batch, past, seq = 2, 3, 5
    mask = torch.ones((batch, past + seq), dtype=torch.long)
    mask[0, :2] = 0
    example = [torch.randint(0, cfg.vocab_size, (batch, seq), generator=g), mask,
               (mask.cumsum(1) - 1).clamp(min=0)[:, past:]]
    if surprise_vector is not None:
        example.append(-torch.rand((batch, seq), generator=g) * 30)
    example += [torch.randn((batch, 1, past, head_dim), generator=g) for _ in range(2 * cfg.n_layer)]
    axes = {"input_ids": {0: "batch_size", 1: "sequence_length"},
            "attention_mask": {0: "batch_size", 1: "past_sequence_length + sequence_length"},
            "position_ids": {0: "batch_size", 1: "sequence_length"},
            "token_logprobs": {0: "batch_size", 1: "sequence_length"},
            "values": {0: "batch_size", 1: "sequence_length"}}
    for name in inputs[3:]:
        if name.startswith("past"):
            axes[name] = {0: "batch_size", 2: "past_sequence_length"}
    for name in outputs[1:]:
        axes[name] = {0: "batch_size", 2: "past_sequence_length + sequence_length"}
    (folder / "onnx").mkdir(exist_ok=True)
    path = folder / "onnx" / "model.onnx"
    # Optimum's own patches for tracing GPT-BigCode (a mask built without vmap, a traceable cache
    # update), the ones its exporter applies to the policy.
    patcher = GPTBigCodeOnnxConfig(cfg, task="text-generation", use_past=True).patch_model_for_export(hf)
    with torch.no_grad(), patcher:
        torch.onnx.export(VerifierOnnx(hf, surprise_vector), tuple(example), str(path), input_names=inputs,
                          output_names=outputs, dynamic_axes={k: v for k, v in axes.items() if k in inputs + outputs},
                          opset_version=OPSET, do_constant_folding=True, **TORCHSCRIPT_EXPORTER)
    return path


def fp16_and_int8_variants(onnx_path: Path) -> dict[str, Path]:
    """`model_fp16.onnx` (weights and activations in float16, inputs/outputs too, as Optimum's fp16
    export) and `model_int8.onnx` (onnxruntime's dynamic quantisation, int8 MatMul weights)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers.float16 import convert_float_to_float16

    # A model over 2 GB (protobuf's limit) keeps its weights in an external data file, and so do its variants.
    external = any(onnx_path.parent.glob(onnx_path.name + "_data*"))
    fp16 = onnx_path.with_name("model_fp16.onnx")
    onnx.save(convert_float_to_float16(onnx.load(str(onnx_path)), keep_io_types=False), str(fp16),
              **({"save_as_external_data": True, "location": fp16.name + "_data"} if external else {}))
    int8 = onnx_path.with_name("model_int8.onnx")
    quantize_dynamic(str(onnx_path), str(int8), weight_type=QuantType.QInt8, use_external_data_format=external)
    return {"fp16": fp16, "int8": int8}


# --- the whole bundle ------------------------------------------------------------------------

def save_policy(folder: Path, policy: Decoder, tok: BpeTokenizer, prompt_format: str, onnx_export: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    to_transformers(policy, tok.eos_id).save_pretrained(folder)
    write_generation_config(folder, tok.eos_id, policy.cfg.max_positions)
    write_tokenizer_files(folder, tok, policy.cfg.max_positions, prompt_format)
    # The engine builds the prompt from the chat template rendered once; it writes the problem itself.
    write_tutor_json(folder, {"promptFormat": prompt_format}, start=True)
    if onnx_export:
        export_policy_onnx(folder)
    return folder


def save_verifier(folder: Path, verifier: Decoder, tok: BpeTokenizer, labels: str, prompt_format: str,
                  onnx_export: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    hf = to_transformers(verifier, tok.eos_id)
    hf.config.tvm_labels = labels
    hf.save_pretrained(folder)
    write_tokenizer_files(folder, tok, verifier.cfg.max_positions, prompt_format)
    vector = None
    if verifier.surprise is not None:
        vector = verifier.surprise.detach().clone()
        save_file({SURPRISE_TENSOR: vector}, str(folder / SURPRISE_FILE))
    if onnx_export:
        export_verifier_onnx(folder, hf, vector)
    return folder


def save_hf_bundle(out: Path, tok: BpeTokenizer, policy: Decoder, verifiers: dict[str, Decoder], prompt_format: str,
                   onnx_export: bool = True, variants: bool = False) -> None:
    """The policy at `out`'s top, each verifier in `out/<kind>/`; `prompt_format` is the one the policy was
    trained with (data.PROMPT_FORMATS)."""
    save_policy(out, policy, tok, prompt_format, onnx_export)
    for kind, model in verifiers.items():
        save_verifier(out / kind, model, tok, kind, prompt_format, onnx_export)
    if onnx_export and variants:
        for folder in [out, *(out / k for k in verifiers)]:
            fp16_and_int8_variants(folder / "onnx" / "model.onnx")


def bundle_prompt_format(bundle: Path) -> str:
    """The prompt format of our ONNX bundle (manifest.json `promptFormat`; bundles before the field are v1)."""
    manifest_path = bundle / "manifest.json"
    prompt_format = json.loads(manifest_path.read_text()).get("promptFormat", "v1")
    if prompt_format not in PROMPT_FORMATS:
        raise ValueError(f"{manifest_path}: field \"promptFormat\" is {prompt_format!r}; this version reads {', '.join(PROMPT_FORMATS)}")
    return prompt_format


def write_tutor_json(folder: Path, fields: dict[str, object], start: bool = False) -> None:
    """The one writer of tutor.json on the Python side (the engine reads it: src/core/bundle/huggingFaceFolder.ts;
    `npm run bench:calibration -- --write-manifest` adds "calibration"). `start` begins a new bundle's
    file, so nothing of an earlier model's (its calibration map above all) survives a rebuild; otherwise
    the fields join what is there."""
    unknown = sorted(set(fields) - set(TUTOR_FIELDS))
    if unknown:
        raise ValueError(f"tutor.json has no field {', '.join(unknown)}; this version writes {', '.join(TUTOR_FIELDS)}")
    path = folder / SHORT_MANIFEST
    written = {} if start or not path.exists() else json.loads(path.read_text())
    path.write_text(json.dumps({**written, **fields}, indent=1, ensure_ascii=False) + "\n")


def write_short_manifest(folder: Path, name: str, answer_pattern: str, training: dict[str, object]) -> None:
    """What the engine cannot infer from the standard files: the bundle's name, how it reads a final
    answer (our policies write "The answer is …") and the pipeline's training record, added to the
    prompt format save_policy wrote. The verifiers are found in tvm/, orm/ and prm/ without it."""
    write_tutor_json(folder, {"name": name, "answerPattern": answer_pattern, "training": training})


def load_onnx_bundle(bundle: Path) -> tuple[BpeTokenizer, Decoder, dict[str, Decoder], dict[str, float]]:
    """An older bundle's models (manifest.json layout) rebuilt as Decoders from their ONNX files, each
    checked against the bundle's parity.json (worst difference per model returned)."""
    manifest = json.loads((bundle / "manifest.json").read_text())
    parity = json.loads((bundle / "parity.json").read_text())
    tok = BpeTokenizer.load(bundle / manifest["tokenizer"])
    models: dict[str, Decoder] = {}
    worst: dict[str, float] = {}
    for key, entry in manifest["models"].items():
        model = decoder_from_onnx(bundle / entry["file"], entry["kv"]["headDim"])
        worst[key] = check_against_parity_case(model, entry["role"], parity[key])
        models[key] = model
    policy = models.pop("policy")
    if policy.cfg.vocab_size != tok.size:
        raise ValueError(f"{bundle}: the tokenizer has {tok.size} tokens, the policy {policy.cfg.vocab_size}")
    return tok, policy, models, worst


def onnx_io(path: Path) -> dict[str, list[tuple[str, str, list[object]]]]:
    """Names, element types and shapes of an ONNX file's inputs and outputs (for the README and tests)."""
    graph = onnx.load(str(path), load_external_data=False).graph

    def describe(v: onnx.ValueInfoProto) -> tuple[str, str, list[object]]:
        t = v.type.tensor_type
        return v.name, onnx.TensorProto.DataType.Name(t.elem_type).lower(), [d.dim_param or d.dim_value for d in t.shape.dim]
    return {"inputs": [describe(v) for v in graph.input], "outputs": [describe(v) for v in graph.output]}


def max_abs(a: np.ndarray | torch.Tensor, b: np.ndarray | torch.Tensor) -> float:
    return float(np.max(np.abs(np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64))))
