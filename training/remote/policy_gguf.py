"""The shipped policy as a standard Transformers GPT-BigCode checkpoint, then as GGUF for llama.cpp.

Our policy (tvm_training/model.py) is a GPT-2-style decoder with learned positions, LayerNorm,
multi-query attention with bias-free q/kv/o, a GELU-tanh FFN and a tied head: exactly
Transformers' GPTBigCodeForCausalLM with multi_query=True and zero attention biases, which
llama.cpp serves as its "starcoder" architecture. models/default is that checkpoint (the pipeline
writes the standard formats of issue 16); an older bundle's weights are read from its policy.onnx
by tvm_training/hf_format.py (checked against the bundle's parity.json). llama.cpp's own converter
(convert_hf_to_gguf.py, from the llama.cpp that training/remote/llama-server.sh pins) writes the GGUF.

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
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tvm_training.hf_format import bundle_prompt_format, load_onnx_bundle, save_policy  # noqa: E402

# What llama.cpp's converter calls the pre-tokenizer; see the module docstring.
PRE_TOKENIZER = "gpt-2"


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
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if (args.bundle / "manifest.json").exists():
        # An older bundle: the standard-format converter (tvm_training/hf_format.py) rebuilds the policy
        # from policy.onnx, checks it against the bundle's parity.json, and writes the GPT-BigCode
        # checkpoint with its tokenizer files.
        tok, policy, _verifiers, worst = load_onnx_bundle(args.bundle)
        print(f"policy rebuilt from {args.bundle / 'policy.onnx'}: within {worst['policy']:.1e} of parity.json")
        hf_dir = save_policy(args.out / "hf", policy, tok, bundle_prompt_format(args.bundle), onnx_export=False)
    else:
        # models/default is that checkpoint already (the pipeline writes the standard formats).
        hf_dir = args.bundle

    source = Path(subprocess.run(["bash", str(HERE / "llama-server.sh"), "--source"], check=True, capture_output=True, text=True).stdout.strip())
    hsh = convert_to_gguf(hf_dir, args.out / "policy.gguf", source)
    print(f"pre-tokenizer hash {hsh} registered as {PRE_TOKENIZER!r}; wrote {args.out / 'policy.gguf'}")


if __name__ == "__main__":
    main()
