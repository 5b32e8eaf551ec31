"""Empirical value labels from sampled paths: TVM (prefix trie), ORM (outcome), PRM (Math-Shepherd
hard estimate from rollouts), and student-error prefixes labelled by rolling the policy out from them.

A `LabelledPath` holds the full token sequence (prompt + solution), the index where supervision
starts, and one label per token for each verifier kind.
"""
from __future__ import annotations

import gzip
import pickle
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from .calculator import Calculator
from .common import Profile, curriculum_of, is_correct, log
from .curriculum import TRAIN, Curriculum, Example, normalise
from .data import prompt_of
from .model import Decoder
from .policy import sample_paths
from .tokenizer import BpeTokenizer


@dataclass
class LabelledPath:
    ids: list[int]
    start: int                      # first supervised position (a solution token)
    tvm: list[float]
    orm: list[float]
    prm: list[float]
    weight: float = 1.0
    source: str = "sampled"         # or "error"
    meta: dict[str, object] = field(default_factory=dict)


class Trie:
    """Counts of (paths, correct paths) through every token prefix; one pass, O(total tokens)."""

    def __init__(self) -> None:
        self.children: dict[int, Trie] = {}
        self.total = 0
        self.correct = 0

    def add(self, tokens: list[int], ok: bool, first_counted: int = 0) -> None:
        """Counts the path at the prefixes ending at index `first_counted` and later: a rollout
        sampled from a prefix is a sample of that prefix and of what follows, not of its ancestors."""
        node = self
        for i, t in enumerate(tokens):
            node = node.children.setdefault(t, Trie())
            if i >= first_counted:
                node.total += 1
                node.correct += int(ok)

    def values(self, tokens: list[int]) -> list[tuple[int, int]]:
        node, out = self, []
        for t in tokens:
            node = node.children[t]
            out.append((node.correct, node.total))
        return out


def step_ends(tokens: list[int], newline_ids: set[int]) -> list[int]:
    """Indices (into `tokens`) of the last token of each step."""
    ends = [i for i, t in enumerate(tokens) if t in newline_ids]
    if not ends or ends[-1] != len(tokens) - 1:
        ends.append(len(tokens) - 1)
    return ends


def step_spread(tokens: list[int], newline_ids: set[int], per_step: list[float]) -> list[float]:
    out, s = [], 0
    ends = step_ends(tokens, newline_ids)
    for i in range(len(tokens)):
        out.append(per_step[s])
        if i == ends[s] and s + 1 < len(ends):
            s += 1
    return out


def newline_token_ids(tok: BpeTokenizer) -> set[int]:
    return {i for t, i in tok.vocab.items() if "Ċ" in t}


SAMPLED_CHUNK = 64
ERROR_CHUNK = 128

GZIP_MAGIC = b"\x1f\x8b"


def resume_point(checkpoint: Path | None) -> tuple[list[LabelledPath], int]:
    """Rows labelled so far and where to go on; every chunk is seeded by its own start, so a
    resumed run labels the rest exactly as an uninterrupted one would."""
    if checkpoint is None or not checkpoint.exists():
        return [], 0
    data = checkpoint.read_bytes()
    # gzip'd since the progress may be carried in the repository; a checkpoint written before that is plain.
    saved = pickle.loads(gzip.decompress(data) if data[:2] == GZIP_MAGIC else data)
    return saved["rows"], saved["next"]


def save_progress(checkpoint: Path | None, rows: list[LabelledPath], next_start: int) -> None:
    if checkpoint is None:
        return
    tmp = checkpoint.with_suffix(".tmp")
    # gzip'd (the token lists shrink ~35x) so that a run with --carry keeps it in the repository (stages.py).
    with gzip.GzipFile(tmp, "wb", compresslevel=6, mtime=0) as out:
        out.write(pickle.dumps({"rows": rows, "next": next_start}))
    tmp.replace(checkpoint)


def label_problems(profile: Profile, held_out: set[str]) -> list[Example]:
    rng = random.Random(profile.seed + 11)
    out: list[Example] = []
    curriculum = curriculum_of(profile)
    families = curriculum.names
    while len(out) < profile.label_problems:
        ex = curriculum.generate(families[len(out) % len(families)], rng, TRAIN)
        if normalise(ex.question) not in held_out:
            out.append(ex)
    return out


def rollouts(model: Decoder, tok: BpeTokenizer, prefixes: list[list[int]], answers: list[str], n: int,
             seed: int, max_new: int, calculator: Calculator | None = None) -> list[list[tuple[list[int], bool]]]:
    """n policy continuations of each prefix (prompt + partial solution), each with whether it is correct."""
    if not prefixes:
        return []
    conts = sample_paths(model, tok, prefixes, n, 0.7, seed, max_new, calculator=calculator)
    return [[(c, is_correct(tok.decode(prefix + c), answer)) for c in cs]
            for prefix, answer, cs in zip(prefixes, answers, conts)]


