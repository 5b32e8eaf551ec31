"""Shared plumbing: run configuration, cache paths, checkpoints, progress logging, grading."""
from __future__ import annotations

import dataclasses
import json
import os
import random
import re
import sys
import time
from pathlib import Path

import torch

from .curriculum import CURRICULA, Curriculum
from .grading import answers_equivalent

ANSWER_RE = re.compile(r"The answer is (.+)")


@dataclasses.dataclass(frozen=True)
class Profile:
    """Sizes of one pipeline run. `smoke` proves the pipeline in minutes; `full` builds the bundle."""
    name: str
    seed: int
    tokenizer_texts: int
    vocab_size: int
    d_model: int
    n_layer: int
    n_head: int
    policy_steps: int
    batch_size: int
    lr: float
    test_per_family: int
    hard_per_family: int
    val_per_family: int
    eval_per_family: int
    label_problems: int
    label_paths: int
    error_prefixes: int
    error_rollouts: int
    prm_rollouts: int
    verifier_epochs: float
    verifier_lr: float
    logprob_threshold: float
    logprob_span: float
    surprise_lr: float
    heldout_problems: int
    heldout_paths: int
    heldout_rollouts: int
    max_new_tokens: int
    # Which curriculum (tvm_training/curriculum: v1 trained the bundled models; v2 is the next run's).
    curriculum: str = "v1"
    # Weight of the problem statement's tokens in the policy's loss (0: solutions only, as v1 was
    # trained); > 0 lets the policy's surprise at a statement measure how unfamiliar it is.
    problem_loss_weight: float = 0.0
    # Sample the labelled paths with the engine's calculator (src/core/exact/calculator.ts through
    # dist/calculator.js), and give the verifiers a correct calculated result at 0 nats, as the engine
    # samples and scores at run time; v1's labels and verifiers had neither.
    calculator: bool = False
    # The profile (a PROFILES key) whose finished policy this one's policy starts from, with a fresh
    # optimizer and that profile's tokenizer: training continues on another curriculum.
    warm_start: str | None = None
    # The step of that profile's run to start from (None: its finished policy).
    warm_start_step: int | None = None


SMOKE = Profile("smoke", seed=7, tokenizer_texts=2000, vocab_size=600, d_model=64, n_layer=2, n_head=4,
                policy_steps=60, batch_size=16, lr=3e-3, test_per_family=3, hard_per_family=2, val_per_family=2,
                eval_per_family=2, label_problems=12, label_paths=8, error_prefixes=6, error_rollouts=4,
                prm_rollouts=2, verifier_epochs=1.0, verifier_lr=1e-3, logprob_threshold=0.0, logprob_span=20.0,
                surprise_lr=1e-2, heldout_problems=6, heldout_paths=4,
                heldout_rollouts=4, max_new_tokens=40)

FULL = Profile("full", seed=20261129, tokenizer_texts=30000, vocab_size=1024, d_model=160, n_layer=4, n_head=5,
               policy_steps=11000, batch_size=32, lr=2.5e-3, test_per_family=40, hard_per_family=40,
               val_per_family=10, eval_per_family=40, label_problems=1200, label_paths=100, error_prefixes=6000,
               error_rollouts=2, prm_rollouts=4, verifier_epochs=1.5, verifier_lr=5e-4, logprob_threshold=0.0, logprob_span=20.0,
               surprise_lr=1e-2, heldout_problems=320,
               heldout_paths=4, heldout_rollouts=8, max_new_tokens=200)

# The models-v2 long run (issue 15): the size and token budget that training/results/learning-curves-v2.md
# chose on this CPU (d 256 x 7, peak LR scaled by 160/256, ~50M tokens), on curriculum v2 with its larger
# vocabulary; it trains across sessions from its checkpoints (pipeline.py --carry). Its verifiers learn
# from 3x v1's labelled problems (issue 15 part 4), N_tr = 100 paths each.
MEDIUM_V2 = dataclasses.replace(FULL, name="medium", vocab_size=2048, d_model=256, n_layer=7, n_head=8,
                                policy_steps=28000, lr=FULL.lr * 160 / 256, curriculum="v2",
                                problem_loss_weight=0.5, calculator=True, label_problems=3 * FULL.label_problems)

# The medium v2 policy, trained on: curriculum v3 composes its questions from sentences, because v2's
# policy learnt v2's few templates rather than reading (training/results/v2-checkpoints.md). It starts
# from v2's run at step 20000 of 28000 (where v2's val accuracy had levelled off; the CPU its last
# 8000 steps would have taken goes to v3), at half v2's peak learning rate (the continued weights are
# far from random), with v2's tokenizer and splits drawn from v3; labels and verifiers as medium v2's.
MEDIUM_V3 = dataclasses.replace(MEDIUM_V2, name="medium-v3", curriculum="v3", warm_start="medium", warm_start_step=20000,
                                policy_steps=12000, lr=MEDIUM_V2.lr / 2)

