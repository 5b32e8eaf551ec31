"""The pipeline's stages in order; each is skipped when its output already exists in the cache."""
from __future__ import annotations

import contextlib
import dataclasses
import json
import pickle
import shutil
import subprocess
from pathlib import Path

import torch

from . import carry as carried
from .cache_origin import check_origin
from .calculator import Calculator
from .card import write_model_card
from .common import PROFILES, SHIPPED_PROFILE, Profile, cache_dir, curriculum_of, device_name, log, seed_everything, setup_torch, write_json
from .data import Splits
from .export import copy_splits, write_standard_bundle
from .labels import error_prefix_labels, label_problems, sampled_path_labels
from .model import Decoder, ModelConfig, count_parameters
from .objectives import objective_difference
from .policy import build_splits, build_tokenizer, evaluate_policy, load_policy, train_policy
from .surprise import token_logprobs
from .tokenizer import BpeTokenizer
from .verifier_eval import evaluate_verifiers, evaluation_rows, heldout_key
from .verifiers import train_verifier

STAGE_NAMES = ["tokenizer", "policy", "policy-eval", "labels", "verifiers", "verifier-eval", "bundle"]
VERIFIERS = ("tvm", "orm", "prm")
REPO = Path(__file__).resolve().parents[2]


def save_model(path: Path, model: Decoder) -> None:
    """Writes a trained verifier; whole or not at all (a run killed mid-write leaves no file to load or carry)."""
    partial = path.with_suffix(".pt.partial")
    torch.save({"config": model.cfg.to_dict(), "model": model.state_dict(), "trained_on": device_name()}, partial)
    partial.replace(path)


def verifier_file(cache: Path, profile: Profile, kind: str) -> Path:
    """Where the cache keeps a trained verifier ('tvm', 'orm', 'prm'): named after its labels."""
    return cache / f"{kind}-n{profile.label_paths}.pt"


def calculator_for(profile: Profile, tok: BpeTokenizer) -> contextlib.AbstractContextManager[Calculator | None]:
    """The engine's calculator process for one stage when the profile samples with it, else nothing."""
    return Calculator(tok) if profile.calculator else contextlib.nullcontext()


def load_verifier(path: Path) -> tuple[Decoder, str]:
    """The verifier and where it was trained."""
    state = torch.load(path, map_location="cpu")
    model = Decoder(ModelConfig(**state["config"]), value_head=True)
    model.load_state_dict(state["model"])
    model.eval()
    return model, str(state.get("trained_on", "unrecorded"))


def open_cache(profile: Profile) -> tuple[Path, BpeTokenizer, Splits]:
    """The profile's cache folder, checked against its recipe, with its tokenizer and splits (built
    when missing)."""
    setup_torch()
    cache = cache_dir(profile)
    log(f"profile {profile.name}, cache {cache}")
    check_origin(cache, profile)
    tok = build_tokenizer(profile, cache)
    return cache, tok, build_splits(profile, cache)


def open_finished(profile: Profile) -> tuple[Path, BpeTokenizer, Splits, Decoder]:
    """A cache whose policy is trained, for the tools that study a finished build."""
    cache, tok, splits = open_cache(profile)
    return cache, tok, splits, load_policy(cache, tok)


def carried_runs(profile: Profile) -> Path:
    """Where a profile's policy checkpoints are kept in the repository (pipeline.py --carry)."""
    return REPO / "training" / "runs" / cache_dir(profile).name


