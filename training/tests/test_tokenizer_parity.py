"""The JS tokenizer (what the engine uses, @huggingface/tokenizers in Node) must reproduce the Python
tokenizer (what the models were trained with) id for id, and decode(encode(x)) must give x back, over
every curriculum family. (That digits are one token each is checked in Node alone: test/core.)"""
from __future__ import annotations

import json

import pytest
from node_side import REPO, node_json

from dump_curriculum import curriculum_ids
from tvm_training.curriculum import V1, V2, V3
from tvm_training.tokenizer import BpeTokenizer

PER_FAMILY = 250


@pytest.mark.parametrize(("bundle", "curriculum", "per_family"),
                         [("models/default", V3, PER_FAMILY), ("test/fixtures/bundle-mqa", V1, PER_FAMILY),
                          # v2's texts (× and ÷, $$, words for numbers) through a bundle's tokenizer.
                          ("test/fixtures/bundle-mqa", V2, 40)], ids=["default-v3", "mqa-v1", "mqa-v2"])
def test_the_bundle_tokenizer_matches_the_training_tokenizer_and_round_trips_the_curriculum(bundle, curriculum, per_family, tmp_path):
    tok = BpeTokenizer.load(REPO / bundle / "tokenizer.json")
    texts = tmp_path / "texts.jsonl"
    with texts.open("w", encoding="utf8") as out:
        for line in curriculum_ids(tok, per_family, seed=1, curriculum=curriculum):
            out.write(json.dumps(line) + "\n")
    report = node_json("tokenize.mjs", REPO / bundle, texts)
    assert report["lines"] >= 8 * 2 * per_family
    assert report["lines"] == len(curriculum.families) * 2 * per_family
    assert report["roundTripFailures"] == 0, report["firstRoundTripFailures"]
    assert report["mismatches"] == 0, (f"{report['mismatches']} of {report['lines']} texts tokenized differently in JS "
                                       f"and Python: {report['firstMismatches']}")
