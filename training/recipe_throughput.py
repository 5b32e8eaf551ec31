"""Throughput of the recipe's two heavy parts on this machine, for the GPU estimate in
training/README.md ("The TVM recipe …", expected time and memory): Transformers `generate` (sampling,
KV cache) and one training step of the value model (forward, backward, AdamW), on randomly
initialised Qwen2 models built from a config (no downloads): the smoke test's tiny policy and a
mid-size model with Qwen2.5-0.5B's layer shape and vocabulary but 6 layers. Each result also gives
the model's FLOPs per token (2 x matmul parameters for a forward pass, 6 x for a training step) and
the FLOP rate that implies, which is what the estimate scales.

  bash training/venv.sh python training/recipe_throughput.py --out training/results/recipe-throughput.json
"""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import torch
from transformers import AutoModelForCausalLM, AutoModelForTokenClassification, Qwen2Config

SIZES = {
    "tiny": dict(hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                 vocab_size=320, tie_word_embeddings=False),
    # Qwen2.5-0.5B's hidden size, MLP, heads and vocabulary; 6 of its 24 layers.
    "mid": dict(hidden_size=896, intermediate_size=4864, num_hidden_layers=6, num_attention_heads=14, num_key_value_heads=2,
                vocab_size=151936, tie_word_embeddings=True),
    # Qwen2.5-Math-1.5B(-Instruct)'s shape, for its FLOPs per token only (never run here).
    "qwen2.5-math-1.5b": dict(hidden_size=1536, intermediate_size=8960, num_hidden_layers=28, num_attention_heads=12,
                              num_key_value_heads=2, vocab_size=151936, tie_word_embeddings=True),
}


def matmul_parameters(cfg: dict) -> dict[str, int]:
    """Parameters that take part in a matmul per token: the layers' and (for generation) the LM head's."""
    h, kv = cfg["hidden_size"], cfg["hidden_size"] // cfg["num_attention_heads"] * cfg["num_key_value_heads"]
    per_layer = 2 * h * h + 2 * h * kv + 3 * h * cfg["intermediate_size"]
    return {"layers": per_layer * cfg["num_hidden_layers"], "lm_head": h * cfg["vocab_size"]}


def config(size: str, num_labels: int = 2) -> Qwen2Config:
    return Qwen2Config(max_position_embeddings=4096, num_labels=num_labels, **SIZES[size])


def generate_rate(size: str, batch: int, prompt: int, new: int) -> dict[str, float]:
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_config(config(size)).eval()
    ids = torch.randint(0, SIZES[size]["vocab_size"], (batch, prompt))
    kwargs = dict(do_sample=True, temperature=0.7, top_k=0, max_new_tokens=new, min_new_tokens=new, pad_token_id=0)
    with torch.no_grad():
        model.generate(input_ids=ids[:, :8], max_new_tokens=2, min_new_tokens=2, do_sample=True, pad_token_id=0)  # warm-up
        started = time.perf_counter()
        model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), **kwargs)
        seconds = time.perf_counter() - started
    params = matmul_parameters(SIZES[size])
    rate = batch * new / seconds
    return {"batch": batch, "prompt_tokens": prompt, "new_tokens": new, "seconds": round(seconds, 2),
            "tokens_per_second": round(rate, 1), "flops_per_token": 2 * (params["layers"] + params["lm_head"]),
            "gflops_per_second": round(rate * 2 * (params["layers"] + params["lm_head"]) / 1e9, 2)}


def train_rate(size: str, batch: int, length: int, steps: int) -> dict[str, float]:
    torch.manual_seed(0)
    model = AutoModelForTokenClassification.from_config(config(size, num_labels=1)).train()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-5)
    ids = torch.randint(0, SIZES[size]["vocab_size"], (batch, length))
    target = torch.rand((batch, length))

    def step() -> None:
        logits = model(input_ids=ids).logits.squeeze(-1)
        torch.nn.functional.binary_cross_entropy_with_logits(logits, target).backward()
        opt.step()
        opt.zero_grad(set_to_none=True)

    step()  # warm-up (allocates Adam's state)
    started = time.perf_counter()
    for _ in range(steps):
        step()
    seconds = (time.perf_counter() - started) / steps
    layers = matmul_parameters(SIZES[size])["layers"]
    rate = batch * length / seconds
    return {"batch": batch, "length": length, "seconds_per_step": round(seconds, 2), "tokens_per_second": round(rate, 1),
            "flops_per_token": 6 * layers, "gflops_per_second": round(rate * 6 * layers / 1e9, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    torch.set_num_threads(int(os.environ.get("TVM_TUTOR_THREADS", "2")))
    report: dict[str, object] = {"machine": f"{os.cpu_count()} CPUs, torch {torch.__version__}, {torch.get_num_threads()} threads",
                                 "load_average_before": os.getloadavg(),
                                 "matmul_parameters": {s: matmul_parameters(c) for s, c in SIZES.items()}}
    report["generate"] = {"tiny": generate_rate("tiny", 16, 64, 64), "mid": generate_rate("mid", 8, 64, 32)}
    report["train_step"] = {"tiny": train_rate("tiny", 8, 128, 5), "mid": train_rate("mid", 4, 256, 2)}
    report["load_average_after"] = os.getloadavg()
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
