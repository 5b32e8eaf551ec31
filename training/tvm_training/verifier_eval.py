"""Verifier quality on held-out prefixes at intermediate steps: ROC-AUC of the value for "this prefix
can still reach the correct answer" (empirical rollout success >= 0.5) and the Brier score against the
empirical success rate; the same on student-error prefixes."""
from __future__ import annotations

import pickle
import random
from collections import defaultdict
from pathlib import Path

import torch

from .calculator import Calculator
from .common import Profile, curriculum_of, device, is_correct, log
from .curriculum import Example
from .data import prompt_of, right_padded
from .labels import MISTAKES, inject_mistake, newline_token_ids, rollout_success, step_ends
from .model import Decoder
from .policy import sample_paths
from .surprise import padded_logprobs, token_logprobs
from .tokenizer import BpeTokenizer


def auc(scores: list[float], positive: list[bool]) -> float | None:
    """Mann-Whitney AUC from mid-ranks (ties count one half); O(n log n), so a bootstrap can afford it."""
    n_pos = sum(positive)
    n_neg = len(positive) - n_pos
    if n_pos == 0 or n_neg == 0:
        return None
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    rank_sum, i = 0.0, 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        mid_rank = (i + j) / 2 + 1
        rank_sum += mid_rank * sum(positive[order[k]] for k in range(i, j + 1))
        i = j + 1
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def brier(scores: list[float], rates: list[float]) -> float:
    return sum((s - r) ** 2 for s, r in zip(scores, rates)) / max(1, len(scores))


@torch.no_grad()
def values_at(model: Decoder, seqs: list[list[int]], logprobs: list[list[float]], pad_id: int, batch: int = 64
              ) -> list[float]:
    """Verifier value at the last token of each sequence (`logprobs`: the policy's, per token)."""
    dev = device()
    model.to(dev)
    out: list[float] = []
    for s in range(0, len(seqs), batch):
        part = seqs[s:s + batch]
        ids, mask = (t.to(dev) for t in right_padded(part, pad_id))
        width = ids.shape[1]
        lp = padded_logprobs(logprobs[s:s + batch], width).to(dev)
        pos = torch.arange(width, device=dev).unsqueeze(0).expand_as(ids)
        hidden, _ = model.trunk(ids, mask, pos, model.empty_past(len(part), dev), lp)
        vals = model.values(hidden).cpu()
        out += [float(vals[i, len(x) - 1]) for i, x in enumerate(part)]
    model.cpu()
    return out


def heldout_prefixes(policy: Decoder, tok: BpeTokenizer, problems: list[Example], profile: Profile, split: str,
                     calculator: Calculator | None = None) -> list[dict[str, object]]:
    """Sampled paths cut at every step end, each with its empirical rollout success."""
    nl = newline_token_ids(tok)
    prompts = [tok.encode(prompt_of(e.question, curriculum_of(profile))) for e in problems]
    paths = sample_paths(policy, tok, prompts, profile.heldout_paths, 0.7, profile.seed + 500, profile.max_new_tokens,
                         calculator=calculator)
    rows: list[dict[str, object]] = []
    for pi, (ex, prompt, conts) in enumerate(zip(problems, prompts, paths)):
        for c in {tuple(c): c for c in conts}.values():
            ends = step_ends(c, nl)
            for si, end in enumerate(ends):
                final = si == len(ends) - 1
                rows.append({"seq": prompt + c[: end + 1], "answer": ex.answer, "step": "final" if final else str(si + 1),
                             "rate": float(is_correct(tok.decode(c), ex.answer)) if final else None, "split": split,
                             "problem": pi})
    todo = [r for r in rows if r["rate"] is None]
    rates = rollout_success(policy, tok, [r["seq"] for r in todo], [r["answer"] for r in todo],  # type: ignore[misc]
                            profile.heldout_rollouts, profile.seed + 600, profile.max_new_tokens, calculator)
    for r, rate in zip(todo, rates):
        r["rate"] = rate
    return rows


