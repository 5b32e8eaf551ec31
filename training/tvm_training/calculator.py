"""The engine's calculator for the Python sampler: one Node process (dist/calculator.js, built from
src/core/host/calculatorProcess.ts) per sampling run, so the results written into training paths are
those of the engine's own TypeScript calculator (src/core/exact/calculator.ts), never a Python copy.

Wire format (src/shared/calculatorProtocol.ts): JSON lines; the process first says which token ids
contain "=" (the only tokens after which the engine asks), then answers each request in order:
what the calculator forces next, calculatorResult of lines, and which tokens the engine's verifiers
read as certain.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType

from .tokenizer import EOS, BpeTokenizer

REPO = Path(__file__).resolve().parents[2]
ENTRY = REPO / "dist" / "calculator.js"


class CalculatorError(RuntimeError):
    """The calculator process is missing, failed to start, or answered something unexpected."""


class Calculator:
    """A running calculator process for one tokenizer. Use as a context manager (the process is
    closed on exit), or call close()."""

    def __init__(self, tok: BpeTokenizer):
        node = shutil.which("node")
        if node is None:
            raise CalculatorError("node is not on PATH: the calculator is the engine's TypeScript, run by Node 20 "
                                  "(install Node, or set the profile's calculator to False)")
        if not ENTRY.is_file():
            raise CalculatorError(f"{ENTRY} is missing: run `npm ci` (or `npm run build`) in {REPO} to build it")
        # The process reads the tokenizer from a file; the pipeline's tokenizer writes the same JSON
        # the bundle ships, so the process tokenizes as the engine does.
        self._tokenizer_file = tempfile.NamedTemporaryFile("w", suffix=".json", prefix="tvm-calculator-", delete=False)
        with self._tokenizer_file as f:
            json.dump(tok.to_json(), f, ensure_ascii=False)
        self._process: subprocess.Popen[str] | None = subprocess.Popen(
            [node, str(ENTRY), self._tokenizer_file.name, EOS], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8", cwd=REPO)
        try:
            ready = self._read()
            if ready.get("ready") is not True:
                raise CalculatorError(f"the calculator process did not start: {ready}")
        except BaseException:
            self.close()
            raise
        self.triggers: frozenset[int] = frozenset(ready["triggers"])
        self.requests = 0

    def force(self, generated: list[list[int]]) -> list[list[int] | None]:
        """Per continuation (its generated ids so far), the ids the engine's calculator writes next, or None."""
        if not generated:
            return []
        return self._ask({"force": generated}, "forced")

    def results(self, lines: list[str]) -> list[str | None]:
        """Per line, the engine's `calculatorResult(line)`: the text written after it, or None."""
        if not lines:
            return []
        return self._ask({"lines": lines}, "results")

    def certain(self, sequences: list[list[int]]) -> list[list[int]]:
        """Per sequence (prompt and solution), the token indexes the engine's verifiers read at 0 nats:
        tokens inside a correct calculated result (src/core/runtime/certainCalculations.ts)."""
        if not sequences:
            return []
        return self._ask({"certain": sequences}, "certain")

    def _ask(self, request: dict[str, object], key: str) -> list:
        process = self._running()
        assert process.stdin is not None
        try:
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
        except BrokenPipeError as e:
            raise CalculatorError(f"the calculator process has exited: {self._stderr()}") from e
        self.requests += 1
        reply = self._read()
        if key not in reply:
            raise CalculatorError(f"the calculator process answered {reply}")
        return reply[key]

    def _read(self) -> dict:
        process = self._running()
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            raise CalculatorError(f"the calculator process exited ({process.wait()}): {self._stderr()}")
        return json.loads(line)

    def _running(self) -> subprocess.Popen[str]:
        if self._process is None:
            raise CalculatorError("the calculator is closed")
        return self._process

    def _stderr(self) -> str:
        assert self._process is not None and self._process.stderr is not None
        return self._process.stderr.read().strip() or "(no message)"

    @property
    def pid(self) -> int:
        return self._running().pid

    def close(self) -> None:
        """Ends the process (it exits when its stdin closes) and removes the tokenizer file."""
        process, self._process = self._process, None
        if process is not None:
            assert process.stdin is not None
            process.stdin.close()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()
        Path(self._tokenizer_file.name).unlink(missing_ok=True)

    def __enter__(self) -> Calculator:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
