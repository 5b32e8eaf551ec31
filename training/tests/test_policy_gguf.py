"""The policy ↔ GPT-BigCode mapping behind the remote engine's GGUF (training/remote/policy_gguf.py):
a random multi-query policy mapped into GPTBigCodeForCausalLM gives the same logits, and the weights
read back from an ONNX export are the model's."""
from __future__ import annotations

import torch

from remote.policy_gguf import gpt_bigcode, max_logit_difference, our_decoder, policy_config
from tvm_training.model import Decoder, ModelConfig


def random_policy() -> Decoder:
    torch.manual_seed(3)
    model = Decoder(ModelConfig(vocab_size=97, d_model=48, n_layer=2, n_head=3, n_kv_head=1, max_positions=64)).eval()
    with torch.no_grad():  # non-zero biases and norms, so a swapped or dropped tensor shows
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.05)
    return model


def test_gpt_bigcode_reproduces_the_policy():
    model = random_policy()
    hf = gpt_bigcode(model.cfg, model, eos_id=96)
    sequences = [torch.randint(0, 97, (n,), generator=torch.Generator().manual_seed(n)).tolist() for n in (1, 9, 64)]
    assert max_logit_difference(model, hf, sequences) < 1e-4


def test_weights_read_back_from_onnx(tmp_path):
    import json

    from remote.policy_gguf import onnx_weights
    from tvm_training.export import export_onnx

    model = random_policy()
    export_onnx(model, "policy", tmp_path / "policy.onnx")
    kv = {"layers": model.cfg.n_layer, "kvHeads": 1, "headDim": model.cfg.head_dim}
    (tmp_path / "manifest.json").write_text(json.dumps({"models": {"policy": {"kv": kv}}}))
    weights = onnx_weights(tmp_path / "policy.onnx")
    cfg = policy_config(tmp_path, weights)
    assert cfg == model.cfg
    restored = our_decoder(cfg, weights)
    x = torch.randint(0, 97, (1, 20))
    with torch.no_grad():
        a = model.logits(model.trunk(x, torch.ones_like(x), None, model.empty_past(1))[0])
        b = restored.logits(restored.trunk(x, torch.ones_like(x), None, restored.empty_past(1))[0])
    assert torch.allclose(a, b, atol=1e-6)
