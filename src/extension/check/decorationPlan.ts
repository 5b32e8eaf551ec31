// What the editor shows for current check results. Each step is underlined in the colour of its
// own verdict: where exact math decided the line (src/core/check/exactCheck.ts) — arithmetic true
// or false, an equation that follows or does not, a final answer that satisfies the problem or
// not — the line gets the 'sound' or 'wrong' look whatever the TVM's value; otherwise the colour of
// its value. So the lines after a slip are not all painted red because the value stays low: each
// is judged on its own. After each step, its value (and change), marked ✓/✗ where exact math
// decided it. Diagnostics: an Error over every exactly wrong line, stating the fact; on the first
// step where the value collapses, placed on the token where it fell most, a Warning or
// Information by the size of the drop (severity.ts), only when no exact error at or before it explains
// the collapse (the engine's warningStands). Pure; decorations.ts and
// checkController.ts apply it.
import { isContradicted, isProven } from '../../shared/exactVerdicts.js';
import type { CheckedStep } from '../../shared/engineProtocol.js';
import type { CheckVerdict } from '../toastText.js';
import { bucketOf, formatDelta, formatPercent, type Bucket } from '../valueScale.js';
import type { MappedCheck, MappedStep } from './checkStore.js';
import { suspicionSeverity, type SuspicionSeverity } from './severity.js';
import type { ColumnSpan } from './tokenSpans.js';

/** How exact math decided a line: 'sound' (true, follows, a verified answer) or 'wrong'. */
export type ExactLook = 'sound' | 'wrong';

export interface StepLabel {
  /** Zero-width position after the step's last character. */
  line: number;
  column: number;
  text: string;
  bucket: Bucket;
  /** Exact math decided the line: the label takes that look rather than the value's colour. */
  exact: ExactLook | null;
}

export interface Suspicion {
  span: ColumnSpan;
  message: string;
  /** By the size of the drop (severity.ts): the model's opinion, stated as loudly as it tends to be right. */
  severity: SuspicionSeverity;
}

/** A range over whole steps (it may cover continuation lines). */
export interface LineRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** An Error diagnostic: the fact exact math found wrong in a step. */
export interface ExactError {
  range: LineRange;
  message: string;
}

export interface DecorationPlan {
  /** Spans to underline by the value's colour bucket (index = bucket): steps exact math did not decide. */
  underline: ColumnSpan[][];
  /** Spans of steps exact math decided, by look. */
  exact: Record<ExactLook, ColumnSpan[]>;
  labels: StepLabel[];
  /** Warnings: the TVM's first collapse, unless an exact error explains it. */
  suspicions: Suspicion[];
  /** Errors: every exactly wrong step, and a final answer that does not satisfy the problem. */
  errors: ExactError[];
}

/** The message of the Error on a final answer that does not satisfy the problem. */
export const REFUTED_ANSWER = 'This final answer does not satisfy the problem (checked by substituting it into the problem).';

/** What exact math says about one step of a check: a look and a short word for the label, or null. */
export function exactOutcome(check: MappedCheck, step: MappedStep): { look: ExactLook; word: string } | null {
  const { exact } = step.checked;
  if (isContradicted(exact)) return { look: 'wrong', word: exact?.verdict === 'false' ? 'false' : 'does not follow' };
  if (isProven(exact)) return { look: 'sound', word: exact?.verdict === 'true' ? 'true' : 'follows' };
  if (isFinalAnswer(check, step) && check.result.verified !== null) {
    return check.result.verified ? { look: 'sound', word: 'verified' } : { look: 'wrong', word: 'does not satisfy the problem' };
  }
  return null;
}

function isFinalAnswer(check: MappedCheck, step: MappedStep): boolean {
  return check.result.finished && step.index === check.steps.length - 1;
}

