#!/usr/bin/env bash
# Runs a command with TVM_TUTOR_LLAMA_SERVER and TVM_TUTOR_POLICY_GGUF set to the llama-server binary
# and the policy's GGUF that prepare.sh built or found (npm run test:remote, npm run bench:remote):
# where they live is decided in prepare.sh alone.
#   bash training/remote/with-llama-server.sh node test/run.mjs
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
files="$(bash "$here/prepare.sh")"
TVM_TUTOR_LLAMA_SERVER="$(sed -n 1p <<<"$files")"
TVM_TUTOR_POLICY_GGUF="$(sed -n 2p <<<"$files")"
export TVM_TUTOR_LLAMA_SERVER TVM_TUTOR_POLICY_GGUF
exec "$@"