def warm_start(profile: Profile) -> Path | None:
    """For a profile that continues another's policy and has no checkpoint of its own yet: that
    policy's checkpoint at `warm_start_step` (or finished), trained that far first where the cache
    is behind (from its carried checkpoint when the repository keeps one), with its tokenizer copied
    into this profile's cache."""
    cache = cache_dir(profile)
    if profile.warm_start is None or (cache / "policy.pt").exists():
        return None
    source = PROFILES[profile.warm_start]
    source_cache = cache_dir(source)
    source_carry = carried_runs(source) if carried_runs(source).exists() else None
    if source_carry is not None:
        carried.restore(source_carry, source_cache)
    wanted = profile.warm_start_step
    if wanted is None:
        if not (source_cache / "policy_train.json").exists():
            log(f"warm start: profile {source.name}'s policy comes first")
            run(source, "policy", None, None, source_carry)
    else:
        held = carried.cached_step(source_cache)
        if held < wanted:
            log(f"warm start: profile {source.name}'s policy is trained to step {wanted} first")
            run(source, "policy", None, None, source_carry, stop_at=wanted)
            held = wanted
        if held != wanted:
            raise SystemExit(f"profile {profile.name} starts from profile {source.name}'s policy at step {wanted}, but {source_cache} "
                             f"holds step {held}: give TVM_TUTOR_CACHE a new folder to rebuild it")
    mine, theirs = cache / "tokenizer.json", source_cache / "tokenizer.json"
    if mine.exists() and mine.read_bytes() != theirs.read_bytes():
        raise SystemExit(f"{cache} has another tokenizer than {source_cache}, whose policy it continues: delete {cache} to start over")
    shutil.copyfile(theirs, mine)
    return source_cache / "policy.pt"


def bundle_target(profile: Profile, bundle_dir: Path | None, cache: Path) -> tuple[Path, bool]:
    """Where the bundle stage writes, and whether that is the shipped bundle (models/default, with the
    model card and the calibration map): the shipped profile's bundle unless --bundle-dir says otherwise."""
    if bundle_dir is not None:
        return bundle_dir, False
    if profile.name == SHIPPED_PROFILE:
        return REPO / "models" / "default", True
    return cache / "bundle", False


