"""Sampling whole solutions from the policy: vLLM when it is importable and a CUDA device is
present, else Transformers `generate` (batched, left-padded). Both return, per prompt, the new
tokens of each path up to and including its EOS (a path cut by the token limit has none)."""
from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import torch

from ..common import log


@dataclass(frozen=True)
class SamplingSettings:
    temperature: float      # 0: greedy
    max_new_tokens: int
    seed: int


class Sampler(Protocol):
    name: str
    generated_tokens: int
    seconds: float

    def sample(self, prompts: list[list[int]], n: int, settings: SamplingSettings, first: int = 0) -> list[list[list[int]]]:
        """n paths per prompt. `first`: the index of prompts[0] in the whole list, so that a list sampled
        in chunks (each a multiple of `prompts_per_call(n)` long) gets the paths one call would."""
        ...

    def prompts_per_call(self, n: int) -> int: ...


def until_eos(tokens: list[int], eos_ids: set[int]) -> list[int]:
    for i, t in enumerate(tokens):
        if t in eos_ids:
            return tokens[: i + 1]
    return tokens


class TransformersSampler:
    """`generate` with `num_return_sequences`, at most `batch_rows` sequences per call."""

    name = "transformers"

    def __init__(self, model: torch.nn.Module, eos_ids: list[int], pad_id: int, batch_rows: int):
        self.model = model.eval()
        self.eos_ids = eos_ids
        self.pad_id = pad_id
        self.batch_rows = batch_rows
        self.generated_tokens = 0
        self.seconds = 0.0

    def _generate(self, prompts: list[list[int]], n: int, settings: SamplingSettings, seed: int) -> list[list[list[int]]]:
        dev = next(self.model.parameters()).device
        width = max(map(len, prompts))
        ids = torch.tensor([[self.pad_id] * (width - len(p)) + p for p in prompts], device=dev)
        mask = torch.tensor([[0] * (width - len(p)) + [1] * len(p) for p in prompts], device=dev)
        sampling = settings.temperature > 0
        torch.manual_seed(seed)
        started = time.perf_counter()
        with torch.no_grad():
            out = self.model.generate(
                input_ids=ids, attention_mask=mask, max_new_tokens=settings.max_new_tokens, num_return_sequences=n,
                do_sample=sampling, eos_token_id=self.eos_ids, pad_token_id=self.pad_id,
                **({"temperature": settings.temperature, "top_k": 0, "top_p": 1.0} if sampling else {}))
        self.seconds += time.perf_counter() - started
        rows = [until_eos(row[width:].tolist(), set(self.eos_ids)) for row in out]
        self.generated_tokens += sum(map(len, rows))
        return [rows[i * n:(i + 1) * n] for i in range(len(prompts))]

    def prompts_per_call(self, n: int) -> int:
        return max(1, self.batch_rows // n)

    def sample(self, prompts: list[list[int]], n: int, settings: SamplingSettings, first: int = 0) -> list[list[list[int]]]:
        per_call = self.prompts_per_call(n)
        paths_per_call = min(n, self.batch_rows)          # when n alone exceeds the batch, split n
        result: list[list[list[int]]] = []
        for start in range(0, len(prompts), per_call):
            chunk = prompts[start:start + per_call]
            rows: list[list[list[int]]] = [[] for _ in chunk]
            for done in range(0, n, paths_per_call):
                seed = settings.seed + 100_003 * (first + start) + done
                for i, paths in enumerate(self._generate(chunk, min(paths_per_call, n - done), settings, seed)):
                    rows[i] += paths
            result += rows
        return result


class VllmSampler:
    """vLLM's offline `LLM.generate` on token prompts (GPU only). Not run on this project's CPU
    machines: see training/README.md for what was and was not run."""

    name = "vllm"

    def __init__(self, policy_dir: Path, eos_ids: list[int], seed: int, memory_share: float):
        from vllm import LLM

        # vLLM keeps its share of GPU memory for the whole run: the rest is the value model's to train in.
        self.llm = LLM(model=str(policy_dir), seed=seed, gpu_memory_utilization=memory_share)
        self.eos_ids = eos_ids
        self.generated_tokens = 0
        self.seconds = 0.0

    def prompts_per_call(self, n: int) -> int:
        return 1  # each request has its own generator, seeded alike: any split gives the same paths

    def sample(self, prompts: list[list[int]], n: int, settings: SamplingSettings, first: int = 0) -> list[list[list[int]]]:
        from vllm import SamplingParams

        params = SamplingParams(n=n, temperature=settings.temperature, top_p=1.0, top_k=-1, max_tokens=settings.max_new_tokens,
                                seed=settings.seed, stop_token_ids=self.eos_ids)
        started = time.perf_counter()
        outputs = self.llm.generate([{"prompt_token_ids": p} for p in prompts], params, use_tqdm=False)
        self.seconds += time.perf_counter() - started
        result = []
        for request in outputs:
            paths = []
            for completion in request.outputs:
                tokens = list(completion.token_ids)
                # A path that stopped on EOS ends with it, as Transformers' paths do.
                if completion.finish_reason == "stop" and (not tokens or tokens[-1] not in self.eos_ids):
                    tokens.append(self.eos_ids[0])
                paths.append(until_eos(tokens, set(self.eos_ids)))
            self.generated_tokens += sum(map(len, paths))
            result.append(paths)
        return result


def vllm_usable() -> bool:
    return importlib.util.find_spec("vllm") is not None and torch.cuda.is_available()


def choose_sampler(requested: str, policy_dir: Path, load_model: Callable[[], torch.nn.Module], eos_ids: list[int], pad_id: int,
                   batch_rows: int, seed: int, vllm_memory_share: float) -> Sampler:
    """vLLM when asked for, or with `auto` when it is usable; else Transformers on `load_model()`."""
    if requested == "vllm" and not vllm_usable():
        raise SystemExit("--sampler vllm needs the vllm package and a CUDA device; use --sampler transformers (or auto)")
    if requested == "vllm" or (requested == "auto" and vllm_usable()):
        log("sampling with vLLM")
        return VllmSampler(policy_dir, eos_ids, seed, vllm_memory_share)
    why = "" if requested == "transformers" else (" (vllm is not installed)" if importlib.util.find_spec("vllm") is None
                                                  else " (no CUDA device for vLLM)")
    log(f"sampling with Transformers generate{why}")
    return TransformersSampler(load_model(), eos_ids, pad_id, batch_rows)
