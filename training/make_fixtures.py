"""Writes the tiny random-weight test bundles under test/fixtures/ (two differently shaped decoders):
`bundle-mqa` (one shared KV head, explicit position_ids, a verifier that reads the policy's token
log-probabilities, as the default bundle's do) and `bundle-mha` (a KV head per query head, no
position_ids input, a verifier on token ids alone). They exercise the loader and runtime, not accuracy.
"""
from __future__ import annotations

import dataclasses
import random
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tvm_training.curriculum import TRAIN, V1, sample_family  # noqa: E402
from tvm_training.data import prompt_of  # noqa: E402
from tvm_training.export import write_bundle  # noqa: E402
from tvm_training.model import Decoder, ModelConfig  # noqa: E402
from tvm_training.tokenizer import BpeTokenizer, train_bpe  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent / "test" / "fixtures"


def main() -> None:
    torch.manual_seed(3)
    rng = random.Random(3)
    texts = []
    for _ in range(3000):
        ex = V1.generate(sample_family(rng, V1.mixture(0.5)), rng, TRAIN)
        texts.append(prompt_of(ex.question, V1) + ex.solution())
    tok = BpeTokenizer(train_bpe(texts, 512))
    shapes = {
        "bundle-mqa": ModelConfig(vocab_size=tok.size, d_model=32, n_layer=2, n_head=4, n_kv_head=1, max_positions=256),
        "bundle-mha": ModelConfig(vocab_size=tok.size, d_model=48, n_layer=3, n_head=4, n_kv_head=4, max_positions=256,
                                  use_position_ids=False),
    }
    for name, cfg in shapes.items():
        policy = Decoder(cfg)
        tvm = Decoder(dataclasses.replace(cfg, logprob_input=name == "bundle-mqa", logprob_threshold=1.0,
                                          logprob_span=8.0), value_head=True)
        if tvm.surprise is not None:
            # Large enough that a wrong log-probability input visibly changes the values.
            torch.nn.init.normal_(tvm.surprise, std=1.0)
        write_bundle(ROOT / name, tok, {"policy": (policy, "policy"), "tvm": (tvm, "tvm")},
                     {"note": "random weights, for tests only", "config": cfg.to_dict()}, V1.prompt_format, name=name)
        print(f"wrote {ROOT / name}")


if __name__ == "__main__":
    main()
