"""The TVM recipe's parts (tvm_training/recipe/): answer reading equal to the engine's, problem files
(GSM8K's "#### answer" too, bad lines named), the paper's trie labels against their definition
computed by brute force, PRM labels with rollouts, and majority vote over equivalent answers."""
from __future__ import annotations

import json
import random

import pytest
from node_side import node_json

from tvm_training.recipe.answers import DEFAULT_ANSWER_PATTERN, compile_answer_pattern, extract_answer
from tvm_training.recipe.evaluation import HeldOutPaths, majority_answer, strategy_outcomes
from tvm_training.recipe.problems import ProblemFileError, read_problems, reference_answer, split_held_out
from tvm_training.recipe.trie_labels import ProblemPaths, label_paths

TEXTS = [
    "$3 + 4 = 7$\nThe answer is 7",
    "The answer is 12.",
    "so x = 4\nThe final answer is: 4",
    "Thus \\boxed{42} is it",
    "First the answer is 3\nthen The answer is 5",
    "no answer here",
    "work\n#### 18",
    "The answer is 3.5",
    "The answer is $\\frac{1}{2}$.",
    "####   9 ,",
    "The answer is 1,234!",
    "",
]
REFERENCES = ["18", "Natalia sold 48.\n#### 72", "#### 1,000.", "3.", "She has 5 left\n####5"]


def test_answer_reading_equals_the_engines(tmp_path):
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps({"texts": TEXTS, "references": REFERENCES}))
    engine = node_json("extract_answer.mts", cases)
    assert engine["pattern"] == DEFAULT_ANSWER_PATTERN, "the recipe's default answer pattern must be the engine's"
    pattern = compile_answer_pattern(DEFAULT_ANSWER_PATTERN)
    assert [extract_answer(t, pattern) for t in TEXTS] == engine["extracted"]
    assert [reference_answer(r) for r in REFERENCES] == engine["references"]


def test_an_answer_pattern_without_a_group_or_invalid_is_refused():
    with pytest.raises(ValueError, match="group 1"):
        compile_answer_pattern(r"The answer is \d+")
    with pytest.raises(ValueError, match="not a valid regular expression"):
        compile_answer_pattern(r"The answer is (\d+")


