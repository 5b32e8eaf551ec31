"""The engine's calculator in the Python sampler (tvm_training/calculator.py over dist/calculator.js,
tvm_training/sampling.py): greedy decoding of the shipped policy with the calculator writes the same
tokens and marks the same forced positions as the engine's own PolicySession with the search's forcer
(training/tests/node/calculated_greedy.mts); sampled paths carry, at every forced
span, the text the engine's calculatorResult gives for the line before it; the verifiers' input reads
a correct calculated result at 0 nats as the engine's does; the process ends with its client, and a
missing Node or build is a clear error; the smoke pipeline evaluates, labels, trains and evaluates its
verifiers with it and leaves no process behind."""
from __future__ import annotations

import dataclasses
import json
import os

import pytest
import torch
from node_side import node_json

from tvm_training import calculator as calculator_module
from tvm_training import stages
from tvm_training.calculator import Calculator, CalculatorError
from tvm_training.common import SMOKE
from tvm_training.curriculum import V1
from tvm_training.data import prompt_of, prompt_text
from tvm_training.hf_format import decoder_from_transformers
from tvm_training.hf_parity import problems_of
from tvm_training.policy import sample_marked_paths
from tvm_training.sampling import sample_continuations
from tvm_training.surprise import token_logprobs
from tvm_training.tokenizer import BpeTokenizer

DEFAULT = calculator_module.REPO / "models" / "default"
GREEDY_TOKENS = 160


@pytest.fixture(scope="module")
def shipped():
    """The shipped policy (the smoke profile's policy writes no closed calculation yet) and its tokenizer."""
    tok = BpeTokenizer.load(DEFAULT / "tokenizer.json")
    return decoder_from_transformers(DEFAULT), tok


def prompts_of(tok: BpeTokenizer, split: str, n: int, every: int) -> list[list[int]]:
    prompt_format = json.loads((DEFAULT / "tutor.json").read_text()).get("promptFormat", "v1")
    return [tok.encode(prompt_text(q, prompt_format)) for q in problems_of(DEFAULT / "splits" / f"{split}.jsonl", n * every)[::every]]


def test_greedy_with_the_calculator_is_the_engines_on_the_shipped_policy(shipped, tmp_path):
    policy, tok = shipped
    # Every 5th test problem: several families, most of them with calculations after "=".
    prompts = prompts_of(tok, "test", 12, 5)
    with Calculator(tok) as calc:
        ours = sample_continuations(policy, prompts, tok.eos_id, GREEDY_TOKENS, 0.0, torch.Generator().manual_seed(0),
                                    calculator=calc)
    request = tmp_path / "request.json"
    request.write_text(json.dumps({"prompts": prompts, "maxNewTokens": GREEDY_TOKENS}))
    engine = node_json("calculated_greedy.mts", DEFAULT, request)["paths"]
    assert [c.tokens for c in ours] == [p["tokens"] for p in engine], "greedy tokens differ from the engine's"
    assert [c.forced for c in ours] == [p["forced"] for p in engine], "forced positions differ from the engine's"
    assert sum(bool(c.forced) for c in ours) >= 6, "the calculator should write results on most of these problems"


def forced_spans(forced: list[int]) -> list[tuple[int, int]]:
    """Runs of consecutive forced indexes as [start, end)."""
    spans: list[tuple[int, int]] = []
    for k in forced:
        if spans and spans[-1][1] == k:
            spans[-1] = (spans[-1][0], k + 1)
        else:
            spans.append((k, k + 1))
    return spans


