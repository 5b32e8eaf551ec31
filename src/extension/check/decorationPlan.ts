// What the editor shows for current check results: each step's text underlined in the colour of
// its value, its value (and change) after its last line, and one warning on the first suspicious
// step, placed on the token where the value fell most. Pure; decorations.ts applies it.
import { bucketOf, formatDelta, formatPercent, type Bucket } from '../valueScale.js';
import type { MappedCheck, MappedStep } from './checkStore.js';
import type { ColumnSpan } from './tokenSpans.js';

export interface StepLabel {
  /** Zero-width position after the step's last character. */
  line: number;
  column: number;
  text: string;
  bucket: Bucket;
}

export interface Suspicion {
  span: ColumnSpan;
  message: string;
}

export interface DecorationPlan {
  /** Spans to underline, by colour bucket (index = bucket). */
  underline: ColumnSpan[][];
  labels: StepLabel[];
  suspicions: Suspicion[];
}

function label(step: MappedStep): StepLabel {
  const last = step.spans[step.spans.length - 1]!;
  const { value, before } = step.checked;
  return { line: last.line, column: last.end, text: `${formatPercent(value)} (${formatDelta(value - before)})`, bucket: bucketOf(value) };
}

function suspicion(check: MappedCheck): Suspicion | undefined {
  const index = check.result.firstSuspicious;
  const step = index === null ? undefined : check.steps[index];
  if (!step) return undefined;
  const tokenIndex = check.result.suspiciousToken;
  const span = (tokenIndex === null ? undefined : step.tokens[tokenIndex]?.[0]) ?? step.spans[0]!;
  return { span, message: check.result.reason };
}

export function planDecorations(checks: readonly MappedCheck[]): DecorationPlan {
  const underline: ColumnSpan[][] = [[], [], [], [], []];
  const labels: StepLabel[] = [];
  const suspicions: Suspicion[] = [];
  for (const check of checks) {
    for (const step of check.steps) {
      underline[bucketOf(step.checked.value)]!.push(...step.spans);
      labels.push(label(step));
    }
    const s = suspicion(check);
    if (s) suspicions.push(s);
  }
  return { underline, labels, suspicions };
}