def test_problem_files_take_bare_and_gsm8k_answers_and_name_bad_lines(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text('{"question": "1 + 1?", "answer": "2"}\n\n{"question": "Q2", "answer": "steps\\n#### 1,000"}\n'
                    '{"question": "Q3", "answer": 7}\n')
    problems = read_problems(good)
    assert [p.answer for p in problems] == ["2", "1,000", "7"]
    train, held = split_held_out(problems, 1)
    assert [p.question for p in held] == ["Q3"] and len(train) == 2
    with pytest.raises(ProblemFileError, match="leaves no training problem"):
        split_held_out(problems, 3)
    for content, message in [('{"question": "Q"}\n', r'bad.jsonl:1: "answer" is missing'),
                             ('{"question": "Q", "answer": "1"}\nnot json\n', r"bad.jsonl:2: not valid JSON"),
                             ('["Q", "1"]\n', r"bad.jsonl:1: a JSON object"),
                             ('{"question": "Q", "answer": "####"}\n', r'bad.jsonl:1: "answer" is missing or empty|states no answer')]:
        bad = tmp_path / "bad.jsonl"
        bad.write_text(content)
        with pytest.raises(ProblemFileError, match=message):
            read_problems(bad)
    with pytest.raises(ProblemFileError, match="no such file"):
        read_problems(tmp_path / "missing.jsonl")


def brute_force_tvm(paths: list[list[int]], outcomes: list[bool], path: list[int], k: int) -> float:
    """The paper's label by its definition: among the paths sharing the first k+1 tokens, the share that is correct."""
    sharing = [ok for p, ok in zip(paths, outcomes) if p[: k + 1] == path[: k + 1]]
    return sum(sharing) / len(sharing)


def test_trie_labels_equal_their_definition_on_random_paths():
    rng = random.Random(3)
    newline = 9
    groups = []
    for _ in range(3):
        paths = [[rng.choice([1, 2, newline]) for _ in range(rng.randint(2, 7))] for _ in range(40)]
        # A path's outcome is a function of its tokens, as a graded answer is.
        groups.append(ProblemPaths(prompt=[50, 51], paths=paths, outcomes=[sum(p) % 3 == 0 for p in paths]))
    rows = label_paths(groups, {newline}, rollouts=None, chunk=2)   # two chunks: problems 0-1, then 2
    assert sum(r.weight for r in rows) == 120, "distinct paths carry their multiplicity"
    assert {r.meta["problem"] for r in rows} == {0, 1, 2}
    for row in rows:
        group = groups[row.meta["problem"]]
        path = row.ids[row.start:]
        assert row.ids[: row.start] == group.prompt
        ok = group.outcomes[group.paths.index(path)]
        assert row.orm == [float(ok)] * len(path)
        assert row.tvm == pytest.approx([brute_force_tvm(group.paths, group.outcomes, path, k) for k in range(len(path))])


def test_prm_labels_come_from_correct_paths_through_a_step_end_or_from_rollouts():
    nl = 9
    # Path A (right) and B (wrong) share their first step; C's first step is its own, and wrong.
    a, b, c = [1, nl, 2, 3], [1, nl, 4, 5], [6, nl, 7, 8]
    group = ProblemPaths(prompt=[50], paths=[a, b, c], outcomes=[True, False, False])
    without = {tuple(r.ids[1:]): r for r in label_paths([group], {nl}, rollouts=None)}
    assert without[tuple(b)].prm == [1.0, 1.0, 0.0, 0.0], "B's first step is shared with a right path"
    assert without[tuple(c)].prm == [0.0, 0.0, 0.0, 0.0]
    asked: list[tuple[int, list[int]]] = []

    def rollouts(pending):
        asked.extend(pending)
        # From C's first step, one of two continuations reaches the right answer.
        return [[([2, 3], True), ([4, 4], False)] for _ in pending]

    rows = {tuple(r.ids[1:]): r for r in label_paths([group], {nl}, rollouts=rollouts)}
    assert asked == [(0, [6, nl])], "only step ends no sampled path passes correctly are rolled out"
    assert rows[tuple(c)].prm == [1.0, 1.0, 0.0, 0.0]
    # The rollouts join the trie from C's step end on: 1 right of 3 paths through [6, nl].
    assert rows[tuple(c)].tvm == pytest.approx([0.0, 1 / 3, 0.0, 0.0])
    assert rows[tuple(a)].tvm == pytest.approx([0.5, 0.5, 1.0, 1.0])


def test_majority_vote_counts_equivalent_answers_together_and_best_of_n_takes_the_highest_value():
    assert majority_answer(["1/2", "3", "0.5", None, "3", "\\frac{1}{2}"]) == "1/2"
    assert majority_answer([None, None]) is None
    held = HeldOutPaths(answer="0.5", greedy_correct=False, answers=["3", "1/2", "3"], correct=[False, True, False],
                        values={"tvm": [0.2, 0.9, 0.4], "orm": [0.8, 0.1, 0.3]})
    assert strategy_outcomes(held) == {"greedy": False, "majority_vote": False, "pass_at_n": True,
                                       "best_of_n_tvm": True, "best_of_n_orm": False}


@pytest.mark.parametrize("kind", ["qwen2", "llama", "gpt_bigcode"])
def test_a_value_model_of_each_architecture_starts_from_the_policy_and_exports_with_a_cache(kind, tmp_path):
    """Grouped-query attention with RoPE (Qwen2, Llama) and multi-query attention with learned
    positions (GPT-BigCode): the value model's trunk is the policy's, and its ONNX gives its values."""
    import numpy as np
    import onnxruntime as ort
    import torch
    from hf_tiny import build

    from tvm_training.recipe.value_onnx import export_value_onnx, kv_shape
    from tvm_training.recipe.value_training import value_model_from_policy

    policy, _ = build(kind, tmp_path / "policy")
    model = value_model_from_policy(tmp_path / "policy", "tvm").eval()
    trunk, policy_trunk = getattr(model, model.base_model_prefix), getattr(policy, policy.base_model_prefix)
    assert all(torch.equal(a, b) for a, b in zip(trunk.state_dict().values(), policy_trunk.state_dict().values()))
    path = export_value_onnx(model, tmp_path / "tvm")
    layers, kv_heads, head_dim = kv_shape(model)
    ids = torch.randint(0, model.config.vocab_size, (2, 9), generator=torch.Generator().manual_seed(1))
    mask = torch.ones_like(ids)
    mask[0, :3] = 0
    pos = (mask.cumsum(1) - 1).clamp(min=0)
    feeds = {"input_ids": ids.numpy(), "attention_mask": mask.numpy(), "position_ids": pos.numpy()}
    feeds |= {f"past_key_values.{i}.{k}": np.zeros((2, kv_heads, 0, head_dim), np.float32) for i in range(layers) for k in ("key", "value")}
    got = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(["values"], feeds)[0]
    with torch.no_grad():
        want = torch.sigmoid(model(input_ids=ids, attention_mask=mask, position_ids=pos).logits.squeeze(-1)).numpy()
    assert np.abs(got - want)[mask.numpy() == 1].max() <= 1e-5


def test_bad_inputs_end_the_recipe_before_any_work_with_a_message_naming_the_file(tmp_path):
    from hf_tiny import build

    import tvm_recipe

    problems = tmp_path / "problems.jsonl"
    problems.write_text('{"question": "1 + 1?", "answer": "2"}\n')
    build("gpt_bigcode", tmp_path / "no-template")   # a tokenizer without a chat template

    def refusal(*argv: str) -> str:
        with pytest.raises(SystemExit) as stop:
            tvm_recipe.main(["--problems", str(problems), "--out", str(tmp_path / "out"), *argv])
        return str(stop.value)

    assert "config.json is missing" in refusal("--policy", str(tmp_path / "nowhere"))
    assert "has no chat template: give --prompt-template" in refusal("--policy", str(tmp_path / "no-template"))
    assert "has no {problem}" in refusal("--policy", str(tmp_path / "no-template"), "--prompt-template", "Q: ")
    assert "not a valid regular expression" in refusal("--policy", str(tmp_path / "no-template"), "--answer-pattern", "(")
    assert "leaves no training problem" in refusal("--policy", str(tmp_path / "no-template"), "--held-out", "1")
    assert not (tmp_path / "out").exists()
