// Human-readable output: steps with the verifier's success estimate as a percentage, and beside
// it what exact math found: false lines with the fact, a final answer verified or not.
import type { CheckResult, Familiarity, Hint, SearchTrace, SolveResult } from '../shared/engineProtocol.js';
import { isContradicted } from '../core/check/exactCheck.js';
import { familiarityNotice } from '../shared/familiarityNotice.js';
import { scoringNote } from '../shared/scoringNote.js';

const STRATEGY_NAMES: Record<SearchTrace['params']['strategy'], string> = {
  greedy: 'greedy decoding',
  vote: 'majority vote',
  bon: 'best-of-N',
  wvote: 'verifier-weighted vote',
  beam: 'step-level beam search',
};

export function percent(value: number | null): string {
  return value === null ? '   -' : `${Math.round(value * 100)}%`.padStart(4);
}

/** "Unfamiliar problem" or "uncalibrated", as a last line (none when the problem is familiar and the values calibrated, or there are no values). */
function noteLines(familiarity: Familiarity, valued: boolean, verified: boolean | null): string[] {
  const notice = familiarityNotice(familiarity, valued, verified);
  return notice ? [`Note: ${notice}`] : [];
}

/** " — unfamiliar problem" after an answer the models are not fit to give. */
function unfamiliarMark(familiarity: Familiarity): string {
  return familiarity.unfamiliar === true ? ' — unfamiliar problem' : '';
}

/** " (verified)" / " (does not satisfy the problem)" after an answer; nothing when unchecked. */
export function verifiedNote(verified: boolean | null): string {
  return verified === null ? '' : verified ? ' (verified)' : ' (does not satisfy the problem)';
}

export function renderSolve(result: SolveResult): string {
  const { params, timings } = result.trace;
  const budget = params.strategy === 'beam' ? `K=${params.k}, b=${params.b}` : params.strategy === 'greedy' ? '' : `N=${params.k}`;
  // Without a value model no step has a success estimate: no column of dashes.
  const valued = params.verifier !== null;
  const lines = [
    `${STRATEGY_NAMES[params.strategy]}${budget ? `, ${budget}` : ''}, seed ${params.seed} (${(timings.totalMs / 1000).toFixed(1)} s): ${scoringNote(params)}`,
    ...result.steps.map((s, i) => `${String(i + 1).padStart(3)}. ${valued ? `[${percent(s.value)}] ` : ''}${s.text}`),
    result.answer === null ? 'No final answer was found.' : `Answer: ${result.answer}${verifiedNote(result.verified)}${unfamiliarMark(result.familiarity)}`,
  ];
  if (result.trace.votes.length > 0) {
    lines.push(`Votes: ${result.trace.votes.map((v) => `${v.answer} ×${v.members.length}`).join(', ')}`);
  }
  return [...lines, ...noteLines(result.familiarity, valued, result.verified)].join('\n');
}

export function renderCheck(check: CheckResult, hint: Hint | null): string {
  const lines = [`Success estimate after the problem: ${percent(check.problemValue).trim()}`];
  const last = check.steps.length - 1;
  check.steps.forEach((step, i) => {
    const marks = [
      isContradicted(step.exact) ? `  <- ${step.exact?.message}` : '',
      i === check.firstSuspicious ? '  <- first suspicious step' : '',
      i === last && check.verified !== null ? `  <- ${check.verified ? 'verified' : 'does not satisfy the problem'}` : '',
    ];
    lines.push(`${String(i + 1).padStart(3)}. [${percent(step.value)}] ${step.text}${marks.join('')}`);
  });
  lines.push(check.reason);
  if (hint) lines.push(hintLine(hint, check.steps.length));
  return [...lines, ...noteLines(check.familiarity, true, check.verified)].join('\n');
}

function hintLine(hint: Hint, steps: number): string {
  switch (hint.outcome) {
    case 'stop':
      return 'Hint: the model would stop here.';
    case 'all-contradicted':
      return `Hint: none — exact math found every one of the ${hint.rejected} lines the model proposed false; check the last step yourself.`;
    case 'step': {
      const where = hint.position < steps ? `instead of step ${hint.position + 1}` : `step ${hint.position + 1}`;
      return `Hint (${where}, ${percent(hint.value).trim()}${unfamiliarMark(hint.familiarity)}): ${hint.text}`;
    }
  }
}
