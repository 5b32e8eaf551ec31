"""Verifier quality on held-out prefixes at intermediate steps: ROC-AUC of the value for "this prefix
can still reach the correct answer" (empirical rollout success >= 0.5) and the Brier score against the
empirical success rate; the same on student-error prefixes."""
from __future__ import annotations

import pickle
import random
from collections import defaultdict
from pathlib import Path

import torch

from .common import Profile, device, is_correct, log
from .curriculum import Example
from .data import prompt_of, right_padded
from .labels import MISTAKES, inject_mistake, newline_token_ids, rollout_success, step_ends
from .model import Decoder
from .policy import sample_paths
from .surprise import padded_logprobs, token_logprobs
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


def score_table(rows: list[dict[str, object]], policy: Decoder, verifiers: dict[str, Decoder], tok: BpeTokenizer,
                group_key: str) -> dict[str, dict[str, dict[str, float | int | None]]]:
    """{group: {verifier: {auc, brier, n}}} plus an 'intermediate' and 'all' group."""
    seqs: list[list[int]] = [r["seq"] for r in rows]  # type: ignore[misc]
    logprobs = token_logprobs(policy, seqs, tok)
    vals = {k: values_at(m, seqs, logprobs, tok.eos_id) for k, m in verifiers.items()}
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


def evaluation_rows(policy: Decoder, tok: BpeTokenizer, test: list[Example], hard: list[Example], profile: Profile,
                    cache: Path) -> dict[str, list[dict[str, object]]]:
    """Held-out prefixes with their rollout success: they depend on the policy only, so they are
    kept in the cache and every verifier (or variant of one) is scored on the same rows."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    half = profile.heldout_problems // 2
    rng = random.Random(profile.seed + 900)
    t, h = rng.sample(test, min(half, len(test))), rng.sample(hard, min(half, len(hard)))
    rows: dict[str, list[dict[str, object]]] = {}
    for split, probs in (("test", t), ("hard", h)):
        rows[f"{split}_steps"] = heldout_prefixes(policy, tok, probs, profile, split)
        rows[f"{split}_errors"] = error_prefixes(policy, tok, probs, profile, split)
        log(f"verifier eval rows {split}: {len(rows[f'{split}_steps'])} sampled prefixes, "
            f"{len(rows[f'{split}_errors'])} error prefixes")
    cache.write_bytes(pickle.dumps(rows))
    return rows


def evaluate_verifiers(policy: Decoder, verifiers: dict[str, Decoder], tok: BpeTokenizer,
                       rows: dict[str, list[dict[str, object]]]) -> dict[str, object]:
    report: dict[str, object] = {}
    for key, part in rows.items():
        table = score_table(part, policy, verifiers, tok, "step")
        report[key] = table
        log(f"verifier eval {key}: {table['intermediate' if key.endswith('steps') else 'all']}")
    return report
