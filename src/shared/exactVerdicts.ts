// What an exact verdict (ExactCheck, engineProtocol.ts) says about its line: contradicted or
// proven. A reading of the wire value, not a judgement: the engine keeps contradicted candidates
// out of solutions with it, and the extension and the CLI draw lines by it.
import type { ExactCheck } from './engineProtocol.js';

type Verdict = Pick<ExactCheck, 'verdict'> | null | undefined;

/** Verdicts that contradict a line: it is wrong whatever a verifier's value says. */
export function isContradicted(exact: Verdict): boolean {
  return exact?.verdict === 'false' || exact?.verdict === 'does-not-follow';
}

/** Verdicts that prove a line: arithmetic that is true, an equation that keeps the solutions. */
export function isProven(exact: Verdict): boolean {
  return exact?.verdict === 'true' || exact?.verdict === 'follows';
}