def rollout_success(model: Decoder, tok: BpeTokenizer, prefixes: list[list[int]], answers: list[str], n: int,
                    seed: int, max_new: int, calculator: Calculator | None = None) -> list[float]:
    """Fraction of n policy rollouts from each prefix (prompt + partial solution) that are correct."""
    return [sum(ok for _, ok in rs) / n for rs in rollouts(model, tok, prefixes, answers, n, seed, max_new, calculator)]


def sampled_path_labels(model: Decoder, tok: BpeTokenizer, problems: list[Example], profile: Profile,
                        checkpoint: Path | None = None, calculator: Calculator | None = None) -> list[LabelledPath]:
    nl = newline_token_ids(tok)
    prompts = [tok.encode(prompt_of(e.question, curriculum_of(profile))) for e in problems]
    result, first = resume_point(checkpoint)
    for start in range(first, len(problems), SAMPLED_CHUNK):
        probs, prs = problems[start:start + SAMPLED_CHUNK], prompts[start:start + SAMPLED_CHUNK]
        paths = sample_paths(model, tok, prs, profile.label_paths, 0.7, profile.seed + 100 + start,
                             profile.max_new_tokens, calculator=calculator)
        # Distinct paths keep their multiplicity as a weight; identical paths have identical labels.
        pending_prefixes: list[list[int]] = []
        pending_answers: list[str] = []
        pending_keys: list[tuple[int, tuple[int, ...]]] = []
        pending_seen: set[tuple[int, tuple[int, ...]]] = set()
        per_problem = []
        for pi, (ex, prompt, conts) in enumerate(zip(probs, prs, paths)):
            outcomes = [is_correct(tok.decode(c), ex.answer) for c in conts]
            trie = Trie()
            for c, ok in zip(conts, outcomes):
                trie.add(c, ok)
            distinct: dict[tuple[int, ...], tuple[bool, int]] = {}
            for c, ok in zip(conts, outcomes):
                key = tuple(c)
                distinct[key] = (ok, distinct.get(key, (ok, 0))[1] + 1)
            per_problem.append((ex, prompt, trie, distinct))
            for c in distinct:
                for end in step_ends(list(c), nl)[:-1]:
                    correct, _ = trie.values(list(c[: end + 1]))[-1]
                    if correct == 0:
                        key = (pi, c[: end + 1])
                        if key not in pending_seen:
                            pending_seen.add(key)
                            pending_keys.append(key)
                            pending_prefixes.append(prompt + list(c[: end + 1]))
                            pending_answers.append(ex.answer)
        done = rollouts(model, tok, pending_prefixes, pending_answers, profile.prm_rollouts,
                        profile.seed + 200 + start, profile.max_new_tokens, calculator)
        rollout_good = {k: any(ok for _, ok in rs) for k, rs in zip(pending_keys, done)}
        # The PRM's rollouts from a step end are sampled paths sharing that prefix: they join the
        # TVM's trie at and below it, so the labels after a path's last shared token average more
        # than its own outcome.
        for (pi, solution_prefix), rs in zip(pending_keys, done):
            _, _, trie, _ = per_problem[pi]
            for c, ok in rs:
                trie.add(list(solution_prefix) + c, ok, first_counted=len(solution_prefix) - 1)
        for pi, (ex, prompt, trie, distinct) in enumerate(per_problem):
            for c, (ok, count) in distinct.items():
                toks = list(c)
                tvm = [cor / tot for cor, tot in trie.values(toks)]
                ends = step_ends(toks, nl)
                step_good = []
                for si, end in enumerate(ends):
                    if si == len(ends) - 1:
                        step_good.append(float(ok))
                    else:
                        # Prefixes a sampled path completed correctly had no rollouts.
                        step_good.append(float(rollout_good.get((pi, c[: end + 1]), True)))
                # Labels for position k describe the prefix ending at token k; the prompt's last
                # token predicts nothing, so supervision starts at the first solution token.
                result.append(LabelledPath(ids=prompt + toks, start=len(prompt), tvm=tvm, orm=[float(ok)] * len(toks),
                                           prm=step_spread(toks, nl, step_good), weight=float(count),
                                           meta={"family": ex.family}))
        save_progress(checkpoint, result, start + SAMPLED_CHUNK)
        log(f"labels: {min(start + SAMPLED_CHUNK, len(problems))}/{len(problems)} problems, {len(result)} distinct paths, "
            f"{len(pending_prefixes)} PRM rollout prefixes")
    return result


# ---------------------------------------------------------------- student errors

STEP_RE = re.compile(r"^\$(-?\d+) (\+|-|\\times|\\div) \(?(-?\d+)\)? = (-?\d+)\$$")
NUMBER_RE = re.compile(r"-?\d+")
OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "\\times": lambda a, b: a * b}

