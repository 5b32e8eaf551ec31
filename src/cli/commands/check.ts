// `tvm-tutor check`: scores the user's own working and suggests a hint.
import { readFileSync } from 'node:fs';
import { checkDerivation } from '../../core/check/derivation.js';
import { hintForCheck } from '../../core/check/hint.js';
import type { CheckArgs } from '../args.js';
import { UsageError } from '../errors.js';
import type { OpenModels } from '../models.js';
import { renderCheck } from '../render.js';

export async function runCheck(args: CheckArgs, steps: string[], open: OpenModels, signal: AbortSignal): Promise<string> {
  const request = { problem: args.problem, steps };
  const check = await checkDerivation(open.models, request, { threshold: args.threshold, relativeDrop: args.drop, exact: args.exact }, signal);
  const hint = await hintForCheck(open.models, request, check, { k: args.k, seed: args.seed, exact: args.exact }, signal);
  if (!args.json) return renderCheck(check, hint);
  return JSON.stringify({
    steps: check.steps.map((s) => ({ text: s.text, value: s.value, exact: s.exact, tokens: s.tokens.map((t) => ({ text: t.text, value: t.value })) })),
    firstSuspicious: check.firstSuspicious,
    firstFalse: check.firstFalse,
    verified: check.verified,
    reason: check.reason,
    hint: hint && { outcome: hint.outcome, text: hint.text, value: hint.value, position: hint.position, exact: hint.exact, rejected: hint.rejected },
    familiarity: check.familiarity,
  });
}

/** The steps from --steps or --steps-file (read before any model loads). */
export function stepsOf(args: CheckArgs): string[] {
  return args.stepsFile === undefined ? args.steps : readSteps(args.stepsFile);
}

/** One step per line; blank lines are skipped. "-" is standard input. */
function readSteps(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --steps-file ${file}: ${(error as Error).message.split('\n', 1)[0]}`);
  }
  const steps = text.split('\n').map((s) => s.trim()).filter((s) => s !== '');
  if (steps.length === 0) throw new UsageError(`--steps-file ${file} has no steps: write one step per line`);
  return steps;
}
