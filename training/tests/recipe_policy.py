"""A tiny Qwen2 policy for the recipe's smoke test, made without downloads: hf_tiny's tokenizer and
config (ChatML template, grouped-query attention, RoPE), then a few hundred steps of supervised
training on a handful of curriculum problems, so that sampling from it gives a mix of right and
wrong paths (a random model's paths would all be wrong and every label 0). It has seen every
problem of the smoke test, held-out ones included: the smoke test proves the recipe runs end to end,
not that the policy generalises."""
from __future__ import annotations

import json
import random
from pathlib import Path

import torch
from hf_tiny import KINDS, train_tokenizer
from transformers import AutoConfig, AutoModelForCausalLM

from tvm_training.curriculum import TRAIN, V1

# One-step sums and multi-step expressions, so that paths part mid-solution too.
FAMILIES = ("arithmetic", "order_of_operations")


def curriculum_problems(count: int, seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        ex = V1.generate(FAMILIES[len(out) % len(FAMILIES)], rng, TRAIN)
        if ex.question not in {p["question"] for p in out}:
            out.append({"question": ex.question, "steps": list(ex.steps), "answer": ex.answer})
    return out


def write_problems(path: Path, problems: list[dict[str, object]]) -> None:
    """Half the answers bare, half as GSM8K solutions ending in "#### answer" (the recipe reads both)."""
    lines = []
    for i, p in enumerate(problems):
        answer = p["answer"] if i % 2 == 0 else "\n".join(p["steps"]) + f"\n#### {p['answer']}"
        lines.append(json.dumps({"question": p["question"], "answer": answer}))
    path.write_text("\n".join(lines) + "\n", encoding="utf8")


def build_policy(folder: Path, problems: list[dict[str, object]], steps: int = 300, seed: int = 0) -> None:
    kind = KINDS["qwen2"]
    tokenizer = train_tokenizer(kind)
    eos = tokenizer.convert_tokens_to_ids(kind.eos)
    config = AutoConfig.for_model("qwen2", vocab_size=len(tokenizer), eos_token_id=eos, bos_token_id=eos,
                                  **(kind.config | {"hidden_size": 64, "intermediate_size": 128}))
    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_config(config)
    texts = []
    for p in problems:
        prompt = tokenizer.apply_chat_template([{"role": "user", "content": p["question"]}], tokenize=False, add_generation_prompt=True)
        solution = "\n".join(p["steps"]) + f"\nThe answer is {p['answer']}" + kind.eos
        texts.append((tokenizer(prompt, add_special_tokens=False)["input_ids"], tokenizer(solution, add_special_tokens=False)["input_ids"]))
    width = max(len(a) + len(b) for a, b in texts)
    ids = torch.full((len(texts), width), tokenizer.pad_token_id)
    labels = torch.full((len(texts), width), -100)
    mask = torch.zeros((len(texts), width), dtype=torch.long)
    for i, (prompt, solution) in enumerate(texts):
        row = torch.tensor(prompt + solution)
        ids[i, : len(row)] = row
        mask[i, : len(row)] = 1
        labels[i, len(prompt): len(row)] = torch.tensor(solution)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
    model.train()
    for _ in range(steps):
        loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
        opt.zero_grad()
        loss.backward()
        opt.step()
    final_loss = float(loss.detach())
    model.eval()
    model.generation_config.eos_token_id = eos
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    (folder / "sft_loss.txt").write_text(f"{final_loss:.4f}\n")
