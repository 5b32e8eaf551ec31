"""The whole training pipeline (tokenizer -> policy -> labels -> TVM/ORM/PRM -> evaluation -> bundle in
standard formats) at its smoke size, as `npm run models:smoke` runs it, so CI proves that `npm run
models` works end to end; the bundle's models then load in onnxruntime-node, as the engine loads them.
On curriculum v2 too: the engine then builds the prompt token ids the policy was trained on (prompt
format v2), from the bundle and from the Transformers conversion of the pipeline's checkpoints."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from node_side import TRAINING, node_json

from tvm_training.common import PROFILES, SHIPPED_PROFILE
from tvm_training.curriculum import V2
from tvm_training.data import prompt_of
from tvm_training.hf_parity import problems_of
from tvm_training.stages import REPO, bundle_target
from tvm_training.tokenizer import BpeTokenizer


def smoke_build(cache, *curriculum: str):
    bundle = cache / "bundle"
    run = subprocess.run([sys.executable, str(TRAINING / "pipeline.py"), "--profile", "smoke", *curriculum, "--bundle-dir", str(bundle)],
                         env={**os.environ, "TVM_TUTOR_CACHE": str(cache)}, capture_output=True, text=True,
                         timeout=20 * 60, check=False)
    assert run.returncode == 0, f"pipeline failed:\n{run.stdout}\n{run.stderr}"
    return bundle


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    return smoke_build(tmp_path_factory.mktemp("smoke-cache"))


@pytest.fixture(scope="module")
def bundle_v2(tmp_path_factory):
    return smoke_build(tmp_path_factory.mktemp("smoke-cache-v2"), "--curriculum", "v2")


def test_the_smoke_build_produces_a_bundle_in_standard_formats_with_policy_tvm_orm_and_prm(bundle):
    assert not (bundle / "manifest.json").exists(), "the pipeline writes the standard formats, not the older layout"
    config = json.loads((bundle / "config.json").read_text(encoding="utf8"))
    assert config["architectures"] == ["GPTBigCodeForCausalLM"]
    for kind in ("tvm", "orm", "prm"):
        verifier = json.loads((bundle / kind / "config.json").read_text(encoding="utf8"))
        assert verifier["architectures"] == ["GPTBigCodeForTokenClassification"] and verifier["tvm_labels"] == kind
    loaded = node_json("ort_bundle.mjs", bundle)
    assert sorted(loaded) == ["orm", "policy", "prm", "tvm"]
    layers = [f"{kind}.{i}.{kv}" for i in range(config["n_layer"]) for kind in ("past_key_values", "present") for kv in ("key", "value")]
    # Optimum's policy graph lists its past between input_ids and attention_mask: compared as sets.
    assert sorted(loaded["policy"]["inputs"]) == sorted(["input_ids", "attention_mask", "position_ids", *[n for n in layers if n.startswith("past")]])
    assert loaded["tvm"]["outputs"] == ["values", *[n for n in layers if n.startswith("present")]]
    for split in ("val", "test", "hard"):
        assert (bundle / "splits" / f"{split}.jsonl").exists(), f"splits/{split}.jsonl"
    short = json.loads((bundle / "tutor.json").read_text(encoding="utf8"))
    assert short["name"] == "default" and short["answerPattern"] == "The answer is (.+)"
    assert short["promptFormat"] == "v1", "curriculum v1's prompt: the problem as written"
    assert short["training"]["verifierEval"]["test_steps"]["all"]["tvm"]["n"] > 0
    assert isinstance(short["training"]["verifierEval"]["margins"], dict)
    difference = short["training"]["objectiveDifference"]
    prefixes, differing = difference["prefixes"], difference["differing_prefixes"]
    assert prefixes > 0 and 0 <= differing <= prefixes, f"objective difference {differing} of {prefixes}"


def test_onnx_runtime_in_node_matches_pytorch_within_1e_4_on_the_fresh_bundle(bundle):
    loaded = node_json("ort_bundle.mjs", bundle)
    for key, model in loaded.items():
        assert model.get("parity"), f"{key}: no parity case in parity.json"
        for name, result in model["parity"].items():
            assert not result.get("missing"), f"output {key}.{name} missing"
            assert result["dims"] == result["expectedDims"], f"{key}.{name} dims"
            assert result["worst"] <= 1e-4, f"{key}.{name}: max abs diff {result['worst']}"


def test_the_pipelines_checkpoints_convert_to_transformers_and_optimum_onnx(bundle, tmp_path):
    """hf_export.py --from-cache on the smoke build's cache (tests/test_hf_format.py covers the formats)."""
    out = tmp_path / "hf"
    run = subprocess.run([sys.executable, str(TRAINING / "hf_export.py"), "--from-cache", "smoke", "--out", str(out), "--measure",
                          "--problems", "4", "--max-new-tokens", "24"],
                         env={**os.environ, "TVM_TUTOR_CACHE": str(bundle.parent)}, capture_output=True, text=True,
                         timeout=10 * 60, check=False)
    assert run.returncode == 0, f"hf_export failed:\n{run.stdout}\n{run.stderr}"
    report = json.loads((out / "hf_parity.json").read_text(encoding="utf8"))
    assert report["policy"]["greedy_identical"] == [4, 4]
    assert report["policy"]["logits_vs_ours"] <= 3e-5 and max(report["policy"]["onnx_logits_vs_ours"].values()) <= 5e-5
    for kind in ("tvm", "orm", "prm"):
        assert report[kind]["values_vs_ours"] <= 1e-5 and max(report[kind]["onnx_values_vs_ours"].values()) <= 1e-5, kind


