"""The recipe's work folder (`--work`, default OUT.work beside the bundle): what each stage made, so
an interrupted run resumes where it stopped. On one GPU the Qwen2.5-Math-1.5B recipe takes about
5 hours (training/README.md), most of it sampling, so the sampled paths are kept after every chunk of
problems; the labels, each trained value model and the held-out evaluation are kept when made. The
folder remembers the run's inputs and settings (`key.json`): a run with others is refused, naming
what differs, instead of mixing two runs."""
from __future__ import annotations

import hashlib
import json
import pickle
from argparse import Namespace
from collections.abc import Callable
from pathlib import Path

import torch
from transformers import AutoModelForTokenClassification, PreTrainedModel

from ..common import log
from ..labels import LabelledPath
from .trie_labels import ProblemPaths

# Options that do not change what any stage makes, only where things go and how the work is split up
# or fitted into memory (a run that ran out of memory may resume with a smaller --micro-batch).
NOT_KEYED = {"out", "work", "variants", "vllm_memory", "sample_chunk", "micro_batch", "gradient_checkpointing", "device"}
WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt")


def default_work(out: Path) -> Path:
    return out.with_name(out.name + ".work")


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


def policy_fingerprint(policy: Path) -> str:
    """The policy's config and tokenizer files by content, its weight files by name and size (hashing
    gigabytes of weights at every start would cost minutes)."""
    parts = []
    for path in sorted(p for p in policy.iterdir() if p.is_file()):
        weights = path.name.endswith(WEIGHT_SUFFIXES)
        parts.append(f"{path.name}:{path.stat().st_size if weights else file_digest(path)}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def run_key(args: Namespace) -> dict[str, object]:
    settings = {k: (str(v) if isinstance(v, Path) else v) for k, v in sorted(vars(args).items()) if k not in NOT_KEYED}
    return {"policy": policy_fingerprint(args.policy), "problems": file_digest(args.problems),
            "eval_problems": None if args.eval_problems is None else file_digest(args.eval_problems), "settings": settings}


def differences(recorded: dict[str, object], current: dict[str, object]) -> list[str]:
    out = [f"the {name.replace('_', ' ')} file" if name != "policy" else "the policy folder"
           for name in ("policy", "problems", "eval_problems") if recorded.get(name) != current.get(name)]
    old, new = recorded.get("settings", {}), current["settings"]
    assert isinstance(old, dict) and isinstance(new, dict)
    out += [f"--{k.replace('_', '-')} {old.get(k)!r} -> {new.get(k)!r}" for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k)]
    return out


class RecipeWork:
    def __init__(self, folder: Path, key: dict[str, object]):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        key_file = folder / "key.json"
        if key_file.exists():
            changed = differences(json.loads(key_file.read_text()), key)
            if changed:
                raise SystemExit(f"tvm_recipe: the work folder {folder} holds a run with other inputs or settings "
                                 f"({'; '.join(changed)}): give another --work folder, or delete this one to start over.")
            log(f"resuming from {folder}")
        else:
            key_file.write_text(json.dumps(key, indent=1) + "\n")
        self.resumed: list[str] = []

    def _load(self, name: str) -> object | None:
        path = self.folder / name
        return pickle.loads(path.read_bytes()) if path.exists() else None

    def _save(self, name: str, value: object) -> None:
        tmp = self.folder / (name + ".tmp")
        tmp.write_bytes(pickle.dumps(value))
        tmp.replace(self.folder / name)

    def sampled_paths(self) -> list[ProblemPaths]:
        """The training problems' paths sampled so far, in problem order."""
        return list(self._load("paths.pkl") or [])  # type: ignore[call-overload]

    def save_sampled_paths(self, groups: list[ProblemPaths]) -> None:
        self._save("paths.pkl", groups)

    def labels(self, make: Callable[[], list[LabelledPath]]) -> list[LabelledPath]:
        rows = self._load("labels.pkl")
        if rows is None:
            rows = make()
            self._save("labels.pkl", rows)
        else:
            self.resumed.append("labels")
        return rows  # type: ignore[return-value]

    def value_model(self, kind: str, train: Callable[[], tuple[PreTrainedModel, dict[str, float]]],
                    dev: torch.device) -> tuple[PreTrainedModel, dict[str, float]]:
        folder, report_file = self.folder / kind, self.folder / f"{kind}.json"
        if report_file.exists():
            self.resumed.append(kind)
            model = AutoModelForTokenClassification.from_pretrained(folder).to(dev).eval()
            return model, json.loads(report_file.read_text())
        model, report = train()
        model.save_pretrained(folder)
        report_file.write_text(json.dumps(report) + "\n")  # written last: it marks the model complete
        return model, report

    def evaluation(self, make: Callable[[], dict[str, object]]) -> dict[str, object]:
        path = self.folder / "evaluation.json"
        if path.exists():
            self.resumed.append("evaluation")
            return json.loads(path.read_text())
        result = make()
        path.write_text(json.dumps(result) + "\n")
        return result
