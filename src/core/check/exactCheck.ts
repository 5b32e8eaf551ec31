// Exact verdicts beside the TVM's values in a check (issue "Exact math beside the TVM", items 4
// and 5): every line is judged by src/core/exact on its own facts — arithmetic true or false,
// an equation following from the one before it or not — and a stated final answer is checked
// against the problem itself. The TVM's suspicion and the exact verdicts are combined here, once,
// so the CLI, the hint and the extension agree on which lines are flagged.
import { judgeSteps, verifyAnswer, type ExactJudgement } from '../exact/index.js';

export { isContradicted } from '../exact/index.js';

/** An exact verdict on one line (src/core/exact's ExactJudgement: the wire type ExactCheck). */
export type ExactStep = ExactJudgement;

/**
 * Judges every line; a failure inside the exact module (never expected: it claims nothing
 * rather than throw) leaves every line 'unknown' rather than failing the check.
 */
export function judgeLines(problem: string, steps: readonly string[]): ExactStep[] {
  try {
    return judgeSteps(problem, steps);
  } catch (error) {
    return steps.map(() => ({ verdict: 'unknown', message: `could not be checked (${(error as Error).message})` }));
  }
}

/** The final answer checked against the problem; null when there is none or no exact reading. */
export function verifyStatedAnswer(problem: string, answer: string | null): boolean | null {
  if (answer === null || answer.trim() === '') return null;
  try {
    return verifyAnswer(problem, answer);
  } catch {
    return null;
  }
}

/** What firstFlagged and tvmWarningStands read from a CheckResult. */
export interface FlagSource {
  steps: ReadonlyArray<{ exact: Pick<ExactStep, 'verdict'> | null }>;
  firstSuspicious: number | null;
  firstFalse: number | null;
  verified: boolean | null;
}

/** A derivation that reached a verified answer with no false line on the way. */
export function derivationSucceeded(check: Pick<FlagSource, 'firstFalse' | 'verified'>): boolean {
  return check.verified === true && check.firstFalse === null;
}

/**
 * Whether the TVM's first suspicious step is worth a warning beside the exact verdicts. Not when
 * an exact error at or before it explains the collapse (the value stays low after a slip: that is
 * the slip's effect, already reported as an error), nor when the line itself provably follows
 * from the problem's equation (each line before it followed too, so the line is sound). A line
 * whose arithmetic is merely true keeps the warning: a true calculation can still be the wrong one
 * for a word problem. Nor when the derivation succeeded: its stated answer satisfies the problem
 * exactly and no line is false, so a fall of the value on the way collapsed nothing (the TVM's
 * false alarms on correct solutions, bench/results/check).
 */
export function tvmWarningStands(check: FlagSource): boolean {
  const index = check.firstSuspicious;
  if (index === null) return false;
  if (check.firstFalse !== null && check.firstFalse <= index) return false;
  if (derivationSucceeded(check)) return false;
  return check.steps[index]?.exact?.verdict !== 'follows';
}

/**
 * The first line a hint should replace: the first exactly contradicted line, the first TVM
 * suspicion that stands (see tvmWarningStands), or a final answer that does not satisfy the
 * problem, whichever comes first; null when none.
 */
export function firstFlagged(check: FlagSource): number | null {
  const flagged = [check.firstFalse, tvmWarningStands(check) ? check.firstSuspicious : null, check.verified === false ? check.steps.length - 1 : null];
  const indexes = flagged.filter((i): i is number => i !== null);
  return indexes.length === 0 ? null : Math.min(...indexes);
}
