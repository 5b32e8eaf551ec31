"""Tokenizer, splits and supervised fine-tuning of the policy; resumable from its checkpoint."""
from __future__ import annotations

import math
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import torch

from .calculator import Calculator
from .common import Profile, canonical, curriculum_of, device, device_name, extract_answer, is_correct, log, save_checkpoint, training_autocast, write_json
from .curriculum import TRAIN, Example, sample_family
from .curriculum.vocabulary import word_list_texts
from .data import Batch, Splits, collate, encode_example, make_splits, prompt_of, read_split, training_example, write_split
from .grading import answers_equivalent
from .model import Decoder, ModelConfig, count_parameters
from .notation import varied
from .sampling import Continuation, sample_continuations
from .tokenizer import BpeTokenizer, train_bpe


def tokenizer_corpus(profile: Profile, n: int) -> list[str]:
    """The first n texts the tokenizer's merges are learned from (prompt + solution), and for a
    curriculum with school_words, the school word list (curriculum/vocabulary.py)."""
    rng = random.Random(profile.seed)
    curriculum = curriculum_of(profile)
    texts = []
    for _ in range(n):
        ex = varied(curriculum.generate(sample_family(rng, curriculum.mixture(0.5)), rng, TRAIN), rng)
        texts.append(prompt_of(ex.question, curriculum) + ex.solution())
    return texts + (word_list_texts(n) if curriculum.school_words else [])


def build_tokenizer(profile: Profile, out: Path) -> BpeTokenizer:
    path = out / "tokenizer.json"
    if path.exists():
        return BpeTokenizer.load(path)
    texts = tokenizer_corpus(profile, profile.tokenizer_texts)
    tok = BpeTokenizer(train_bpe(texts, profile.vocab_size))
    tok.save(path)
    log(f"tokenizer: {tok.size} tokens from {len(texts)} texts")
    return tok


def build_splits(profile: Profile, out: Path) -> Splits:
    d = out / "splits"
    if (d / "hard.jsonl").exists():
        heldout = d / "heldout_template.jsonl"
        return Splits(read_split(d / "val.jsonl"), read_split(d / "test.jsonl"), read_split(d / "hard.jsonl"),
                      read_split(heldout) if heldout.exists() else [])
    d.mkdir(exist_ok=True)
    s = make_splits(curriculum_of(profile), profile.seed + 1, profile.test_per_family, profile.val_per_family, profile.hard_per_family)
    for name, exs in (("val", s.val), ("test", s.test), ("hard", s.hard), ("heldout_template", s.heldout_template)):
        if exs:
            write_split(d / f"{name}.jsonl", exs)
    return s


def model_config(profile: Profile, tok: BpeTokenizer) -> ModelConfig:
    return ModelConfig(vocab_size=tok.size, d_model=profile.d_model, n_layer=profile.n_layer, n_head=profile.n_head)


def lr_at(step: int, total: int, peak: float, warmup: int = 300) -> float:
    if step < warmup:
        return peak * (step + 1) / warmup
    frac = (step - warmup) / max(1, total - warmup)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, frac))))


BUCKETS = 4
CHECKPOINT_EVERY = 1000


def length_bucketed(tok: BpeTokenizer, profile: Profile, step: int, progress: float, held_out: set[str]
                    ) -> list[tuple[list[int], int]]:
    """Draw BUCKETS batches at once, sort them by length and return this step's slice: less padding."""
    group = step // BUCKETS
    curriculum = curriculum_of(profile)
    pool = [encode_example(tok, training_example(curriculum, group, i, profile.seed, progress, held_out), curriculum)
            for i in range(profile.batch_size * BUCKETS)]
    pool.sort(key=lambda sp: len(sp[0]))
    k = step % BUCKETS
    return pool[k * profile.batch_size:(k + 1) * profile.batch_size]


def solution_loss(model: Decoder, batch: Batch, dev: torch.device, reduction: str = "mean") -> torch.Tensor:
    """Cross-entropy of the solution tokens (prompts carry no loss): the policy's training loss."""
    return token_losses(model, batch, dev, problem_weight=0.0, reduction=reduction)[0]


def token_losses(model: Decoder, batch: Batch, dev: torch.device, problem_weight: float,
                 reduction: str = "mean") -> tuple[torch.Tensor, torch.Tensor | None]:
    """The solution tokens' cross-entropy and, when problem_weight > 0, the prompt tokens' (one pass).

    A policy that also learns to predict problem statements can tell how familiar a new problem's
    wording is (its surprise at the statement: the out-of-distribution signal of issue 15)."""
    pos = torch.arange(batch.ids.shape[1], device=dev).unsqueeze(0).expand_as(batch.ids)
    hidden, _ = model.trunk(batch.ids, batch.mask, pos, model.empty_past(batch.ids.shape[0], dev))
    solution = batch.loss_mask[:, :-1] > 0
    # The LM head runs only where there is a token to predict with a loss.
    where = solution | (batch.mask[:, 1:] > 0) if problem_weight > 0 else solution
    losses = torch.nn.functional.cross_entropy(model.logits(hidden[:, :-1][where]), batch.ids[:, 1:][where],
                                               reduction="none")
    on_solution = solution[where]
    reduce = torch.mean if reduction == "mean" else torch.sum
    problem = reduce(losses[~on_solution]) if problem_weight > 0 else None
    return reduce(losses[on_solution]), problem


