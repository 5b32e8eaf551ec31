"""How much the policy's success depends on the notation of a correct partial solution:

    python3 training/notation_probe.py --profile full [--problems 96] [--rollouts 4] [--out FILE]

Takes reference solutions of the test split cut after a random step (every prefix correct), writes
each prefix in several notations (notation.py) and rolls the policy out from each; the success rate
is the value a perfect verifier would give that prefix. A policy that only knows the reference
notation succeeds less often from the others, and a verifier then flags a correct line as a slip.
Only prefixes a notation changes count for it; "reference" is measured on the same prefixes.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tvm_training.common import PROFILES, curriculum_of, log  # noqa: E402
from tvm_training.data import prompt_of  # noqa: E402
from tvm_training.labels import rollout_success  # noqa: E402
from tvm_training.notation import REFERENCE, Style, restyle  # noqa: E402
from tvm_training.stages import open_finished  # noqa: E402

NOTATIONS = {
    "* and / inside $…$": Style(True, "*", "/", False),
    "\\cdot inside $…$": Style(True, "\\cdot", "\\div", False),
    "no $…$, * and /": Style(False, "*", "/", False),
    "no spaces": Style(True, "\\times", "\\div", True),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", choices=sorted(PROFILES), default="full")
    parser.add_argument("--problems", type=int, default=96)
    parser.add_argument("--rollouts", type=int, default=4)
    parser.add_argument("--out", type=Path, default=None, help="JSON report (default: only printed)")
    args = parser.parse_args()
    profile = PROFILES[args.profile]
    _, tok, splits, policy = open_finished(profile)
    test = splits.test
    stride = max(1, len(test) // args.problems)
    rng = random.Random(profile.seed + 400)
    cuts = []
    for ex in test[::stride][: args.problems]:
        if len(ex.steps) > 1:
            cuts.append((ex, rng.randrange(1, len(ex.steps))))
    report: dict[str, dict[str, float | int]] = {}
    for name, style in NOTATIONS.items():
        chosen = [(ex, j) for ex, j in cuts if any(restyle(s, style) != s for s in ex.steps[:j])]
        rates: dict[str, float] = {}
        for label, st in (("reference", REFERENCE), (name, style)):
            prefixes = [tok.encode(prompt_of(ex.question, curriculum_of(profile))) + tok.encode("\n".join(restyle(s, st) for s in ex.steps[:j]) + "\n")
                        for ex, j in chosen]
            success = rollout_success(policy, tok, prefixes, [ex.answer for ex, _ in chosen], args.rollouts,
                                      profile.seed + 401, profile.max_new_tokens)
            rates[label] = round(100 * sum(success) / max(1, len(success)), 1)
        report[name] = {"prefixes": len(chosen), "reference %": rates["reference"], "restyled %": rates[name]}
        log(f"{name}: {report[name]}")
    if args.out:
        args.out.write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