function label(step: MappedStep, outcome: ReturnType<typeof exactOutcome>): StepLabel {
  const last = step.spans[step.spans.length - 1]!;
  const { value, before } = step.checked;
  const tvm = `${formatPercent(value)} (${formatDelta(value - before)})`;
  const text = outcome ? `${outcome.look === 'sound' ? '✓' : '✗'} ${outcome.word} · ${tvm}` : tvm;
  return { line: last.line, column: last.end, text, bucket: bucketOf(value), exact: outcome?.look ?? null };
}

function suspicion(check: MappedCheck): Suspicion | undefined {
  if (!check.result.warningStands) return undefined;
  const index = check.result.firstSuspicious;
  const step = index === null ? undefined : check.steps[index];
  if (!step) return undefined;
  const tokenIndex = check.result.suspiciousToken;
  const span = (tokenIndex === null ? undefined : step.tokens[tokenIndex]?.[0]) ?? step.spans[0]!;
  return { span, message: check.result.reason, severity: suspicionSeverity(check.result.suspiciousDrop ?? step.checked.before - step.checked.value) };
}

function wholeStep(step: MappedStep): LineRange {
  const first = step.spans[0]!;
  const last = step.spans[step.spans.length - 1]!;
  return { startLine: first.line, startColumn: first.start, endLine: last.line, endColumn: last.end };
}

function errorMessage(checked: CheckedStep, look: ExactLook): string | null {
  if (look !== 'wrong') return null;
  return isContradicted(checked.exact) ? (checked.exact?.message ?? null) : REFUTED_ANSWER;
}

export function planDecorations(checks: readonly MappedCheck[]): DecorationPlan {
  const underline: ColumnSpan[][] = [[], [], [], [], []];
  const exact: Record<ExactLook, ColumnSpan[]> = { sound: [], wrong: [] };
  const labels: StepLabel[] = [];
  const suspicions: Suspicion[] = [];
  const errors: ExactError[] = [];
  for (const check of checks) {
    for (const step of check.steps) {
      const outcome = exactOutcome(check, step);
      if (outcome) exact[outcome.look].push(...step.spans);
      else underline[bucketOf(step.checked.value)]!.push(...step.spans);
      labels.push(label(step, outcome));
      const message = outcome && errorMessage(step.checked, outcome.look);
      if (message) errors.push({ range: wholeStep(step), message });
    }
    const s = suspicion(check);
    if (s) suspicions.push(s);
  }
  return { underline, exact, labels, suspicions, errors };
}

export interface PlannedDiagnostic {
  range: LineRange;
  message: string;
  severity: 'error' | SuspicionSeverity;
}

/** The plan's diagnostics: Errors for exactly wrong steps, then the standing TVM suspicion (Warning or Information by its drop). */
export function diagnosticsOf(plan: DecorationPlan): PlannedDiagnostic[] {
  return [
    ...plan.errors.map((e): PlannedDiagnostic => ({ ...e, severity: 'error' })),
    ...plan.suspicions.map(
      (s): PlannedDiagnostic => ({ range: { startLine: s.span.line, startColumn: s.span.start, endLine: s.span.line, endColumn: s.span.end }, message: s.message, severity: s.severity }),
    ),
  ];
}

/**
 * What an explicit check says in a message when no step is flagged (a flagged step has its
 * diagnostic instead): the TVM's verdict, or, when its collapse falls on a line that provably
 * follows, that; and whether the final answer was verified.
 */
/** What the toast of a check with nothing flagged says (toastText.checkVerdictToast). */
export function checkVerdict(result: MappedCheck['result'], threshold: number): CheckVerdict {
  const index = result.firstSuspicious;
  // The engine also sets a drop aside when the answer is verified with no false line; only a line that follows is named.
  const follows = index !== null && !result.warningStands && result.steps[index]?.exact?.verdict === 'follows';
  return {
    followsDespiteDrop: follows ? index : null,
    finalValue: result.steps.at(-1)?.value ?? result.problemValue,
    threshold,
    verified: result.verified,
  };
}
