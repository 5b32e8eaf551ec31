"""Curriculum v2's canonical problem statement (curriculum/prompt.py) and the prompt text (data.prompt_text):
the shared case tables (fixtures/prompt_cases.json, fixtures/prompt_text_cases.json, which the engine's
TypeScript is tested on too), idempotence, that final punctuation and whitespace never change a v2 prompt,
and that the engine's TypeScript and the v2 chat template (in Transformers' Jinja and in the engine's
@huggingface/jinja) write exactly the same prompts as Python on random text."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from node_side import node_json

from tvm_training.curriculum import TRAIN, V1, V2, normalise
from tvm_training.curriculum.prompt import canonical_problem
from tvm_training.data import prompt_of, prompt_text
from tvm_training.hf_format import chat_template

FIXTURES = Path(__file__).parent / "fixtures"
CASES = json.loads((FIXTURES / "prompt_cases.json").read_text())
TEXT_CASES = json.loads((FIXTURES / "prompt_text_cases.json").read_text())
# Characters where Python and JavaScript, or the rules, could disagree, among ordinary ones.
TRICKY = list("ab1 .?!;,:$\\()[]{}'\"\n\t\r\v\f") + ["\x85", "\ufeff", "\u2019", "\xa0", "\x1c", "\x07", "\x00", "\u3000", "\u180e",
                                                     "\u200b", "\x80", "\u2028", "\u2212", "\u2014"]


@pytest.mark.parametrize("case", CASES, ids=[c["why"] for c in CASES])
def test_each_case_of_the_shared_table(case):
    assert canonical_problem(case["input"]) == case["canonical"]
    assert canonical_problem(case["canonical"]) == case["canonical"], "canonical_problem is idempotent"


@pytest.mark.parametrize("case", TEXT_CASES, ids=[c["why"] for c in TEXT_CASES])
def test_each_prompt_text_case_of_the_shared_table(case):
    assert prompt_text(case["problem"], "v1") == case["v1"]
    assert prompt_text(case["problem"], "v2") == case["v2"]


def test_final_punctuation_and_whitespace_never_change_a_v2_prompt_and_v1_prompts_keep_them():
    rng = random.Random(3)
    for family in V2.names:
        for _ in range(20):
            question = V2.generate(family, rng, TRAIN).question
            bare = question.rstrip(" .?")
            variants = [bare, bare + ".", bare + "?", "  " + bare + " . ", bare + "\n"]
            assert len({prompt_of(v, V2) for v in variants}) == 1, question
            assert len({normalise(v) for v in variants}) == 1, "one problem for the splits' disjointness"
    assert prompt_of("Solve 5x = 35.", V1) == "Q: Solve 5x = 35.\n"
    assert prompt_of("Solve 5x = 35.", V2) == "Q: Solve 5x = 35\n"
    with pytest.raises(ValueError, match="prompt format 'v3'"):
        prompt_text("Solve 5x = 35.", "v3")


def test_the_engine_and_both_jinjas_write_the_prompts_python_writes_on_random_text_and_curriculum_problems(tmp_path):
    from transformers.utils.chat_template_utils import _compile_jinja_template  # what apply_chat_template renders with

    rng = random.Random(15)
    problems = [c["input"] for c in CASES] + [c["problem"] for c in TEXT_CASES]
    problems += ["".join(rng.choice(TRICKY) for _ in range(rng.randint(0, 24))) for _ in range(1500)]
    problems += [V2.generate(rng.choice(V2.names), rng, TRAIN).question + rng.choice(["", ".", " ?", "\n"]) for _ in range(200)]
    for problem in problems:
        once = canonical_problem(problem)
        assert canonical_problem(once) == once, f"not idempotent on {problem!r}"
    template = chat_template("v2")
    transformers_jinja = _compile_jinja_template(template)
    chat = [transformers_jinja.render(messages=[{"role": "user", "content": p}], eos_token="<|eos|>", add_generation_prompt=True)
            for p in problems]
    request = tmp_path / "request.json"
    request.write_text(json.dumps({"problems": problems, "chatTemplate": template}))
    engine = node_json("prompt_text.mts", request)
    for i, problem in enumerate(problems):
        v2 = prompt_text(problem, "v2")
        assert engine["canonical"][i] == canonical_problem(problem), f"engine canonicalProblem differs on {problem!r}"
        assert engine["v1"][i] == prompt_text(problem, "v1"), f"engine v1 prompt differs on {problem!r}"
        assert engine["v2"][i] == v2, f"engine v2 prompt differs on {problem!r}"
        # The template leaves a NUL as it is (canonical_problem_jinja says why); with none, it writes v2's prompt.
        if "\x00" not in problem:
            assert chat[i] == v2, f"the v2 chat template in Transformers differs on {problem!r}"
            assert engine["chat"][i] == v2, f"the v2 chat template in @huggingface/jinja differs on {problem!r}"
    assert "\x00" not in template, "llama.cpp would read the template only up to a NUL"
    assert sum("\x00" in p for p in problems) > 0 and sum("\x00" not in p for p in problems) > 1000
