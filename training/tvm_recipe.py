"""The TVM recipe for any Transformers causal LM (training/README.md, "The TVM recipe for any
Transformers causal LM"): given a local policy folder and a JSONL of problems with reference answers,
  1. samples N_tr paths per training problem (vLLM when importable with a CUDA device, else
     Transformers `generate`),
  2. grades them (the engine's answer extraction, grading.py) and labels every token with the
     paper's prefix-trie value (and ORM / PRM labels for the baselines),
  3. fine-tunes the TVM from the policy's weights (AutoModelForTokenClassification, one label),
  4. evaluates on the held-out problems: greedy, majority vote and best-of-N by each value model,
  5. exports policy and value models to ONNX and writes a folder the engine loads (with tutor.json).
Each stage's result is kept in a work folder (--work, default OUT.work), the sampled paths after every
chunk of problems, so a run started again with the same inputs and settings resumes where it stopped.

  npm run models:recipe -- --policy DIR --problems FILE.jsonl --out DIR [options]
  bash training/venv.sh python training/tvm_recipe.py --policy DIR --problems FILE.jsonl --out DIR [options]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402
from transformers import AutoModelForCausalLM, PreTrainedModel  # noqa: E402

from tvm_training.common import log, setup_torch, write_json  # noqa: E402
from tvm_training.labels import LabelledPath  # noqa: E402
from tvm_training.recipe.answers import DEFAULT_ANSWER_PATTERN, compile_answer_pattern, extract_answer, is_correct  # noqa: E402
from tvm_training.recipe.bundle import BundleText, write_bundle  # noqa: E402
from tvm_training.recipe.evaluation import HeldOutPaths, summarise  # noqa: E402
from tvm_training.recipe.policy_text import PolicyFolderError, PolicyText, load_policy_text  # noqa: E402
from tvm_training.recipe.problems import Problem, ProblemFileError, read_problems, split_held_out  # noqa: E402
from tvm_training.recipe.sampling import Sampler, SamplingSettings, choose_sampler  # noqa: E402
from tvm_training.recipe.trie_labels import ProblemPaths, Rollouts, label_paths  # noqa: E402
from tvm_training.recipe.value_training import TrainSettings, last_token_values, train_value_model  # noqa: E402
from tvm_training.recipe.work import RecipeWork, default_work, run_key  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--policy", type=Path, required=True, help="Transformers causal-LM folder (config.json, safetensors, tokenizer)")
    p.add_argument("--problems", type=Path, required=True, help='JSONL of {"question", "answer"} (GSM8K\'s "#### answer" too)')
    p.add_argument("--out", type=Path, required=True, help="the bundle folder to write (with recipe.json, the run's report)")
    p.add_argument("--held-out", type=int, default=0, help="the last N problems of the file are evaluated, not trained on")
    p.add_argument("--eval-problems", type=Path, default=None, help="a second JSONL evaluated instead of --held-out")
    p.add_argument("--paths", type=int, default=100, help="N_tr: sampled paths per training problem (the paper: 100)")
    p.add_argument("--eval-paths", type=int, default=16, help="N of best-of-N and majority vote on held-out problems")
    p.add_argument("--temperature", type=float, default=0.7)
    p.add_argument("--max-new-tokens", type=int, default=512)
    p.add_argument("--step-delimiter", default="\n", help="the text that ends a step (default a newline)")
    p.add_argument("--answer-pattern", default=DEFAULT_ANSWER_PATTERN, help="regex whose group 1 is the final answer")
    p.add_argument("--prompt-template", default=None, help="with {problem}; default: the tokenizer's chat template")
    p.add_argument("--system-prompt", default=None, help="a system message before the problem (chat template only)")
    p.add_argument("--baselines", default="", help="comma-separated: orm, prm (trained on the same paths)")
    p.add_argument("--prm-rollouts", type=int, default=4, help="PRM: rollouts from each step end no sampled path passes correctly")
    p.add_argument("--lr", type=float, default=1e-5, help="the paper: 1e-5 (7B) or 2e-6")
    p.add_argument("--epochs", type=float, default=1.0)
    p.add_argument("--batch-size", type=int, default=512, help="distinct paths per optimiser step (the paper: 512)")
    p.add_argument("--micro-batch", type=int, default=16, help="paths per forward pass")
    p.add_argument("--loss", choices=("bce", "mse"), default="bce")
    p.add_argument("--sampler", choices=("auto", "transformers", "vllm"), default="auto")
    p.add_argument("--generate-batch", type=int, default=64, help="Transformers sampler: sequences per generate call")
    p.add_argument("--vllm-memory", type=float, default=0.4, help="vLLM's share of GPU memory (the rest trains the TVM)")
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    p.add_argument("--bf16", action="store_true", help="CUDA: bfloat16 autocast for training and a bfloat16 policy for sampling")
    p.add_argument("--gradient-checkpointing", action="store_true")
    p.add_argument("--variants", action="store_true", help="also model_fp16.onnx and model_int8.onnx next to each model.onnx")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--work", type=Path, default=None,
                   help="where each stage's result is kept for a resume (default: OUT.work beside the bundle)")
    p.add_argument("--sample-chunk", type=int, default=64,
                   help="training problems sampled between two saves of the work folder (rounded up to whole sampler calls)")
    args = p.parse_args(argv)
    unknown = {b for b in args.baselines.split(",") if b} - {"orm", "prm"}
    if unknown:
        p.error(f"--baselines takes orm and/or prm, not {', '.join(sorted(unknown))}")
    if args.paths < 1 or args.eval_paths < 1 or args.sample_chunk < 1:
        p.error("--paths, --eval-paths and --sample-chunk must be at least 1")
    return args


def device_of(requested: str) -> torch.device:
    if requested == "cuda" and not torch.cuda.is_available():
        raise SystemExit("--device cuda: PyTorch sees no CUDA device; use --device cpu")
    return torch.device("cuda" if requested == "cuda" or (requested == "auto" and torch.cuda.is_available()) else "cpu")


@dataclass
class Run:
    """What every stage reads: the options, the policy's text conventions, the sampler and the device."""
    args: argparse.Namespace
    text: PolicyText
    pattern: re.Pattern[str]
    sampler: Sampler
    dev: torch.device

    def settings(self, seed_offset: int = 0, temperature: float | None = None) -> SamplingSettings:
        t = self.args.temperature if temperature is None else temperature
        return SamplingSettings(t, self.args.max_new_tokens, self.args.seed + seed_offset)

    def correct(self, tokens: list[int], problem: Problem) -> bool:
        return is_correct(self.text.decode(tokens), problem.answer, self.pattern)


