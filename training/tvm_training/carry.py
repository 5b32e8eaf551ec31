"""A long policy run's checkpoint kept in the repository, so the run resumes on a new machine.

The pipeline's cache lives outside the repository (~/.cache/tvm-tutor), and a new session may be
handed a new machine without it: the medium run lost its first 4000 steps (a session's CPU time)
that way on 2026-12-05. With `pipeline.py --carry DIR` the policy stage also writes each checkpoint
into DIR, compactly (fp32 weights, AdamW's moments in bfloat16: 42 MB for the medium policy instead
of 63), beside the recipe, tokenizer and splits it was trained with; commit DIR and the next run
with the same `--carry DIR` starts from it on any machine. bfloat16 keeps the moments' range (the
second moment goes far below float16's) to within 0.4 %, so a step right after a resume differs
from an unbroken run's by under 1 %, and the difference fades as the moments renew (betas 0.9, 0.98).
Once the policy is finished, the outputs of the slow stages after it (its evaluation, the labels) are
carried as well, for the same reason; so is the labels stage's progress while it runs (stages.py writes
its chunk checkpoints, gzip'd, into DIR), since labelling alone outlasts a session here.
"""
from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import torch

from .common import log, save_checkpoint, write_json

RECIPE_FILES = ("origin.json", "tokenizer.json")
FINISHED = "policy_train.json"   # the record train_policy writes when the policy is trained
MOMENTS = ("exp_avg", "exp_avg_sq")
# What the stages after a finished policy write that a CPU takes long to make again (the medium
# policy's evaluation ~9 min, its labels ~95 min, each verifier ~30 min), carried too so that a new
# machine goes on where the last one stopped, with the very verifiers that were measured. The labels'
# pickles are kept gzip'd: their repeated token lists shrink ~35x; a verifier is written whole, once trained.
STAGE_RECORDS = ("policy_eval.json", "labels.json")
LABELS = "labels-n*.pkl"
VERIFIER_FILES = ("tvm-n*.pt", "orm-n*.pt", "prm-n*.pt")


def _with_moments(state: dict, dtype: torch.dtype) -> dict:
    """A checkpoint whose optimizer moments are cast to dtype (weights and the rest untouched)."""
    opt = state["opt"]
    moments = {i: {k: (v.to(dtype) if k in MOMENTS else v) for k, v in s.items()} for i, s in opt["state"].items()}
    return {**state, "opt": {**opt, "state": moments}}


def _keep(cache: Path, carry: Path, state: dict) -> None:
    """Writes `state` (a checkpoint as carried) with the cache's recipe, tokenizer and splits into
    carry; carry.json last, so that it never names a step whose checkpoint is not there."""
    carry.mkdir(parents=True, exist_ok=True)
    for name in RECIPE_FILES:
        shutil.copyfile(cache / name, carry / name)
    shutil.copytree(cache / "splits", carry / "splits", dirs_exist_ok=True)
    save_checkpoint(carry / "policy.pt", state)
    write_json(carry / "carry.json", {"step": int(state["step"]), "tokens": int(state["tokens"]),
                                      "seconds": round(float(state["seconds"]))})


def keep(state: dict, cache: Path, carry: Path) -> None:
    """Writes the policy checkpoint `state` and the cache's recipe, tokenizer and splits into carry."""
    _keep(cache, carry, _with_moments(state, torch.bfloat16))


def finish(cache: Path, carry: Path) -> None:
    """Once the policy is trained: carry keeps its weights alone (its optimizer has nothing left to do;
    21 MB instead of 42 for the medium policy) and the training record, so that a machine without the
    cache loads the finished policy instead of resuming it."""
    if (carry / FINISHED).exists():
        return
    state = torch.load(cache / "policy.pt", map_location="cpu")
    _keep(cache, carry, {k: v for k, v in state.items() if k != "opt"})
    shutil.copyfile(cache / FINISHED, carry / FINISHED)
    log(f"carry: {carry} holds the finished policy (step {state['step']}), weights only")


