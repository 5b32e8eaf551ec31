"""The shipped policy as a standard Transformers GPT-BigCode checkpoint, then as GGUF for llama.cpp.

Our policy (tvm_training/model.py) is a GPT-2-style decoder with learned positions, LayerNorm,
multi-query attention with bias-free q/kv/o, a GELU-tanh FFN and a tied head: exactly
Transformers' GPTBigCodeForCausalLM with multi_query=True and zero attention biases, which
llama.cpp serves as its "starcoder" architecture. The weights are read from the bundle's
policy.onnx (the shipped artefact; its PyTorch checkpoint lives only in the build cache), the
checkpoint is checked against tvm_training.model.Decoder with the same weights (logits within
1e-4), and llama.cpp's own converter (convert_hf_to_gguf.py, from the llama.cpp that
training/remote/llama-server.sh pins) writes the GGUF.

The converter names a BPE tokenizer's pre-tokenizer by hashing how it splits a test text, and
llama.cpp knows only its own list: ours (training/tvm_training/tokenizer.py) is on no list and
matches none of them (see docs/remote-engine.md). This script registers its hash the way
convert_hf_to_gguf_update.py would, as "gpt-2" (plain byte-level BPE), so the GGUF loads; the
remote engine sends token ids, never text, so the server's own text tokenization is never used.

    bash training/venv.sh python training/remote/policy_gguf.py --bundle models/default --out DIR
"""
from __future__ import annotations

import argparse
import ast
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tvm_training.model import Decoder, ModelConfig  # noqa: E402

# What llama.cpp's converter calls the pre-tokenizer; see the module docstring.
PRE_TOKENIZER = "gpt-2"


def onnx_weights(path: Path) -> dict[str, np.ndarray]:
    """Named initializers, plus each MatMul's weight under its module's name (torch names the node /blocks.0/attn/q/MatMul)."""
    graph = onnx.load(str(path)).graph
    arrays = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    weights = {name: array for name, array in arrays.items() if name.startswith("model.")}
    for node in graph.node:
        if node.op_type != "MatMul" or not node.name.startswith("/blocks."):
            continue
        constant = [name for name in node.input if name in arrays and not name.startswith("model.")]
        if len(constant) == 1:
            module = "model." + node.name.removeprefix("/").removesuffix("/MatMul").replace("/", ".")
            weights[f"{module}.weight"] = arrays[constant[0]].T  # torch Linear stores [out, in]
    return weights