def test_sampled_paths_carry_the_engines_result_where_it_forced(shipped):
    policy, tok = shipped
    prompts = prompts_of(tok, "hard", 8, 7)
    with Calculator(tok) as calc:
        paths = sample_marked_paths(policy, tok, prompts, 4, 0.7, 11, GREEDY_TOKENS, calculator=calc)
        spans = [(c, start, end) for conts in paths for c in conts for start, end in forced_spans(c.forced)]
        assert len(spans) >= 5, "the policy should write some closed calculations with '='"
        # What precedes each span is a line that has just written "=" (and at most a "-" after it).
        lines = [tok.decode(c.tokens[:start]).split("\n")[-1] for c, start, _ in spans]
        heads = [line[: line.rindex("=") + 1].rstrip() for line in lines]
        results = calc.results(heads)
    for (c, start, end), line, head, result in zip(spans, lines, heads, results):
        written = tok.decode(c.tokens[start:end])
        assert result is not None, f"forced {written!r} after {line!r}, where the engine's calculator has no result"
        # The token that wrote "=" may also have begun a negative result ("=-"): the rest is forced.
        begun = line[len(head):]
        assert written == result if not begun else (begun + written).strip() == result.strip(), \
            f"after {line!r} the calculator wrote {written!r}; the engine's result is {result!r}"


def test_without_the_calculator_nothing_is_forced(shipped):
    policy, tok = shipped
    paths = sample_marked_paths(policy, tok, prompts_of(tok, "test", 4, 5), 2, 0.7, 11, GREEDY_TOKENS)
    assert all(c.forced == [] for conts in paths for c in conts)


def test_the_process_ends_with_its_client_and_leaves_no_file(shipped):
    _, tok = shipped
    with Calculator(tok) as calc:
        pid, tokenizer_file = calc.pid, calc._tokenizer_file.name
        assert calc.results(["$12 \\times 3 =", "x + 1 ="]) == [" 36", None]
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert not os.path.exists(tokenizer_file)
    with pytest.raises(CalculatorError, match="closed"):
        calc.results(["1 + 1 ="])


def test_a_missing_build_or_node_is_a_clear_error(shipped, monkeypatch, tmp_path):
    _, tok = shipped
    monkeypatch.setattr(calculator_module, "ENTRY", tmp_path / "calculator.js")
    with pytest.raises(CalculatorError, match="npm ci"):
        Calculator(tok)
    monkeypatch.setattr(calculator_module.shutil, "which", lambda name: None)
    with pytest.raises(CalculatorError, match="node is not on PATH"):
        Calculator(tok)


def test_the_verifiers_read_a_correct_calculated_result_as_certain_as_in_the_engine(shipped):
    policy, tok = shipped
    right = tok.encode(prompt_of("What is 23 x 4?", V1) + "$23 \\times 4 = 92$\nThe answer is 92")
    wrong = tok.encode(prompt_of("What is 23 x 4?", V1) + "$23 \\times 4 = 91$\nThe answer is 91")
    plain = token_logprobs(policy, [right, wrong], tok)
    with Calculator(tok) as calc:
        certain = calc.certain([right, wrong])
        read = token_logprobs(policy, [right, wrong], tok, calculator=calc)
    assert certain[0] and tok.decode([right[k] for k in certain[0]]).strip() == "92"
    assert certain[1] == [] and read[1] == plain[1], "a wrong result keeps the policy's log-probability"
    assert [0.0 if k in certain[0] else x for k, x in enumerate(plain[0])] == read[0]


def child_processes() -> set[int]:
    return {int(pid) for task in os.listdir("/proc/self/task")
            for pid in open(f"/proc/self/task/{task}/children").read().split()}


def test_the_smoke_pipeline_with_the_calculator_labels_and_trains_and_leaves_no_process(tmp_path, monkeypatch):
    monkeypatch.setenv("TVM_TUTOR_CACHE", str(tmp_path))
    started: list[int] = []
    real_init = Calculator.__init__

    def recording_init(self, tok):
        real_init(self, tok)
        started.append(self.pid)

    monkeypatch.setattr(Calculator, "__init__", recording_init)
    before = child_processes()
    stages.run(dataclasses.replace(SMOKE, calculator=True), "verifier-eval", None, None)
    # Every stage that samples or scores does it as the engine does: the policy's evaluation, the
    # labels, the verifiers' inputs, and the verifiers' evaluation (held-out paths, rollouts, scores).
    assert len(started) == 4, "one calculator process per stage: policy-eval, labels, verifiers, verifier-eval"
    assert child_processes() - before == set(), "a calculator process outlived its stage"
    assert (tmp_path / "smoke" / f"tvm-n{SMOKE.label_paths}.pt").exists()
