"""Tiny randomly initialised Hugging Face decoders for the engine's parity tests, made the way a user's
model is: Transformers builds the model from a config, `tokenizers` trains a byte-level BPE on a little
math text, and Optimum's exporter (what `optimum-cli export onnx --task text-generation-with-past`
runs) writes the ONNX, laid out as transformers.js publishes models (onnx/model.onnx,
onnx/model_quantized.onnx). Nothing is downloaded; everything is written under a temp folder."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import AutoConfig, AutoModelForCausalLM, PreTrainedTokenizerFast

TEXT = [
    "A train travels 60 km in 1.5 hours. What is its speed?\nThe speed is 60 / 1.5 = 40 km/h.\nThe answer is 40\n",
    "Sam has 3 bags of 12 apples and eats 5. How many are left?\n3 * 12 = 36 apples.\n36 - 5 = 31.\nThe answer is 31\n",
    "Solve 2x + 3 = 11.\n2x = 8.\nx = 4.\nThe answer is \\boxed{4}\n",
    "What is 15% of 80?\n0.15 * 80 = 12.\nThe answer is 12\n",
]

# ChatML (Qwen2) and a Llama-3-style template that starts with the BOS token; GPT-BigCode gets none
# (the engine's plain prompt template).
CHATML = ("{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
          "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}")
LLAMA3 = ("{{ bos_token }}{% for m in messages %}<|start_header_id|>{{ m.role }}<|end_header_id|>\n\n{{ m.content }}<|eot_id|>"
          "{% endfor %}{% if add_generation_prompt %}<|start_header_id|>assistant<|end_header_id|>\n\n{% endif %}")


@dataclass(frozen=True)
class Kind:
    model_type: str
    special: tuple[str, ...]
    eos: str
    bos: str | None
    chat_template: str | None
    config: dict


KINDS = {
    # Grouped-query attention (4 query heads, 2 KV heads), RoPE, position_ids.
    "qwen2": Kind("qwen2", ("<|endoftext|>", "<|im_start|>", "<|im_end|>"), "<|im_end|>", None, CHATML,
                  dict(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                       max_position_embeddings=256, tie_word_embeddings=False)),
    "llama": Kind("llama", ("<|begin_of_text|>", "<|eot_id|>", "<|start_header_id|>", "<|end_header_id|>"), "<|eot_id|>",
                  "<|begin_of_text|>", LLAMA3,
                  dict(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                       max_position_embeddings=256)),
    # Multi-query attention (one KV head) and learned positions: what our own policy becomes.
    "gpt_bigcode": Kind("gpt_bigcode", ("<|endoftext|>",), "<|endoftext|>", None, None,
                        dict(n_embd=32, n_layer=2, n_head=4, multi_query=True, n_positions=256)),
}


def train_tokenizer(kind: Kind, vocab_size: int = 320) -> PreTrainedTokenizerFast:
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=list(kind.special),
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tok.train_from_iterator(TEXT * 20, trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token=kind.eos, bos_token=kind.bos, pad_token=kind.special[0])
    if kind.chat_template is not None:
        fast.chat_template = kind.chat_template
    return fast


def build(name: str, folder: Path, seed: int = 0) -> tuple[torch.nn.Module, PreTrainedTokenizerFast]:
    """Writes a tiny `name` model (safetensors, config, tokenizer) to `folder`; returns it and its tokenizer."""
    kind = KINDS[name]
    tokenizer = train_tokenizer(kind)
    eos = tokenizer.convert_tokens_to_ids(kind.eos)
    bos = tokenizer.convert_tokens_to_ids(kind.bos) if kind.bos else eos
    config = AutoConfig.for_model(kind.model_type, vocab_size=len(tokenizer), eos_token_id=eos, bos_token_id=bos, **kind.config)
    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_config(config).eval()
    # Random weights this small give near-uniform logits: scale them up so greedy choices are clear
    # (no near-ties that would make "same argmax" depend on rounding).
    with torch.no_grad():
        for p in model.parameters():
            p.mul_(4.0 if p.dim() > 1 else 1.0)
    model.generation_config.eos_token_id = eos
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return model, tokenizer


def export(folder: Path) -> None:
    """ONNX with Optimum's exporter (text-generation-with-past), moved under onnx/ as transformers.js lays it out."""
    from optimum.exporters.onnx import main_export

    out = folder / "optimum"
    main_export(str(folder), output=out, task="text-generation-with-past", do_validation=False)
    (folder / "onnx").mkdir(exist_ok=True)
    shutil.move(out / "model.onnx", folder / "onnx" / "model.onnx")
    shutil.rmtree(out)


def convert_fp16(folder: Path) -> Path:
    """onnx/model_fp16.onnx: every float in half precision, inputs, outputs and KV cache included
    (onnxruntime's converter, as transformers.js's fp16 files are made)."""
    import onnx
    from onnxruntime.transformers.float16 import convert_float_to_float16

    target = folder / "onnx" / "model_fp16.onnx"
    onnx.save(convert_float_to_float16(onnx.load(folder / "onnx" / "model.onnx"), keep_io_types=False), target)
    return target


def quantize_q4(folder: Path) -> Path:
    """onnx/model_q4.onnx: 4-bit block-quantised MatMul weights (MatMulNBits), transformers.js's q4 file."""
    import onnx
    from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer

    quantizer = MatMulNBitsQuantizer(onnx.load(folder / "onnx" / "model.onnx"), block_size=16, is_symmetric=True)
    quantizer.process()
    target = folder / "onnx" / "model_q4.onnx"
    onnx.save(quantizer.model.model, target)
    return target


def quantize_int8(folder: Path) -> Path:
    """onnx/model_quantized.onnx: int8 weights by onnxruntime's dynamic quantisation (transformers.js's file name)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    target = folder / "onnx" / "model_quantized.onnx"
    quantize_dynamic(folder / "onnx" / "model.onnx", target, weight_type=QuantType.QInt8)
    return target
