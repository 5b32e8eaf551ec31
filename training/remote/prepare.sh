#!/usr/bin/env bash
# Readies the remote engine's real-server tests (npm run test:remote): builds llama.cpp's
# llama-server once (training/remote/llama-server.sh) and converts models/default's policy to GGUF
# (training/remote/policy_gguf.py) whenever its weights change (model.safetensors; an older
# bundle's policy.onnx). Prints two lines: the server
# binary and the GGUF. Both are cached in $TVM_TUTOR_CACHE/llama (default ~/.cache/tvm-tutor).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bundle="${1:-$here/../../models/default}"
server="$(bash "$here/llama-server.sh")"
weights="$bundle/model.safetensors"
[[ -f "$weights" ]] || weights="$bundle/policy.onnx"
hash="$(sha256sum "$weights" | cut -c1-16)"
out="${TVM_TUTOR_CACHE:-$HOME/.cache/tvm-tutor}/llama/gguf/$hash"
if [[ ! -f "$out/policy.gguf" ]]; then
  bash "$here/../venv.sh" python "$here/policy_gguf.py" --bundle "$bundle" --out "$out" >&2
fi
echo "$server"
echo "$out/policy.gguf"
