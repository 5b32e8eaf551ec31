// What a hint continues from and where it is shown. If the current check flagged a step (exactly
// wrong, suspicious to the TVM, or a final answer that does not satisfy the problem: the engine's firstFlagged),
// the hint replaces that step (continuing the steps before it); otherwise it is the next step.
import type { Hint } from '../../shared/engineProtocol.js';
import type { Problem } from '../../shared/notebookTypes.js';
import type { MappedCheck } from '../check/checkStore.js';
import { formatPercent } from '../valueScale.js';
import { plainMath } from './plainMath.js';

export interface HintPlan {
  /** The user's steps the hint continues. */
  steps: string[];
  /** Index of the step the hint replaces, or null for a next step. */
  replaces: number | null;
  /** Line after which the hint is shown. */
  anchorLine: number;
}

export function planHint(problem: Problem, check: MappedCheck | undefined): HintPlan {
  const steps = problem.work?.steps ?? [];
  const suspicious = check?.result.firstFlagged ?? null;
  if (suspicious !== null && steps[suspicious]) {
    return { steps: steps.slice(0, suspicious).map((s) => s.text), replaces: suspicious, anchorLine: steps[suspicious].range.end };
  }
  const last = steps[steps.length - 1];
  return { steps: steps.map((s) => s.text), replaces: null, anchorLine: last?.range.end ?? problem.work?.labelLine ?? problem.statement.end };
}

/** The hint as plain text: it goes to an inline decoration and a notification, which cannot typeset math. */
export function hintMessage(hint: Pick<Hint, 'text' | 'value'> & Partial<Pick<Hint, 'outcome' | 'rejected' | 'familiarity'>>, plan: HintPlan): string {
  if (hint.outcome === 'all-contradicted') {
    return `No hint: exact math found all ${hint.rejected ?? 0} lines the model proposed here false. Check the previous step yourself.`;
  }
  if (hint.text.trim() === '') return 'The model would stop here: your working looks complete.';
  const where = plan.replaces === null ? 'Next step' : `Instead of step ${plan.replaces + 1}`;
  const caution = hint.familiarity?.unfamiliar === true ? ' — unfamiliar problem' : '';
  return `${where}: ${plainMath(hint.text)} (${formatPercent(hint.value)} chance of success)${caution}`;
}
