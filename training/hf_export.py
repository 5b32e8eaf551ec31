"""Writes a model bundle in standard formats: Transformers checkpoints (GPT-BigCode, safetensors) with
their tokenizer, and ONNX in the Optimum decoder-with-past layout (training/README.md, "The bundle
in standard formats"), with tutor.json, parity.json and splits/, as the pipeline now writes models/default.

  bash training/venv.sh python training/hf_export.py --bundle OLD --out DIR    # an older bundle (manifest.json layout), from its ONNX
  bash training/venv.sh python training/hf_export.py --from-cache full --out DIR          # from the pipeline's checkpoints
  ... --verifiers tvm   with --from-cache: only these verifiers (e.g. the TVM while the ORM and PRM still train)
  bash training/venv.sh python training/hf_export.py --checkpoint CACHE_DIR --out DIR     # policy only, mid-training (below)
  ... --variants    also model_fp16.onnx and model_int8.onnx next to each model.onnx
  ... --measure     parity with our models (logits, values, greedy tokens) into DIR/hf_parity.json

--checkpoint reads a pipeline cache folder whose policy may still be training (e.g.
~/.cache/tvm-tutor/medium-v2): it copies the checkpoint, tokenizer and splits first and never writes
there, measures the policy's validation loss on the val split, and writes a policy-only bundle whose
tutor.json records the step, tokens and val loss (training/results/v2-checkpoints.md).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tvm_training.checkpoint_bundle import export_checkpoint  # noqa: E402
from tvm_training.common import PROFILES, log, setup_torch, write_json  # noqa: E402
from tvm_training.data import ANSWER_PREFIX  # noqa: E402
from tvm_training.export import copy_splits, parity_cases  # noqa: E402
from tvm_training.hf_format import VERIFIER_KINDS, bundle_prompt_format, load_onnx_bundle, onnx_io, save_hf_bundle, write_short_manifest  # noqa: E402
from tvm_training.model import Decoder  # noqa: E402
from tvm_training.tokenizer import BpeTokenizer  # noqa: E402


def from_cache(profile_name: str, label_paths: int | None, curriculum: str | None, kinds: list[str]
               ) -> tuple[BpeTokenizer, Decoder, dict[str, Decoder], Path, str]:
    """The tokenizer, policy and verifiers `kinds` of a finished pipeline cache, its splits folder, and
    the policy's prompt format."""
    import dataclasses

    from tvm_training.common import curriculum_of
    from tvm_training.stages import load_verifier, open_finished, verifier_file

    profile = PROFILES[profile_name]
    if label_paths is not None:
        profile = dataclasses.replace(profile, label_paths=label_paths)
    if curriculum is not None:
        profile = dataclasses.replace(profile, curriculum=curriculum)
    cache, tok, _, policy = open_finished(profile)
    verifiers = {}
    for kind in kinds:
        path = verifier_file(cache, profile, kind)
        if not path.exists():
            raise SystemExit(f"{path} is missing: run the pipeline's verifiers stage first")
        verifiers[kind] = load_verifier(path)[0]
    return tok, policy, verifiers, cache / "splits", curriculum_of(profile).prompt_format