def run(profile: Profile, until: str, bundle_dir: Path | None, label_paths: int | None, carry: Path | None = None,
        stop_at: int | None = None) -> None:
    """Runs the stages up to `until`; with `carry`, the policy's checkpoints are also kept there (carry.py);
    `stop_at`: the policy stops at that step (a warm start's source), and nothing after it runs."""
    if label_paths is not None:
        profile = dataclasses.replace(profile, label_paths=label_paths)
    if carry is not None:
        carried.restore(carry, cache_dir(profile))
        carried.restore_stage_outputs(carry, cache_dir(profile))
    start_from = warm_start(profile)
    seed_everything(profile.seed)
    out, tok, splits = open_cache(profile)
    if until == "tokenizer":
        return
    keep = None if carry is None else (lambda state: carried.keep(state, out, carry))
    policy = (load_policy(out, tok) if (out / "policy_train.json").exists()
              else train_policy(profile, out, tok, splits, on_checkpoint=keep, start_from=start_from, stop_at=stop_at))
    if carry is not None and (out / "policy_train.json").exists():
        carried.finish(out, carry)
    if until == "policy" or stop_at is not None:
        return
    if not (out / "policy_eval.json").exists():
        with calculator_for(profile, tok) as calculator:
            evaluate_policy(policy, tok, splits, profile, out, calculator)
    if carry is not None:
        carried.keep_stage_outputs(out, carry)
    if until == "policy-eval":
        return

    labels_file = out / f"labels-n{profile.label_paths}.pkl"
    if labels_file.exists():
        data = pickle.loads(labels_file.read_bytes())
    else:
        problems = label_problems(profile, splits.held_out())
        # Labelling takes most of an hour and a half on a CPU: each part checkpoints after every chunk, into
        # carry when there is one, so that a new machine goes on from there.
        progress_dir = out if carry is None else carry
        sampled_progress, errors_progress = (progress_dir / labels_file.with_suffix(f".{part}.partial").name
                                             for part in ("sampled", "errors"))
        with calculator_for(profile, tok) as calculator:
            data = sampled_path_labels(policy, tok, problems, profile, sampled_progress, calculator)
            data += error_prefix_labels(policy, tok, curriculum_of(profile), problems, profile.error_prefixes,
                                        profile.error_rollouts, profile.seed + 300, profile.max_new_tokens, errors_progress,
                                        calculator)
        labels_file.write_bytes(pickle.dumps(data))
        sampled_progress.unlink(missing_ok=True)
        errors_progress.unlink(missing_ok=True)
        write_json(out / "labels.json", {
            "problems": len(problems), "paths_per_problem": profile.label_paths,
            "distinct_sampled_paths": sum(d.source == "sampled" for d in data),
            "sampled_paths": int(sum(d.weight for d in data if d.source == "sampled")),
            "error_pairs": sum(d.meta.get("mistake") == "clean" for d in data) // profile.error_rollouts,
            "error_rollouts": sum(d.source == "error" for d in data),
            "supervised_tokens": sum(len(d.tvm) for d in data)})
    if carry is not None:
        carried.keep_stage_outputs(out, carry)
    if until == "labels":
        return

    verifiers: dict[str, Decoder] = {}
    verifiers_trained_on: set[str] = set()
    logprobs: list[list[float]] | None = None
    for kind in VERIFIERS:
        path = verifier_file(out, profile, kind)
        if not path.exists():
            if logprobs is None:
                with calculator_for(profile, tok) as calculator:
                    logprobs = token_logprobs(policy, [d.ids for d in data], tok, calculator=calculator)
            save_model(path, train_verifier(policy, data, logprobs, kind, profile, tok.eos_id))
            if carry is not None:
                carried.keep_stage_outputs(out, carry)
        verifiers[kind], trained_on = load_verifier(path)
        verifiers_trained_on.add(trained_on)
    if until == "verifiers":
        return

    eval_file = out / f"verifier_eval-n{profile.label_paths}-{heldout_key(profile)}.json"
    if not eval_file.exists():
        with calculator_for(profile, tok) as calculator:
            rows = evaluation_rows(policy, tok, splits.test, splits.hard, profile, out, calculator)
            write_json(eval_file, evaluate_verifiers(policy, verifiers, tok, rows, profile.seed, calculator))
    if until == "verifier-eval":
        return

    target, shipped = bundle_target(profile, bundle_dir, out)
    policy_train = json.loads((out / "policy_train.json").read_text())
    training = {
        # Policies trained before trained_on was recorded were all trained on this 2-core CPU.
        "profile": profile.name, "seed": profile.seed,
        "trainedOn": policy_train.get("trained_on", "2-core CPU (PyTorch, 2 threads)"),
        "verifiersTrainedOn": ", ".join(sorted(verifiers_trained_on)),
        "policy": policy_train,
        "policyEval": json.loads((out / "policy_eval.json").read_text()),
        "labels": json.loads((out / "labels.json").read_text()),
        "verifierEval": json.loads(eval_file.read_text()),
        "objectiveDifference": objective_difference(data),
        "verifierParameters": count_parameters(verifiers["tvm"]),
    }
    write_standard_bundle(target, tok, {"policy": (policy, "policy"), **{k: (m, k) for k, m in verifiers.items()}}, training,
                          curriculum_of(profile).prompt_format)
    copy_splits(out, target)
    # The calibration map is fitted by the engine on solves of val and natural (bench/calibration.ts);
    # until then a bundle shows its raw values, marked uncalibrated.
    calibrate = ["npm", "run", "--silent", "bench:calibration", "--", "--bundle", str(target), "--splits", "val,natural,natural-b",
                 "--write-manifest"]
    if not shipped:
        log(f"bundle written to {target}; fit its calibration map with: {' '.join(calibrate)}")
        return
    write_model_card(REPO / "models" / "README.md", training, profile, target)
    log(f"bundle written to {target}; fitting its calibration map: {' '.join(calibrate)}")
    subprocess.run(calibrate, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
