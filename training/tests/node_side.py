"""Runs the engine's side of a parity check in Node, for the tests that compare it with Python."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

TRAINING = Path(__file__).resolve().parents[1]
REPO = TRAINING.parent


def node_json(script: str, *args: str | Path) -> dict:
    """Runs training/tests/node/SCRIPT with Node (the engine's side of a parity check); its JSON report."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: the parity tests compare with what the engine computes in Node")
    if not (REPO / "node_modules").is_dir():
        pytest.fail("node_modules is missing: run `npm ci` in the repository first")
    # TypeScript scripts import the engine's own modules (src/), through tsx as the unit tests do.
    loader = ["--import", "tsx"] if script.endswith((".ts", ".mts")) else []
    run = subprocess.run([node, *loader, str(TRAINING / "tests" / "node" / script), *map(str, args)], cwd=REPO,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, f"node {script} failed:\n{run.stdout}\n{run.stderr}"
    return json.loads(run.stdout.strip().splitlines()[-1])