# The shipped v3 policy trained on, on the same curriculum and mixture: v3's val loss and its natural and
# natural-b accuracy still rose between its steps 6000 and 12000 (training/results/v3-checkpoints.md), so
# this run asks what 4000 more steps (a third of v3's) buy, from the finished v3 policy at half its peak
# learning rate. Judged first on natural-c, which nobody has read (training/results/long-v3-checkpoints.md).
MEDIUM_LONG_V3 = dataclasses.replace(MEDIUM_V3, name="medium-long-v3", warm_start="medium-v3", warm_start_step=None,
                                     policy_steps=4000, lr=MEDIUM_V3.lr / 2)

# The same 4000 steps from the shipped v3 policy at the same learning rate as medium-long-v3, on curriculum
# v4 (v3 with new kinds of problem mixed into its families): the two runs differ by the curriculum alone
# (training/results/v4-checkpoints.md).
MEDIUM_V4 = dataclasses.replace(MEDIUM_LONG_V3, name="medium-v4", curriculum="v4")

PROFILES = {p.name: p for p in (SMOKE, FULL, MEDIUM_V2, MEDIUM_V3, MEDIUM_LONG_V3, MEDIUM_V4)}

# The profile whose bundle is models/default (`npm run models`): its bundle stage writes there, with
# the model card and the calibration map; every other profile's bundle goes into its cache.
SHIPPED_PROFILE = MEDIUM_V3.name


def curriculum_of(profile: Profile) -> Curriculum:
    if profile.curriculum not in CURRICULA:
        raise SystemExit(f"profile {profile.name}: unknown curriculum {profile.curriculum!r}; use one of {', '.join(CURRICULA)}")
    return CURRICULA[profile.curriculum]


def cache_dir(profile: Profile) -> Path:
    root = Path(os.environ.get("TVM_TUTOR_CACHE", Path.home() / ".cache" / "tvm-tutor"))
    # Another curriculum is another recipe: its own cache beside v1's (a profile named after its
    # curriculum, medium-v3, is not named twice).
    named = profile.curriculum == "v1" or profile.name.endswith(f"-{profile.curriculum}")
    path = root / (profile.name if named else f"{profile.name}-{profile.curriculum}")
    path.mkdir(parents=True, exist_ok=True)
    return path


def device() -> torch.device:
    """Where training and scoring run: CPU unless TVM_TUTOR_DEVICE names another (e.g. cuda)."""
    return torch.device(os.environ.get("TVM_TUTOR_DEVICE", "cpu"))


def training_autocast() -> torch.autocast:
    """The training steps of the policy and the verifiers in bfloat16 matmuls (weights, gradients and
    AdamW stay float32) when TVM_TUTOR_PRECISION=bf16, else float32 (the default, as every shipped model
    was trained). Where the numbers are, not what is learnt: it is not part of a cache's recipe, so a
    run may switch. Measured on this CPU (AMX): 1.7-1.9x the policy's tokens/s of float32, the same
    losses (results/precision-speed.md)."""
    precision = os.environ.get("TVM_TUTOR_PRECISION", "fp32")
    if precision not in ("fp32", "bf16"):
        raise SystemExit(f"TVM_TUTOR_PRECISION is {precision!r}: use fp32 (the default) or bf16")
    return torch.autocast(device().type, dtype=torch.bfloat16, enabled=precision == "bf16")


def device_name() -> str:
    """Where training runs, in words, for the model card."""
    dev = device()
    if dev.type == "cuda":
        return f"{torch.cuda.get_device_name(dev)} GPU (PyTorch {torch.__version__})"
    precision = ", bf16 autocast" if os.environ.get("TVM_TUTOR_PRECISION") == "bf16" else ""
    return f"{torch.get_num_threads()}-thread CPU (PyTorch {torch.__version__}{precision})"


def seed_everything(seed: int) -> None:
    random.seed(seed)
    torch.manual_seed(seed)


def setup_torch() -> None:
    torch.set_num_threads(int(os.environ.get("TVM_TUTOR_THREADS", "2")))


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)
    sys.stdout.flush()


def write_json(path: Path, data: object) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, indent=2))
    tmp.replace(path)


def save_checkpoint(path: Path, state: dict[str, object]) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    tmp.replace(path)


def extract_answer(text: str) -> str | None:
    m = ANSWER_RE.search(text)
    return m.group(1).strip() if m else None


def canonical(answer: str) -> str:
    """A vote key: the answer as written, without "$", spaces or a final period."""
    return answer.replace("$", "").replace(" ", "").rstrip(".")


def is_correct(text: str, reference: str) -> bool:
    """The label of a path: its stated answer means the reference (the engine's rule, grading.py)."""
    return answers_equivalent(extract_answer(text), reference)