def policy_config(bundle: Path, weights: dict[str, np.ndarray]) -> ModelConfig:
    manifest = json.loads((bundle / "manifest.json").read_text())
    kv = manifest["models"]["policy"]["kv"]
    vocab, d_model = weights["model.tok.weight"].shape
    return ModelConfig(vocab_size=vocab, d_model=d_model, n_layer=kv["layers"], n_head=d_model // kv["headDim"],
                       n_kv_head=kv["kvHeads"], max_positions=weights["model.pos.weight"].shape[0],
                       ffn_mult=weights["model.blocks.0.up.bias"].shape[0] // d_model)


def our_decoder(cfg: ModelConfig, weights: dict[str, np.ndarray]) -> Decoder:
    model = Decoder(cfg)
    state = {name.removeprefix("model."): torch.from_numpy(np.array(array, dtype=np.float32)) for name, array in weights.items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    if missing or unexpected:
        raise SystemExit(f"policy.onnx does not hold the policy's weights: missing {missing}, unexpected {unexpected}")
    return model.eval()


def gpt_bigcode(cfg: ModelConfig, model: Decoder, eos_id: int):
    from transformers import GPTBigCodeConfig, GPTBigCodeForCausalLM

    if cfg.n_kv_head != 1:
        raise SystemExit(f"GPT-BigCode has one shared key/value head (multi-query); this policy has {cfg.n_kv_head}")
    config = GPTBigCodeConfig(
        vocab_size=cfg.vocab_size, n_positions=cfg.max_positions, n_embd=cfg.d_model, n_layer=cfg.n_layer,
        n_head=cfg.n_head, n_inner=cfg.ffn_mult * cfg.d_model, activation_function="gelu_pytorch_tanh",
        layer_norm_epsilon=1e-5, multi_query=True, scale_attn_weights=True, resid_pdrop=0.0, embd_pdrop=0.0,
        attn_pdrop=0.0, bos_token_id=eos_id, eos_token_id=eos_id, tie_word_embeddings=True,
    )
    hf = GPTBigCodeForCausalLM(config).eval()
    t = hf.transformer
    with torch.no_grad():
        t.wte.weight.copy_(model.tok.weight)
        t.wpe.weight.copy_(model.pos.weight)
        for block, ours in zip(t.h, model.blocks):
            block.ln_1.load_state_dict(ours.ln1.state_dict())
            block.ln_2.load_state_dict(ours.ln2.state_dict())
            # c_attn = [q; k; v] (multi-query: one key and one value head); our kv is [k; v].
            block.attn.c_attn.weight.copy_(torch.cat([ours.attn.q.weight, ours.attn.kv.weight], dim=0))
            block.attn.c_attn.bias.zero_()
            block.attn.c_proj.weight.copy_(ours.attn.o.weight)
            block.attn.c_proj.bias.zero_()
            block.mlp.c_fc.load_state_dict(ours.up.state_dict())
            block.mlp.c_proj.load_state_dict(ours.down.state_dict())
        t.ln_f.load_state_dict(model.ln_f.state_dict())
    hf.tie_weights()
    return hf


def max_logit_difference(model: Decoder, hf, sequences: list[list[int]]) -> float:
    worst = 0.0
    with torch.no_grad():
        for ids in sequences:
            x = torch.tensor([ids])
            hidden, _ = model.trunk(x, torch.ones_like(x), None, model.empty_past(1))
            ours = model.logits(hidden)
            theirs = hf(input_ids=x).logits
            worst = max(worst, float((ours - theirs).abs().max()))
    return worst


def check_text() -> str:
    """The text the converter tokenizes to tell pre-tokenizers apart (conversion/base.py, get_vocab_base_pre)."""
    import inspect

    from conversion.base import TextModel

    source = inspect.getsource(TextModel.get_vocab_base_pre)
    return ast.literal_eval(source.split("chktxt = ", 1)[1].split("\n", 1)[0])


def convert_to_gguf(hf_dir: Path, gguf: Path, source: Path) -> str:
    """Runs llama.cpp's converter in-process with our tokenizer's hash registered; returns the hash."""
    sys.path.insert(0, str(source / "gguf-py"))
    sys.path.insert(0, str(source))
    from conversion.base import TextModel
    from transformers import AutoTokenizer

    text = check_text()

    def chkhsh(tokenizer) -> str:
        return hashlib.sha256(str(tokenizer.encode(text)).encode()).hexdigest()

    ours = chkhsh(AutoTokenizer.from_pretrained(hf_dir))
    original = TextModel.get_vocab_base_pre

    def get_vocab_base_pre(self, tokenizer) -> str:
        return PRE_TOKENIZER if chkhsh(tokenizer) == ours else original(self, tokenizer)

    TextModel.get_vocab_base_pre = get_vocab_base_pre
    import convert_hf_to_gguf

    argv = sys.argv
    sys.argv = ["convert_hf_to_gguf.py", str(hf_dir), "--outfile", str(gguf), "--outtype", "f32", "--model-name", "tvm-tutor-policy"]
    try:
        convert_hf_to_gguf.main()
    finally:
        sys.argv = argv
    return ours


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=HERE.parent.parent / "models" / "default")
    parser.add_argument("--out", type=Path, required=True, help="folder for hf/ (the Transformers checkpoint) and policy.gguf")
    parser.add_argument("--tolerance", type=float, default=1e-4)
    args = parser.parse_args()
    torch.manual_seed(0)
    weights = onnx_weights(args.bundle / "policy.onnx")
    cfg = policy_config(args.bundle, weights)
    model = our_decoder(cfg, weights)
    tokenizer_config = json.loads((args.bundle / "tokenizer_config.json").read_text())
    vocab = json.loads((args.bundle / "tokenizer.json").read_text())
    eos_id = next(t["id"] for t in vocab["added_tokens"] if t["content"] == tokenizer_config["eos_token"])
    hf = gpt_bigcode(cfg, model, eos_id)

    generator = torch.Generator().manual_seed(0)
    sequences = [torch.randint(0, cfg.vocab_size, (n,), generator=generator).tolist() for n in (1, 7, 64, cfg.max_positions)]
    worst = max_logit_difference(model, hf, sequences)
    print(f"GPT-BigCode vs tvm_training Decoder, same weights: max |logit difference| {worst:.2e} over lengths 1, 7, 64, {cfg.max_positions}")
    if worst > args.tolerance:
        raise SystemExit(f"the GPT-BigCode checkpoint does not reproduce the policy (max logit difference {worst:.2e} > {args.tolerance})")

    hf_dir = args.out / "hf"
    hf.save_pretrained(hf_dir)
    shutil.copy(args.bundle / "tokenizer.json", hf_dir / "tokenizer.json")
    (hf_dir / "tokenizer_config.json").write_text(json.dumps({**tokenizer_config, "tokenizer_class": "PreTrainedTokenizerFast"}, indent=1))

    source = Path(subprocess.run(["bash", str(HERE / "llama-server.sh"), "--source"], check=True, capture_output=True, text=True).stdout.strip())
    hsh = convert_to_gguf(hf_dir, args.out / "policy.gguf", source)
    print(f"pre-tokenizer hash {hsh} registered as {PRE_TOKENIZER!r}; wrote {args.out / 'policy.gguf'}")


if __name__ == "__main__":
    main()