def carried_step(carry: Path) -> int:
    """The step of the checkpoint kept in carry (0 when there is none)."""
    record = carry / "carry.json"
    return int(json.loads(record.read_text())["step"]) if record.exists() else 0


def cached_step(cache: Path) -> int:
    """The step of the cache's own policy checkpoint (0 when there is none)."""
    ckpt = cache / "policy.pt"
    return int(torch.load(ckpt, map_location="cpu")["step"]) if ckpt.exists() else 0


def restore(carry: Path, cache: Path) -> None:
    """Starts the cache from carry's checkpoint when carry is further along than the cache.

    A cache that was built from another recipe, or with another tokenizer, is never mixed with the
    carried run: the run stops and names both folders."""
    step = carried_step(carry)
    if step == 0 or cached_step(cache) >= step:
        return
    if (cache / FINISHED).exists():
        return  # the cache's policy is finished; nothing carried can be newer
    for name in RECIPE_FILES:
        mine = cache / name
        if mine.exists() and mine.read_bytes() != (carry / name).read_bytes():
            raise SystemExit(f"{carry} holds a run with another {name} than the cache {cache}: set TVM_TUTOR_CACHE to a "
                             f"new folder to resume the carried run, or drop --carry to go on with the cache's own.")
    cache.mkdir(parents=True, exist_ok=True)
    for name in RECIPE_FILES:
        shutil.copyfile(carry / name, cache / name)
    shutil.copytree(carry / "splits", cache / "splits", dirs_exist_ok=True)
    state = torch.load(carry / "policy.pt", map_location="cpu")
    if (carry / FINISHED).exists():
        save_checkpoint(cache / "policy.pt", state)
        shutil.copyfile(carry / FINISHED, cache / FINISHED)
        log(f"carry: the cache starts from {carry}'s finished policy (step {step})")
        return
    save_checkpoint(cache / "policy.pt", _with_moments(state, torch.float32))
    log(f"carry: the cache starts from {carry}'s checkpoint at step {step}")


def _same_finished_policy(cache: Path, carry: Path) -> bool:
    """Whether cache and carry hold the same finished policy (its training record and tokenizer)."""
    return all((cache / name).exists() and (carry / name).exists()
               and (cache / name).read_bytes() == (carry / name).read_bytes() for name in (FINISHED, "tokenizer.json"))


def _copy_missing(source: Path, target: Path) -> None:
    """Copies the stage records and trained verifiers that source has and target lacks."""
    names = [*STAGE_RECORDS, *(p.name for pattern in VERIFIER_FILES for p in source.glob(pattern))]
    for name in names:
        if (source / name).exists() and not (target / name).exists():
            shutil.copyfile(source / name, target / name)


def keep_stage_outputs(cache: Path, carry: Path) -> None:
    """Copies into carry what the stages after its finished policy have written in the cache and carry
    lacks: the policy's evaluation, the labels (gzip'd) and their summary, the trained verifiers."""
    if not _same_finished_policy(cache, carry):
        return
    _copy_missing(cache, carry)
    for labels in cache.glob(LABELS):
        kept = carry / f"{labels.name}.gz"
        if not kept.exists():
            partial = kept.with_suffix(".gz.partial")
            # mtime 0: the same labels give the same bytes, so git sees no change on a rerun.
            with gzip.GzipFile(partial, "wb", compresslevel=9, mtime=0) as out:
                out.write(labels.read_bytes())
            partial.replace(kept)
            log(f"carry: {kept} holds the labels ({kept.stat().st_size / 1e6:.1f} MB gzip'd)")


def restore_stage_outputs(carry: Path, cache: Path) -> None:
    """Gives a cache whose finished policy is carry's the stage outputs carry holds and it lacks."""
    if not _same_finished_policy(cache, carry):
        return
    _copy_missing(carry, cache)
    for kept in carry.glob(f"{LABELS}.gz"):
        labels = cache / kept.name.removesuffix(".gz")
        if not labels.exists():
            partial = labels.with_suffix(".pkl.partial-restore")
            partial.write_bytes(gzip.decompress(kept.read_bytes()))
            partial.replace(labels)
            log(f"carry: the cache gets {carry}'s labels ({labels.name})")
