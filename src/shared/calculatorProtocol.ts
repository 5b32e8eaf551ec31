// The calculator process's wire format (dist/calculator.js, src/core/host/calculatorProcess.ts): one
// JSON object per line on stdin, one reply per line on stdout, in order. The training pipeline
// (training/tvm_training/calculator.py) samples through it, so the calculator that writes results
// into training paths is the engine's own TypeScript, never a copy.

/** First line the process writes once its tokenizer is loaded. */
export interface CalculatorReady {
  ready: true;
  /** Token ids whose text contains "=": the only tokens after which the engine asks the calculator. */
  triggers: number[];
}

/**
 * `force`: per continuation (generated token ids so far), the ids the engine's calculator writes
 * next (`exactSearch().force`), or null. `lines`: per line, `calculatorResult(line)`. `certain`:
 * per sequence (prompt and solution), the token indexes whose log-probability the engine gives its
 * verifiers as 0 nats (`calculatedPositions()`: correct calculated results).
 */
export type CalculatorRequest = { force: number[][] } | { lines: string[] } | { certain: number[][] };

export type CalculatorReply = { forced: (number[] | null)[] } | { results: (string | null)[] } | { certain: number[][] } | { error: string };
