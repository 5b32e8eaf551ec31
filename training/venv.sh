#!/usr/bin/env bash
# Runs a command in the training pipeline's Python environment: training/.venv, created on first
# use and reinstalled whenever training/requirements.txt changes (its hash is kept in the venv).
#   bash training/venv.sh python training/pipeline.py --profile smoke
#   bash training/venv.sh pytest training/tests
#   bash training/venv.sh            # only create or update the venv
# TVM_TUTOR_VENV: another venv folder; TVM_TUTOR_PYTHON: the Python that creates it (default python3,
# 3.10 or later, with its venv module: on Debian `apt-get install -y python3-venv`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${TVM_TUTOR_VENV:-$here/.venv}"
requirements="$here/requirements.txt"
python="${TVM_TUTOR_PYTHON:-python3}"

want="$(sha256sum "$requirements" | cut -d' ' -f1)"
stamp="$venv/.requirements.sha256"
if [[ ! -x "$venv/bin/python" || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  echo "training/venv.sh: installing training/requirements.txt into $venv (once; PyTorch is large, a few minutes)" >&2
  started=$SECONDS
  # A venv left without pip (e.g. made before python3-venv was installed) is made anew.
  if [[ -x "$venv/bin/python" ]] && ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then rm -rf "$venv"; fi
  if [[ ! -x "$venv/bin/python" ]] && ! "$python" -m venv "$venv"; then
    rm -rf "$venv"
    echo "training/venv.sh: could not create a venv with $python (Debian: apt-get install -y python3-venv)" >&2
    exit 1
  fi
  # An existing venv is updated in place (only what changed is downloaded).
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$requirements"
  echo "$want" > "$stamp"
  echo "training/venv.sh: venv ready in $((SECONDS - started)) s" >&2
fi

# OpenMP's spin-waiting stalls training whenever another process wants a core (training/README.md).
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
export PATH="$venv/bin:$PATH" VIRTUAL_ENV="$venv"
(($#)) || exit 0
exec "$@"
