"""Builds a model bundle from scratch: `python3 training/pipeline.py [--profile NAME]`; the default
profile's bundle is the shipped one, models/default (`npm run models`).

Each stage writes its outputs into a cache folder outside the repository (TVM_TUTOR_CACHE, default
~/.cache/tvm-tutor/<profile>) and is skipped when they exist, so an interrupted build resumes.
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tvm_training import stages  # noqa: E402
from tvm_training.common import PROFILES, SHIPPED_PROFILE, log  # noqa: E402
from tvm_training.curriculum import CURRICULA  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", choices=sorted(PROFILES), default=SHIPPED_PROFILE)
    parser.add_argument("--until", choices=stages.STAGE_NAMES, default=stages.STAGE_NAMES[-1],
                        help="stop after this stage")
    parser.add_argument("--bundle-dir", type=Path, default=None,
                        help=f"where to write the bundle (default: models/default for {SHIPPED_PROFILE}, else <cache>/bundle)")
    parser.add_argument("--label-paths", type=int, default=None, help="N_tr: sampled paths per training problem")
    parser.add_argument("--curriculum", choices=sorted(CURRICULA), default=None,
                        help="override the profile's curriculum (smoke and full: v1; medium: v2, more "
                             "families and phrasings, held-out templates); a v2 cache is <profile>-v2")
    parser.add_argument("--carry", type=Path, default=None,
                        help="also keep each policy checkpoint in this folder (commit it) and start from it on a machine "
                             "whose cache lacks it, e.g. training/runs/medium-v2 (tvm_training/carry.py)")
    args = parser.parse_args()
    profile = PROFILES[args.profile]
    if args.curriculum is not None:
        profile = dataclasses.replace(profile, curriculum=args.curriculum)
    started = time.monotonic()
    stages.run(profile, args.until, args.bundle_dir, args.label_paths, args.carry)
    log(f"pipeline --profile {profile.name} --until {args.until}: finished in {(time.monotonic() - started) / 60:.1f} min wall time")


if __name__ == "__main__":
    main()
