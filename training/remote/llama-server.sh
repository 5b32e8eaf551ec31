#!/usr/bin/env bash
# Prints the path of a llama.cpp `llama-server` binary, building it once from the llama.cpp source
# that the pinned llama-cpp-python sdist ships (vendor/llama.cpp, with convert_hf_to_gguf.py beside
# it), and caching the build outside the repository so tests and .ci/run never rebuild it.
#   bash training/remote/llama-server.sh            # build if needed, print the binary's path
#   bash training/remote/llama-server.sh --source   # print the llama.cpp source folder (converter)
# Why the C++ server and not llama-cpp-python's own Python server: that one takes prompts as text
# only and tokenizes them with a llama.cpp pre-tokenizer, and none of llama.cpp's pre-tokenizers
# splits text like ours (docs/remote-engine.md); llama-server takes token ids as the prompt, as the
# OpenAI completions API allows, and returns the ids it sampled.
# TVM_TUTOR_CACHE: cache folder (default ~/.cache/tvm-tutor); LLAMA_BUILD_JOBS: compile jobs (default 2).
set -euo pipefail
version=0.3.36   # llama-cpp-python; vendor/llama.cpp is the llama.cpp it pins
cache="${TVM_TUTOR_CACHE:-$HOME/.cache/tvm-tutor}/llama/$version"
source_dir="$cache/llama_cpp_python-$version/vendor/llama.cpp"
binary="$cache/build/bin/llama-server"

if [[ ! -f "$source_dir/convert_hf_to_gguf.py" ]]; then
  mkdir -p "$cache"
  python3 -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
    "llama-cpp-python==$version" -d "$cache" >&2
  tar -xzf "$cache/llama_cpp_python-$version.tar.gz" -C "$cache"
fi
if [[ "${1:-}" == "--source" ]]; then echo "$source_dir"; exit 0; fi

if [[ ! -x "$binary" ]]; then
  echo "llama-server.sh: building llama-server from $source_dir (once; about an hour on 2 busy cores)" >&2
  # Portable x86-64 baseline with AVX2 (not -march=native), so the cached binary survives a CPU change.
  cmake -S "$source_dir" -B "$cache/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
    -DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_TOOLS=ON -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
    -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON >&2
  cmake --build "$cache/build" --target llama-server -j "${LLAMA_BUILD_JOBS:-2}" >&2
fi
echo "$binary"