def error_prefixes(policy: Decoder, tok: BpeTokenizer, problems: list[Example], profile: Profile, split: str,
                   calculator: Calculator | None = None) -> list[dict[str, object]]:
    """Reference prefixes with and without one injected mistake in their last step."""
    rng = random.Random(profile.seed + 700)
    rows: list[dict[str, object]] = []
    for pi, ex in enumerate(problems):
        j = rng.randrange(len(ex.steps))
        kind = rng.choice(MISTAKES)
        wrong = inject_mistake(ex.steps[j], kind, rng)
        prompt = tok.encode(prompt_of(ex.question, curriculum_of(profile)))
        rows.append({"seq": prompt + tok.encode("\n".join(ex.steps[: j + 1]) + "\n"), "answer": ex.answer,
                     "step": "clean", "split": split, "problem": pi})
        if wrong is not None and wrong != ex.steps[j]:
            rows.append({"seq": prompt + tok.encode("\n".join(ex.steps[:j] + [wrong]) + "\n"), "answer": ex.answer,
                         "step": kind, "split": split, "problem": pi})
    rates = rollout_success(policy, tok, [r["seq"] for r in rows], [r["answer"] for r in rows],  # type: ignore[misc]
                            profile.heldout_rollouts, profile.seed + 800, profile.max_new_tokens, calculator)
    for r, rate in zip(rows, rates):
        r["rate"] = rate
    return rows


def row_values(rows: list[dict[str, object]], policy: Decoder, verifiers: dict[str, Decoder], tok: BpeTokenizer,
               calculator: Calculator | None = None) -> dict[str, list[float]]:
    seqs: list[list[int]] = [r["seq"] for r in rows]  # type: ignore[misc]
    logprobs = token_logprobs(policy, seqs, tok, calculator=calculator)
    return {k: values_at(m, seqs, logprobs, tok.eos_id) for k, m in verifiers.items()}