def test_hf_export_writes_only_the_verifiers_asked_for(bundle, tmp_path):
    """--verifiers tvm: a bundle with the policy and the TVM alone (the ORM and PRM may still be training)."""
    def export(out, verifiers):
        return subprocess.run([sys.executable, str(TRAINING / "hf_export.py"), "--from-cache", "smoke", "--out", str(out),
                               "--verifiers", verifiers], env={**os.environ, "TVM_TUTOR_CACHE": str(bundle.parent)},
                              capture_output=True, text=True, timeout=10 * 60, check=False)
    out = tmp_path / "tvm-only"
    run = export(out, "tvm")
    assert run.returncode == 0, f"hf_export failed:\n{run.stdout}\n{run.stderr}"
    assert (out / "tvm" / "onnx" / "model.onnx").exists() and (out / "onnx" / "model.onnx").exists()
    assert not (out / "orm").exists() and not (out / "prm").exists()
    refused = export(tmp_path / "refused", "tvm,rm")
    assert refused.returncode != 0 and "--verifiers tvm,rm: each must be one of tvm, orm, prm" in refused.stderr


def engine_prompt_ids(folder, problems, tmp_path):
    request = tmp_path / "problems.json"
    request.write_text(json.dumps({"problems": problems}))
    return node_json("prompt_ids.mts", folder, request)


def v2_problems(bundle):
    """Test problems with and without a final period, and as a user may type them."""
    bare = [q.rstrip(" .?") for q in problems_of(bundle / "splits" / "test.jsonl", 6)]
    return [*bare, *(q + "." for q in bare), "Solve for x: 5x = 35", "Solve for x: 5x = 35.", "  What is 7 \u2212 3 ?\n"]


def test_a_v2_bundle_says_so_and_the_engine_builds_the_prompt_ids_python_trained_on_with_and_without_a_final_period(
        bundle_v2, tmp_path):
    assert json.loads((bundle_v2 / "tutor.json").read_text(encoding="utf8"))["promptFormat"] == "v2"
    tok = BpeTokenizer.load(bundle_v2 / "tokenizer.json")
    problems = v2_problems(bundle_v2)
    engine = engine_prompt_ids(bundle_v2, problems, tmp_path)
    assert engine["promptFormat"] == "v2"
    python = [tok.encode(prompt_of(q, V2)) for q in problems]
    assert engine["ids"] == python
    half = (len(problems) - 3) // 2
    assert engine["ids"][:half] == engine["ids"][half:2 * half], "a final period changes nothing"
    assert engine["ids"][-3] == engine["ids"][-2]


def test_hf_export_of_a_v2_cache_gives_a_chat_template_and_a_folder_that_build_the_same_prompt(bundle_v2, tmp_path):
    """hf_export.py on the v2 smoke build's checkpoints: Transformers' chat template, the engine reading the
    folder, and our prompt give the same prompt ids, and Transformers' greedy tokens on its prompt are ours."""
    from transformers import AutoTokenizer

    out = tmp_path / "hf"
    run = subprocess.run([sys.executable, str(TRAINING / "hf_export.py"), "--from-cache", "smoke", "--curriculum", "v2", "--out", str(out),
                          "--measure", "--problems", "4", "--max-new-tokens", "24"],
                         env={**os.environ, "TVM_TUTOR_CACHE": str(bundle_v2.parent)}, capture_output=True, text=True,
                         timeout=10 * 60, check=False)
    assert run.returncode == 0, f"hf_export failed:\n{run.stdout}\n{run.stderr}"
    report = json.loads((out / "hf_parity.json").read_text(encoding="utf8"))
    assert report["prompt_format"] == "v2" and report["policy"]["greedy_identical"] == [4, 4]
    problems = v2_problems(bundle_v2)
    hf_tok = AutoTokenizer.from_pretrained(out)
    chat = [hf_tok.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True) for q in problems]
    assert chat == [prompt_of(q, V2) for q in problems]
    engine = engine_prompt_ids(out, problems, tmp_path)
    assert engine["promptFormat"] == "v2"
    assert engine["ids"] == [hf_tok(text)["input_ids"] for text in chat]


def test_only_the_shipped_profile_writes_models_default_and_only_without_a_bundle_dir(tmp_path):
    shipped = PROFILES[SHIPPED_PROFILE]
    assert bundle_target(shipped, None, tmp_path) == (REPO / "models" / "default", True)
    assert bundle_target(shipped, tmp_path / "elsewhere", tmp_path) == (tmp_path / "elsewhere", False)
    for name in set(PROFILES) - {SHIPPED_PROFILE}:
        assert bundle_target(PROFILES[name], None, tmp_path) == (tmp_path / "bundle", False), name