MISTAKES = ["arithmetic slip", "sign error", "wrong operation", "dropped term", "wrong order"]


def inject_mistake(line: str, kind: str, rng: random.Random) -> str | None:
    """A typical student mistake in one step line, or None when the kind does not apply."""
    m = STEP_RE.match(line)
    if m:
        a, op, b, c = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
        lhs = line[: line.rindex("=")]
        if kind == "arithmetic slip":
            return f"{lhs}= {c + rng.choice([-10, -2, -1, 1, 2, 10])}$"
        if kind == "sign error" and c != 0:
            return f"{lhs}= {-c}$"
        if kind == "wrong operation":
            wrong = rng.choice([o for o in OPS if o != op])
            return f"{lhs}= {OPS[wrong](a, b)}$"
        if kind == "dropped term":
            return f"{lhs}= {a}$"
        if kind == "wrong order" and op in ("-", "\\div") and a != b:
            return f"{lhs}= {OPS['-'](b, a) if op == '-' else (b // a if a and b % a == 0 else b)}$"
        return None
    nums = list(NUMBER_RE.finditer(line))
    if not nums:
        return None
    last = nums[-1]
    value = int(last.group())
    if kind == "arithmetic slip":
        new = value + rng.choice([-3, -1, 1, 2, 5])
    elif kind == "sign error" and value != 0:
        new = -value
    else:
        return None
    return line[: last.start()] + str(new) + line[last.end():]


def error_prefix_labels(model: Decoder, tok: BpeTokenizer, curriculum: Curriculum, problems: list[Example], n_prefixes: int,
                        rollouts: int, seed: int, max_new: int, checkpoint: Path | None = None,
                        calculator: Calculator | None = None) -> list[LabelledPath]:
    """Pairs of reference prefixes cut after step j: one with step j mistaken, one as written, each
    labelled by policy rollouts from its end. Both are supervised from the first token where they
    differ, so the only thing that tells their labels apart is the mistake itself: without the
    clean twin, a verifier can lower its values on whatever error rows share (their length, the
    step-closing tokens) instead of on the wrong number."""
    rng = random.Random(seed)
    nl = newline_token_ids(tok)
    made: list[tuple[Example, list[int], list[int], int, str]] = []
    attempts = 0
    while len(made) < 2 * n_prefixes and attempts < n_prefixes * 20:
        attempts += 1
        ex = problems[rng.randrange(len(problems))]
        j = rng.randrange(len(ex.steps))
        kind = rng.choice(MISTAKES)
        wrong = inject_mistake(ex.steps[j], kind, rng)
        if wrong is None or wrong == ex.steps[j]:
            continue
        prompt = tok.encode(prompt_of(ex.question, curriculum))
        good = tok.encode("\n".join(ex.steps[: j + 1]) + "\n")
        bad = tok.encode("\n".join(ex.steps[:j] + [wrong]) + "\n")
        first_diff = next((i for i, (x, y) in enumerate(zip(good, bad)) if x != y), min(len(good), len(bad)))
        made.append((ex, prompt, bad, first_diff, kind))
        made.append((ex, prompt, good, first_diff, "clean"))
    out, first = resume_point(checkpoint)
    for s in range(first, len(made), ERROR_CHUNK):
        part = made[s:s + ERROR_CHUNK]
        conts = sample_paths(model, tok, [p + b for _, p, b, _, _ in part], rollouts, 0.7, seed + s, max_new,
                             calculator=calculator)
        for (ex, prompt, prefix, first_diff, kind), cs in zip(part, conts):
            outcomes = [is_correct(tok.decode(prefix + c), ex.answer) for c in cs]
            trie = Trie()
            for c, ok in zip(cs, outcomes):
                trie.add(prefix + c, ok)
            any_good = float(any(outcomes))
            # PRM: the last step of the prefix (and every step before it) is judged by all
            # rollouts from its end; later steps of a rollout by its own outcome.
            n_prefix_steps = len(step_ends(prefix, nl))
            for c, ok in zip(cs, outcomes):
                toks = prefix + c
                tvm = [cor / tot for cor, tot in trie.values(toks)]
                ends = step_ends(toks, nl)
                step_good = [any_good if i < n_prefix_steps else float(ok) for i in range(len(ends))]
                out.append(LabelledPath(ids=prompt + toks, start=len(prompt) + first_diff, tvm=tvm[first_diff:],
                                        orm=[float(ok)] * (len(toks) - first_diff),
                                        prm=step_spread(toks, nl, step_good)[first_diff:], source="error",
                                        meta={"family": ex.family, "mistake": kind}))
        save_progress(checkpoint, out, s + ERROR_CHUNK)
        log(f"error prefix pairs: {min(s + ERROR_CHUNK, len(made)) // 2}/{len(made) // 2}")
    return out