def step_groups(rows: list[dict[str, object]]) -> dict[str, list[int]]:
    """Row indices by step label, plus an 'intermediate' (every step but the final) and 'all' group."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        g = str(r["step"])
        groups[g].append(i)
        groups["all"].append(i)
        if g != "final":
            groups["intermediate"].append(i)
    return groups


def score_table(rows: list[dict[str, object]], vals: dict[str, list[float]], groups: dict[str, list[int]]
                ) -> dict[str, dict[str, dict[str, float | int | None]]]:
    """{group: {verifier: {auc, brier, n}}}."""
    table: dict[str, dict[str, dict[str, float | int | None]]] = {}
    for g, idx in groups.items():
        rates = [float(rows[i]["rate"]) for i in idx]  # type: ignore[arg-type]
        table[g] = {}
        for k in vals:
            s = [vals[k][i] for i in idx]
            a = auc(s, [r >= 0.5 for r in rates])
            table[g][k] = {"auc": None if a is None else round(a, 3), "brier": round(brier(s, rates), 3), "n": len(idx)}
    return table


def percentile_interval(draws: list[float]) -> tuple[float, float]:
    """The 95 % interval of bootstrap draws (2.5th and 97.5th percentiles, nearest rank)."""
    d = sorted(draws)
    return d[int(0.025 * len(d))], d[int(0.975 * len(d)) - 1]


def tvm_margins(rows: list[dict[str, object]], vals: dict[str, list[float]], idx: list[int], seed: int,
                resamples: int = 1000) -> dict[str, dict[str, list[float]]]:
    """The TVM's AUC gain and Brier reduction over each baseline on the rows `idx`, with a 95 % paired
    bootstrap interval that resamples problems (prefixes of one problem are not independent):
    {baseline: {"auc": [margin, low, high], "brier": [...]}}; positive margins favour the TVM."""
    by_problem: dict[object, list[int]] = defaultdict(list)
    for i in idx:
        by_problem[rows[i]["problem"]].append(i)
    problems = list(by_problem)
    rng = random.Random(seed)

    def margins(sample: list[int]) -> dict[str, tuple[float, float] | None]:
        rates = [float(rows[i]["rate"]) for i in sample]  # type: ignore[arg-type]
        positive = [r >= 0.5 for r in rates]
        scores = {k: [v[i] for i in sample] for k, v in vals.items()}
        aucs = {k: auc(s, positive) for k, s in scores.items()}
        briers = {k: brier(s, rates) for k, s in scores.items()}
        a_t = aucs["tvm"]
        return {k: None if a_t is None or a_k is None else (a_t - a_k, briers[k] - briers["tvm"])
                for k, a_k in aucs.items() if k != "tvm"}

    point = margins(idx)
    draws: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for _ in range(resamples):
        sample = [i for _ in problems for i in by_problem[problems[rng.randrange(len(problems))]]]
        for k, m in margins(sample).items():
            if m is not None:
                draws[k].append(m)
    report: dict[str, dict[str, list[float]]] = {}
    for k, m in point.items():
        if m is None or not draws[k]:
            continue
        report[k] = {}
        for j, metric in enumerate(("auc", "brier")):
            low, high = percentile_interval([x[j] for x in draws[k]])
            report[k][metric] = [round(m[j], 3), round(low, 3), round(high, 3)]
    return report


def heldout_key(profile: Profile) -> str:
    """Names what the evaluation rows depend on besides the policy: the held-out sizes."""
    return f"p{profile.heldout_problems}-k{profile.heldout_paths}-r{profile.heldout_rollouts}"


def evaluation_rows(policy: Decoder, tok: BpeTokenizer, test: list[Example], hard: list[Example], profile: Profile,
                    out: Path, calculator: Calculator | None = None) -> dict[str, list[dict[str, object]]]:
    """Held-out prefixes with their rollout success: they depend on the policy and the held-out
    sizes only, so they are kept in the cache folder `out` (named after those sizes) and every
    verifier (or variant of one) is scored on the same rows. With `calculator` (the profile's
    `calculator`) paths and rollouts are sampled as the engine samples them."""
    cache = out / f"verifier_eval_rows-{heldout_key(profile)}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    half = profile.heldout_problems // 2
    rng = random.Random(profile.seed + 900)
    t, h = rng.sample(test, min(half, len(test))), rng.sample(hard, min(half, len(hard)))
    rows: dict[str, list[dict[str, object]]] = {}
    for split, probs in (("test", t), ("hard", h)):
        rows[f"{split}_steps"] = heldout_prefixes(policy, tok, probs, profile, split, calculator)
        rows[f"{split}_errors"] = error_prefixes(policy, tok, probs, profile, split, calculator)
        log(f"verifier eval rows {split}: {len(rows[f'{split}_steps'])} sampled prefixes, "
            f"{len(rows[f'{split}_errors'])} error prefixes")
    cache.write_bytes(pickle.dumps(rows))
    return rows


def evaluate_verifiers(policy: Decoder, verifiers: dict[str, Decoder], tok: BpeTokenizer,
                       rows: dict[str, list[dict[str, object]]], seed: int, calculator: Calculator | None = None) -> dict[str, object]:
    """Per-step tables for every row set, and under "margins" the TVM's mid-path (sampled prefixes)
    and overall (student-error prefixes) margins over the baselines with bootstrap intervals. With
    `calculator`, the verifiers read a correct calculated result at 0 nats, as in the engine."""
    report: dict[str, object] = {}
    margins: dict[str, object] = {}
    for key, part in rows.items():
        vals = row_values(part, policy, verifiers, tok, calculator)
        groups = step_groups(part)
        table = score_table(part, vals, groups)
        report[key] = table
        group = "intermediate" if key.endswith("steps") else "all"
        if "tvm" in vals:
            margins[key] = tvm_margins(part, vals, groups[group], seed + 1000)
        log(f"verifier eval {key}: {table.get(group)}; TVM margins {margins.get(key)}")
    report["margins"] = margins
    return report