def sample_training_paths(run: Run, train: list[Problem], work: RecipeWork) -> list[ProblemPaths]:
    """N_tr paths per training problem, saved to the work folder after each chunk of problems (whole
    sampler calls, so the paths are those of one uninterrupted call)."""
    n = run.args.paths
    prompts = [run.text.encode_prompt(p.question) for p in train]
    groups = work.sampled_paths()
    if groups:
        work.resumed.append(f"sample ({len(groups)} of {len(train)} problems)")
    per_call = run.sampler.prompts_per_call(n)
    chunk = -(-run.args.sample_chunk // per_call) * per_call
    log(f"sampling {n} paths for each of {len(train) - len(groups)} training problems with {run.sampler.name}")
    for start in range(len(groups), len(train), chunk):
        paths = run.sampler.sample(prompts[start:start + chunk], n, run.settings(), first=start)
        groups += [ProblemPaths(prompt, ps, [run.correct(p, problem) for p in ps])
                   for problem, prompt, ps in zip(train[start:start + chunk], prompts[start:start + chunk], paths)]
        work.save_sampled_paths(groups)
        log(f"sampled {len(groups)} of {len(train)} problems")
    return groups


def prm_rollouts(run: Run, train: list[Problem], groups: list[ProblemPaths]) -> Rollouts:
    """`--prm-rollouts` policy continuations of each (problem, solution prefix), graded."""
    n = run.args.prm_rollouts

    def rollouts(pending: list[tuple[int, list[int]]]) -> list[list[tuple[list[int], bool]]]:
        log(f"prm: {n} rollouts from each of {len(pending)} step ends")
        continuations = run.sampler.sample([groups[pi].prompt + prefix for pi, prefix in pending], n, run.settings(seed_offset=1))
        return [[(c, run.correct(prefix + c, train[pi])) for c in cs] for (pi, prefix), cs in zip(pending, continuations)]
    return rollouts


def label_stats(groups: list[ProblemPaths], rows: list[LabelledPath]) -> dict[str, object]:
    paths = sum(len(g.paths) for g in groups)
    return {"problems": len(groups), "paths": paths, "correct_paths": sum(sum(g.outcomes) for g in groups),
            "problems_with_a_correct_path": sum(any(g.outcomes) for g in groups),
            "distinct_paths": len(rows), "supervised_tokens": sum(len(r.tvm) for r in rows),
            "mean_path_tokens": sum(len(p) for g in groups for p in g.paths) / max(1, paths),
            "fractional_tvm_labels": sum(0.0 < y < 1.0 for r in rows for y in r.tvm)}


def train_models(run: Run, rows: list[LabelledPath], kinds: list[str], timings: dict[str, float],
                 work: RecipeWork) -> tuple[dict[str, PreTrainedModel], dict[str, dict[str, float]]]:
    a = run.args
    settings = TrainSettings(a.lr, a.epochs, a.batch_size, a.micro_batch, a.loss, a.seed, a.bf16 and run.dev.type == "cuda",
                             a.gradient_checkpointing)
    models, reports = {}, {}
    for kind in kinds:
        models[kind], reports[kind] = work.value_model(
            kind, lambda kind=kind: train_value_model(a.policy, rows, kind, run.text.pad_id, settings, run.dev), run.dev)
        timings[f"train_{kind}"] = round(reports[kind]["seconds"], 2)
    return models, reports


def evaluate(run: Run, problems: list[Problem], models: dict[str, PreTrainedModel]) -> dict[str, object]:
    n = run.args.eval_paths
    prompts = [run.text.encode_prompt(p.question) for p in problems]
    greedy = run.sampler.sample(prompts, 1, run.settings(temperature=0.0))
    sampled = run.sampler.sample(prompts, n, run.settings(seed_offset=7))
    held: list[HeldOutPaths] = []
    for problem, prompt, g, paths in zip(problems, prompts, greedy, sampled):
        texts = [run.text.decode(p) for p in paths]
        values = {kind: last_token_values(m, [prompt + p for p in paths], run.text.pad_id, run.dev) for kind, m in models.items()}
        held.append(HeldOutPaths(answer=problem.answer, greedy_correct=run.correct(g[0], problem),
                                 answers=[extract_answer(t, run.pattern) for t in texts],
                                 correct=[is_correct(t, problem.answer, run.pattern) for t in texts], values=values))
    return summarise(held, n)


def read_inputs(args: argparse.Namespace) -> tuple[re.Pattern[str], list[Problem], list[Problem], PolicyText]:
    """Every input checked before anything heavy starts; a bad one ends the run with its message."""
    try:
        pattern = compile_answer_pattern(args.answer_pattern)
        train, held_out = split_held_out(read_problems(args.problems), args.held_out)
        if args.eval_problems is not None:
            held_out = read_problems(args.eval_problems)
        text = load_policy_text(args.policy, args.prompt_template, args.system_prompt, args.step_delimiter)
    except (ProblemFileError, PolicyFolderError, ValueError) as error:
        raise SystemExit(f"tvm_recipe: {error}") from error
    return pattern, train, held_out, text


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    setup_torch()
    started = time.perf_counter()
    pattern, train, held_out, text = read_inputs(args)
    dev = device_of(args.device)
    dtype = torch.bfloat16 if args.bf16 and dev.type == "cuda" else torch.float32
    sampler = choose_sampler(args.sampler, args.policy, lambda: AutoModelForCausalLM.from_pretrained(args.policy, dtype=dtype).to(dev),
                             text.eos_ids, text.pad_id, args.generate_batch, args.seed, args.vllm_memory)
    run = Run(args, text, pattern, sampler, dev)
    work = RecipeWork(args.work or default_work(args.out), run_key(args))
    timings: dict[str, float] = {}
    t = time.perf_counter()
    groups = sample_training_paths(run, train, work)
    timings["sample"], t = round(time.perf_counter() - t, 2), time.perf_counter()
    baselines = [b for b in args.baselines.split(",") if b]
    rows = work.labels(lambda: label_paths(groups, text.step_token_ids(),
                                           prm_rollouts(run, train, groups) if "prm" in baselines and args.prm_rollouts > 0 else None))
    labels = label_stats(groups, rows)
    log("labels: " + json.dumps(labels))
    timings["labels"] = round(time.perf_counter() - t, 2)
    models, training = train_models(run, rows, ["tvm", *baselines], timings, work)
    t = time.perf_counter()
    evaluation = work.evaluation(lambda: evaluate(run, held_out, models)) if held_out else None
    if evaluation:
        log("held-out: " + json.dumps(evaluation["correct"]))
    timings["evaluate"], t = round(time.perf_counter() - t, 2), time.perf_counter()
    bundle_text = BundleText(args.out.name or "recipe", args.prompt_template, args.system_prompt, args.step_delimiter,
                             args.answer_pattern)
    files = write_bundle(args.out, args.policy, {k: m.cpu() for k, m in models.items()}, bundle_text, args.variants)
    timings["export"] = round(time.perf_counter() - t, 2)
    timings["total"] = round(time.perf_counter() - started, 2)
    report = {"policy": str(args.policy), "problems": str(args.problems), "train_problems": len(train),
              "held_out_problems": len(held_out), "sampler": sampler.name, "device": dev.type,
              "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
              "generated_tokens": sampler.generated_tokens, "generate_seconds": round(sampler.seconds, 2),
              "labels": labels, "training": training, "evaluation": evaluation, "timings_s": timings, "files": files,
              "resumed": work.resumed, "work": str(work.folder)}
    write_json(args.out / "recipe.json", report)
    log(f"wrote {args.out} in {timings['total']:.0f} s")


if __name__ == "__main__":
    main()
