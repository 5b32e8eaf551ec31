// `tvm-tutor solve`: one problem, one strategy; prints the chosen steps and the answer.
import { solve } from '../../core/solve.js';
import type { SolveArgs } from '../args.js';
import type { OpenModels } from '../models.js';
import { renderSolve } from '../render.js';

export async function runSolve(args: SolveArgs, open: OpenModels, signal: AbortSignal): Promise<string> {
  const result = await solve(
    open.models,
    { problem: args.problem, strategy: args.strategy, verifier: args.verifier, k: args.k, b: args.b, temperature: args.temperature, maxSteps: args.maxSteps, seed: args.seed, exact: args.exact },
    signal,
  );
  if (args.json) {
    return JSON.stringify({ answer: result.answer, verified: result.verified, steps: result.steps, strategy: result.strategy, trace: result.trace, familiarity: result.familiarity });
  }
  return renderSolve(result);
}