def validation_loss(model: Decoder, tok: BpeTokenizer, examples: list[Example], profile: Profile, batch_rows: int = 64) -> float:
    """Mean per-token solution loss over fixed examples (e.g. the val split), masked as in training."""
    dev = next(model.parameters()).device
    seqs = sorted((encode_example(tok, e, curriculum_of(profile)) for e in examples), key=lambda sp: len(sp[0]))
    total, count = 0.0, 0
    was_training = model.training
    model.eval()
    with torch.no_grad():
        for start in range(0, len(seqs), batch_rows):
            batch = collate(seqs[start:start + batch_rows], model.cfg.max_positions, tok.eos_id).to(dev)
            total += float(solution_loss(model, batch, dev, reduction="sum"))
            count += int((batch.loss_mask[:, :-1] > 0).sum())
    model.train(was_training)
    return total / max(1, count)


# Called after each optimizer step with (model, step, tokens seen, this step's loss); True stops training.
StepHook = Callable[[Decoder, int, int, float], bool]


def train_policy(profile: Profile, out: Path, tok: BpeTokenizer, splits: Splits, on_step: StepHook | None = None,
                 on_checkpoint: Callable[[dict], None] | None = None, start_from: Path | None = None,
                 stop_at: int | None = None) -> Decoder:
    """Trains the policy, resuming from the cache's checkpoint; a run with no checkpoint yet starts
    from the weights of the policy checkpoint `start_from` (a warm start) when given, else from random.
    `stop_at`: a step (a multiple of the checkpoint interval) to stop at with a checkpoint and no
    training record, as if interrupted there; the schedule stays the profile's."""
    if stop_at is not None and stop_at % CHECKPOINT_EVERY:
        raise ValueError(f"stop_at {stop_at} is not a multiple of {CHECKPOINT_EVERY}: no checkpoint would be saved there")
    ckpt = out / "policy.pt"
    cfg = model_config(profile, tok)
    dev = device()
    model = Decoder(cfg).to(dev)
    opt = torch.optim.AdamW(model.parameters(), lr=profile.lr, betas=(0.9, 0.98), weight_decay=0.05)
    step, tokens_seen, seconds = 0, 0, 0.0
    if ckpt.exists():
        state = torch.load(ckpt, map_location=dev)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        step, tokens_seen, seconds = int(state["step"]), int(state["tokens"]), float(state["seconds"])
        log(f"policy: resumed at step {step}")
    elif start_from is not None:
        state = torch.load(start_from, map_location=dev)
        if state["config"] != cfg.to_dict():
            raise SystemExit(f"{start_from} holds a policy of another shape ({state['config']}) than profile {profile.name} "
                             f"trains ({cfg.to_dict()})")
        model.load_state_dict(state["model"])
        log(f"policy: starts from {start_from} (step {state['step']} of its run)")
    log(f"policy: {count_parameters(model) / 1e6:.2f}M parameters, {profile.policy_steps} steps")
    held_out = splits.held_out()
    model.train()
    t0, window_tokens, window_loss, window_problem_loss, window_n = time.time(), 0, 0.0, 0.0, 0
    while step < min(stop_at or profile.policy_steps, profile.policy_steps):
        progress = (step // BUCKETS * BUCKETS) / profile.policy_steps
        batch = collate(length_bucketed(tok, profile, step, progress, held_out), cfg.max_positions, tok.eos_id).to(dev)
        for g in opt.param_groups:
            g["lr"] = lr_at(step, profile.policy_steps, profile.lr)
        with training_autocast():
            loss, problem_loss = token_losses(model, batch, dev, profile.problem_loss_weight)
        opt.zero_grad(set_to_none=True)
        (loss if problem_loss is None else loss + profile.problem_loss_weight * problem_loss).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        n_tok = int(batch.mask.sum())
        tokens_seen += n_tok
        window_tokens += n_tok
        window_loss += float(loss.detach())
        window_problem_loss += 0.0 if problem_loss is None else float(problem_loss.detach())
        window_n += 1
        if step % 200 == 0 or step == profile.policy_steps:
            dt = time.time() - t0
            seconds += dt
            problem = f" (problem {window_problem_loss / window_n:.3f})" if profile.problem_loss_weight > 0 else ""
            log(f"policy step {step}/{profile.policy_steps} loss {window_loss / window_n:.3f}{problem} "
                f"{window_tokens / dt:.0f} tok/s, {tokens_seen / 1e6:.1f}M tokens")
            t0, window_tokens, window_loss, window_problem_loss, window_n = time.time(), 0, 0.0, 0.0, 0
        if step % CHECKPOINT_EVERY == 0 or step == profile.policy_steps:
            state = {"model": model.state_dict(), "opt": opt.state_dict(), "step": step,
                     "tokens": tokens_seen, "seconds": seconds, "config": cfg.to_dict()}
            save_checkpoint(ckpt, state)
            if on_checkpoint is not None:
                on_checkpoint(state)
        if on_step is not None and on_step(model, step, tokens_seen, float(loss.detach())):
            break
    model.eval()
    if stop_at is not None and step < profile.policy_steps:
        return model  # stopped at stop_at: not trained yet, no training record
    write_json(out / "policy_train.json", {"steps": step, "tokens": tokens_seen, "seconds": round(seconds),
                                           "trained_on": device_name(),
                                           "parameters": count_parameters(model), "config": cfg.to_dict()})
    return model


def load_policy(out: Path, tok: BpeTokenizer) -> Decoder:
    state = torch.load(out / "policy.pt", map_location="cpu")
    model = Decoder(ModelConfig(**state["config"]))
    model.load_state_dict(state["model"])
    model.eval()
    return model


def sample_paths(model: Decoder, tok: BpeTokenizer, prompts: list[list[int]], n: int, temperature: float,
                 seed: int, max_new: int = 200, batch_rows: int = 256,
                 calculator: Calculator | None = None) -> list[list[list[int]]]:
    """n sampled continuations for each prompt, batched across prompts (with `calculator`, results of
    closed calculations written by the engine's calculator, as the engine samples)."""
    return [[c.tokens for c in conts] for conts in
            sample_marked_paths(model, tok, prompts, n, temperature, seed, max_new, batch_rows, calculator)]


def sample_marked_paths(model: Decoder, tok: BpeTokenizer, prompts: list[list[int]], n: int, temperature: float,
                        seed: int, max_new: int = 200, batch_rows: int = 256,
                        calculator: Calculator | None = None) -> list[list[Continuation]]:
    """sample_paths() with each continuation's calculated (forced) token indexes."""
    gen = torch.Generator().manual_seed(seed)
    rows = [(i, p) for i, p in enumerate(prompts) for _ in range(n)]
    out: list[list[Continuation]] = [[] for _ in prompts]
    for start in range(0, len(rows), batch_rows):
        chunk = rows[start:start + batch_rows]
        conts = sample_continuations(model, [p for _, p in chunk], tok.eos_id, max_new, temperature, gen,
                                     calculator=calculator)
        for (i, _), c in zip(chunk, conts):
            out[i].append(c)
    return out


def evaluate_policy(model: Decoder, tok: BpeTokenizer, splits: Splits, profile: Profile, out: Path,
                    calculator: Calculator | None = None) -> dict:
    """Greedy, pass@16 and majority@16 (T = 0.7) per family and split (with `calculator`, decoded as the
    engine decodes: calculated results written by the calculator)."""
    report: dict[str, dict[str, dict[str, float]]] = {}
    for split_name, exs in (("test", splits.test), ("hard", splits.hard)):
        per_fam: dict[str, list[Example]] = defaultdict(list)
        for e in exs:
            if len(per_fam[e.family]) < profile.eval_per_family:
                per_fam[e.family].append(e)
        chosen = [e for fam in per_fam.values() for e in fam]
        prompts = [tok.encode(prompt_of(e.question, curriculum_of(profile))) for e in chosen]
        greedy = sample_paths(model, tok, prompts, 1, 0.0, profile.seed, profile.max_new_tokens, calculator=calculator)
        sampled = sample_paths(model, tok, prompts, 16, 0.7, profile.seed + 1, profile.max_new_tokens, calculator=calculator)
        stats: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
        for e, g, ss in zip(chosen, greedy, sampled):
            texts = [tok.decode(s) for s in ss]
            answers = [extract_answer(t) for t in texts]
            votes = Counter(canonical(a) for a in answers if a)
            maj = votes.most_common(1)[0][0] if votes else ""
            row = {"greedy": float(is_correct(tok.decode(g[0]), e.answer)),
                   "pass@16": float(any(is_correct(t, e.answer) for t in texts)),
                   "maj@16": float(answers_equivalent(maj, e.answer))}
            for k, v in row.items():
                stats[e.family][k].append(v)
                stats["all"][k].append(v)
        report[split_name] = {fam: {k: round(100 * sum(v) / len(v), 1) for k, v in d.items()} | {"n": len(d["greedy"])}
                              for fam, d in stats.items()}
        log(f"policy eval {split_name}: {report[split_name]['all']}")
    write_json(out / "policy_eval.json", report)
    return report