def measure(out: Path, splits: Path, tok: BpeTokenizer, policy: Decoder, verifiers: dict[str, Decoder], problems: int,
            max_new: int, prompt_format: str) -> dict[str, object]:
    from transformers import AutoModelForCausalLM, AutoModelForTokenClassification, AutoTokenizer

    from tvm_training.data import prompt_text
    from tvm_training.hf_parity import (
        greedy_agreement,
        greedy_ours,
        onnx_policy_diff,
        onnx_verifier_diff,
        policy_logits_diff,
        problems_of,
        variant_report,
        verifier_values_diff,
        verifier_variant_report,
    )
    from tvm_training.surprise import token_logprobs

    questions = problems_of(splits / "test.jsonl", problems)
    prompts = [tok.encode(prompt_text(q, prompt_format)) for q in questions]
    paths = [p + g for p, g in zip(prompts, greedy_ours(policy, prompts, tok.eos_id, max_new))]
    hf = AutoModelForCausalLM.from_pretrained(out)
    eager = AutoModelForCausalLM.from_pretrained(out, attn_implementation="eager")
    report: dict[str, object] = {
        "problems": problems, "max_new_tokens": max_new,
        "policy": {"logits_vs_ours": policy_logits_diff(policy, hf, paths, tok.eos_id),
                   "logits_vs_ours_eager_attention": policy_logits_diff(policy, eager, paths, tok.eos_id),
                   "greedy_identical": greedy_agreement(policy, hf, AutoTokenizer.from_pretrained(out), tok, questions, max_new,
                                                        prompt_format),
                   "onnx_logits_vs_ours": onnx_policy_diff(policy, out / "onnx" / "model.onnx", paths, tok.eos_id)}}
    logprobs = token_logprobs(policy, paths, tok)
    for kind, model in verifiers.items():
        hv = AutoModelForTokenClassification.from_pretrained(out / kind)
        report[kind] = {"values_vs_ours": verifier_values_diff(model, hv, out / kind, paths, logprobs, tok.eos_id),
                        "onnx_values_vs_ours": onnx_verifier_diff(model, out / kind / "onnx" / "model.onnx", paths, logprobs,
                                                                  tok.eos_id)}
        for variant in ("fp16", "int8"):
            path = out / kind / "onnx" / f"model_{variant}.onnx"
            if path.exists():
                report[kind][f"onnx_{variant}_vs_fp32"] = verifier_variant_report(
                    out / kind / "onnx" / "model.onnx", path, paths, logprobs, tok.eos_id)
    for variant in ("fp16", "int8"):
        path = out / "onnx" / f"model_{variant}.onnx"
        if path.exists():
            report["policy"][f"onnx_{variant}_vs_fp32"] = variant_report(out / "onnx" / "model.onnx", path, prompts,
                                                                           tok.eos_id, max_new)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundle", type=Path, default=None,
                        help="an older bundle (manifest.json layout) to convert; its weights are read from its ONNX files")
    parser.add_argument("--from-cache", choices=sorted(PROFILES), default=None,
                        help="convert the pipeline's checkpoints of this profile instead")
    parser.add_argument("--label-paths", type=int, default=None, help="with --from-cache: the verifiers' N_tr")
    parser.add_argument("--verifiers", default=",".join(VERIFIER_KINDS),
                        help="with --from-cache: the verifiers to export, comma-separated (default: %(default)s)")
    parser.add_argument("--curriculum", default=None, help="with --from-cache: the curriculum the cache was built on "
                        "(as pipeline.py --curriculum; default: the profile's own)")
    parser.add_argument("--checkpoint", type=Path, default=None,
                        help="a pipeline cache folder (or a copy of one) whose policy.pt may still be training: "
                        "a policy-only bundle of that checkpoint, with its val loss")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--variants", action="store_true", help="also write fp16 and int8 ONNX variants")
    parser.add_argument("--measure", action="store_true", help="measure parity with our models into OUT/hf_parity.json")
    parser.add_argument("--problems", type=int, default=16, help="with --measure: test problems for greedy parity")
    parser.add_argument("--max-new-tokens", type=int, default=160)
    args = parser.parse_args()
    setup_torch()
    started = time.time()
    if args.checkpoint is not None:
        if args.bundle or args.from_cache or args.measure or args.variants:
            raise SystemExit("--checkpoint writes a policy-only bundle on its own: drop --bundle, --from-cache, --measure "
                             "and --variants")
        training = export_checkpoint(args.checkpoint, args.out)
        log(f"wrote {args.out} in {time.time() - started:.0f} s: " + json.dumps(training))
        return
    if args.from_cache:
        kinds = [k for k in args.verifiers.split(",") if k]
        if any(k not in VERIFIER_KINDS for k in kinds):
            raise SystemExit(f"--verifiers {args.verifiers}: each must be one of {', '.join(VERIFIER_KINDS)}")
        tok, policy, verifiers, splits, prompt_format = from_cache(args.from_cache, args.label_paths, args.curriculum, kinds)
        name, training, answer_pattern = args.from_cache, {"profile": args.from_cache}, ANSWER_PREFIX + "(.+)"
    else:
        if args.bundle is None or not (args.bundle / "manifest.json").is_file():
            raise SystemExit(f"{args.bundle} has no manifest.json: --bundle takes an older bundle that training/pipeline.py "
                             "wrote (models/default is in standard formats already), or use --from-cache PROFILE")
        tok, policy, verifiers, worst = load_onnx_bundle(args.bundle)
        prompt_format = bundle_prompt_format(args.bundle)
        splits = args.bundle / "splits"
        manifest = json.loads((args.bundle / "manifest.json").read_text())
        name, training, answer_pattern = manifest["name"], manifest.get("training", {}), manifest["answerPattern"]
        log(f"rebuilt from {args.bundle}; worst difference from its parity.json: {worst}")
    save_hf_bundle(args.out, tok, policy, verifiers, prompt_format, onnx_export=True, variants=args.variants)
    write_json(args.out / "parity.json",
               parity_cases(tok, {"policy": (policy, "policy"), **{k: (m, k) for k, m in verifiers.items()}}, prompt_format))
    write_short_manifest(args.out, name, answer_pattern, training)
    copy_splits(splits.parent, args.out)
    files = {str(p.relative_to(args.out)): p.stat().st_size for p in sorted(args.out.rglob("*")) if p.is_file()}
    log(f"wrote {args.out} in {time.time() - started:.0f} s: " + json.dumps(files, indent=1))
    log("policy ONNX: " + json.dumps(onnx_io(args.out / "onnx" / "model.onnx")))
    if args.measure:
        report = measure(args.out, splits, tok, policy, verifiers, args.problems, args.max_new_tokens, prompt_format)
        report["prompt_format"] = prompt_format
        report["files"] = files
        write_json(args.out / "hf_parity.json", report)
        log(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
