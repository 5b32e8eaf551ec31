"""Verifier quality on held-out prefixes at intermediate steps: ROC-AUC of the value for "this prefix
can still reach the correct answer" (empirical rollout success >= 0.5) and the Brier score against the
empirical success rate; the same on student-error prefixes."""
from __future__ import annotations

import random
from collections import defaultdict

import torch

from .common import Profile, is_correct, log
from .curriculum import Example
from .data import prompt_of
from .labels import MISTAKES, inject_mistake, newline_token_ids, rollout_success, step_ends
from .model import Decoder
from .policy import sample_paths
from .tokenizer import BpeTokenizer


def auc(scores: list[float], positive: list[bool]) -> float | None:
    pos = [s for s, p in zip(scores, positive) if p]
    neg = [s for s, p in zip(scores, positive) if not p]
    if not pos or not neg:
        return None
    wins = 0.0
    for p in pos:
        for n in neg:
            wins += 1.0 if p > n else 0.5 if p == n else 0.0
    return wins / (len(pos) * len(neg))


def brier(scores: list[float], rates: list[float]) -> float:
    return sum((s - r) ** 2 for s, r in zip(scores, rates)) / max(1, len(scores))


@torch.no_grad()
def values_at(model: Decoder, seqs: list[list[int]], pad_id: int, batch: int = 64) -> list[float]:
    """Verifier value at the last token of each sequence."""
    out: list[float] = []
    for s in range(0, len(seqs), batch):
        part = seqs[s:s + batch]
        width = max(len(x) for x in part)
        ids = torch.full((len(part), width), pad_id, dtype=torch.long)
        mask = torch.zeros((len(part), width), dtype=torch.long)
        for i, x in enumerate(part):
            ids[i, : len(x)] = torch.tensor(x)
            mask[i, : len(x)] = 1
        pos = torch.arange(width).unsqueeze(0).expand_as(ids)
        hidden, _ = model.trunk(ids, mask, pos, model.empty_past(len(part)))
        vals = model.values(hidden)
        out += [float(vals[i, len(x) - 1]) for i, x in enumerate(part)]
    return out


def heldout_prefixes(policy: Decoder, tok: BpeTokenizer, problems: list[Example], profile: Profile, split: str
                     ) -> list[dict[str, object]]:
    """Sampled paths cut at every step end, each with its empirical rollout success."""
    nl = newline_token_ids(tok)
    prompts = [tok.encode(prompt_of(e.question)) for e in problems]
    paths = sample_paths(policy, tok, prompts, profile.heldout_paths, 0.7, profile.seed + 500, profile.max_new_tokens)
    rows: list[dict[str, object]] = []
    for ex, prompt, conts in zip(problems, prompts, paths):
        for c in {tuple(c): c for c in conts}.values():
            ends = step_ends(c, nl)
            for si, end in enumerate(ends):
                final = si == len(ends) - 1
                rows.append({"seq": prompt + c[: end + 1], "answer": ex.answer, "step": "final" if final else str(si + 1),
                             "rate": float(is_correct(tok.decode(c), ex.answer)) if final else None, "split": split})
    todo = [r for r in rows if r["rate"] is None]
    rates = rollout_success(policy, tok, [r["seq"] for r in todo], [r["answer"] for r in todo],  # type: ignore[misc]
                            profile.heldout_rollouts, profile.seed + 600, profile.max_new_tokens)
    for r, rate in zip(todo, rates):
        r["rate"] = rate
    return rows


def error_prefixes(policy: Decoder, tok: BpeTokenizer, problems: list[Example], profile: Profile, split: str
                   ) -> list[dict[str, object]]:
    """Reference prefixes with and without one injected mistake in their last step."""
    rng = random.Random(profile.seed + 700)
    rows: list[dict[str, object]] = []
    for ex in problems:
        j = rng.randrange(len(ex.steps))
        kind = rng.choice(MISTAKES)
        wrong = inject_mistake(ex.steps[j], kind, rng)
        prompt = tok.encode(prompt_of(ex.question))
        rows.append({"seq": prompt + tok.encode("\n".join(ex.steps[: j + 1]) + "\n"), "answer": ex.answer,
                     "step": "clean", "split": split})
        if wrong is not None and wrong != ex.steps[j]:
            rows.append({"seq": prompt + tok.encode("\n".join(ex.steps[:j] + [wrong]) + "\n"), "answer": ex.answer,
                         "step": kind, "split": split})
    rates = rollout_success(policy, tok, [r["seq"] for r in rows], [r["answer"] for r in rows],  # type: ignore[misc]
                            profile.heldout_rollouts, profile.seed + 800, profile.max_new_tokens)
    for r, rate in zip(rows, rates):
        r["rate"] = rate
    return rows


def score_table(rows: list[dict[str, object]], verifiers: dict[str, Decoder], pad_id: int, group_key: str
                ) -> dict[str, dict[str, dict[str, float | int | None]]]:
    """{group: {verifier: {auc, brier, n}}} plus an 'intermediate' and 'all' group."""
    seqs = [r["seq"] for r in rows]
    vals = {k: values_at(m, seqs, pad_id) for k, m in verifiers.items()}  # type: ignore[arg-type]
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        g = str(r[group_key])
        groups[g].append(i)
        groups["all"].append(i)
        if group_key == "step" and g != "final":
            groups["intermediate"].append(i)
    table: dict[str, dict[str, dict[str, float | int | None]]] = {}
    for g, idx in groups.items():
        rates = [float(rows[i]["rate"]) for i in idx]  # type: ignore[arg-type]
        table[g] = {}
        for k in verifiers:
            s = [vals[k][i] for i in idx]
            a = auc(s, [r >= 0.5 for r in rates])
            table[g][k] = {"auc": None if a is None else round(a, 3), "brier": round(brier(s, rates), 3), "n": len(idx)}
    return table


def evaluate_verifiers(policy: Decoder, verifiers: dict[str, Decoder], tok: BpeTokenizer, test: list[Example],
                       hard: list[Example], profile: Profile) -> dict[str, object]:
    half = profile.heldout_problems // 2
    rng = random.Random(profile.seed + 900)
    t, h = rng.sample(test, min(half, len(test))), rng.sample(hard, min(half, len(hard)))
    report: dict[str, object] = {}
    for split, probs in (("test", t), ("hard", h)):
        rows = heldout_prefixes(policy, tok, probs, profile, split)
        report[f"{split}_steps"] = score_table(rows, verifiers, tok.eos_id, "step")
        log(f"verifier eval {split}: {report[f'{split}_steps']['intermediate']}")
        err = error_prefixes(policy, tok, probs, profile, split)
        report[f"{split}_errors"] = score_table(err, verifiers, tok.eos_id, "step")
        log(f"verifier eval {split} error prefixes: {report[f'{split}_errors']['all']}")
    return report
