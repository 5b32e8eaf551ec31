#!/usr/bin/env bash
# Readies the remote engine's real-server tests (npm run test:remote): builds llama.cpp's
# llama-server once (training/remote/llama-server.sh) and converts models/default's policy to GGUF
# (training/remote/policy_gguf.py) whenever its weights (model.safetensors; an older bundle's
# policy.onnx) or tokenizer files change. Prints two lines: the server binary and the GGUF
# (with-llama-server.sh hands them to a command). Both are cached in $TVM_TUTOR_CACHE/llama
# (default ~/.cache/tvm-tutor).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bundle="${1:-$here/../../models/default}"
server="$(bash "$here/llama-server.sh")"
weights="$bundle/model.safetensors"
[[ -f "$weights" ]] || weights="$bundle/policy.onnx"
# The GGUF holds the vocabulary and the chat template too: a change to the tokenizer files makes a new one.
tokenizer_files=()
for name in tokenizer.json tokenizer_config.json; do [[ -f "$bundle/$name" ]] && tokenizer_files+=("$bundle/$name"); done
hash="$(cat "$weights" "${tokenizer_files[@]}" | sha256sum | cut -c1-16)"
out="${TVM_TUTOR_CACHE:-$HOME/.cache/tvm-tutor}/llama/gguf/$hash"
if [[ ! -f "$out/policy.gguf" ]]; then
  bash "$here/../venv.sh" python "$here/policy_gguf.py" --bundle "$bundle" --out "$out" >&2
fi
echo "$server"
echo "$out/policy.gguf"
