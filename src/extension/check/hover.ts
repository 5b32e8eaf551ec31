// Hover text over a checked step: the value after the number or word under the cursor (with its
// tokens' values when it spans several), the step's value and its change from the
// previous step, and what exact math found about the line (and about a final answer). Pure
// markdown; the vscode side wraps it in an untrusted MarkdownString.
import { isContradicted, isProven } from '../../shared/exactVerdicts.js';
import { familiarityNotice } from '../../shared/familiarityNotice.js';
import { formatDelta, formatPercent } from '../valueScale.js';
import type { MappedCheck, MappedStep } from './checkStore.js';
import { REFUTED_ANSWER } from './decorationPlan.js';
import { unitAt, unitTokens } from './hoverUnits.js';
import type { ColumnSpan } from './tokenSpans.js';

function covers(span: ColumnSpan, line: number, column: number): boolean {
  return span.line === line && span.start <= column && column < span.end;
}

/** Inline code for a token, whatever backticks it contains; the line break shows as ⏎. */
function code(text: string): string {
  const shown = text.replace(/\n/g, '\u23ce');
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/** The unit under the cursor: the value after its last token, then each token's when there are several. */
function unitLines(step: MappedStep, line: number, column: number): string[] {
  const segment = step.step.segments.find((s) => s.line === line && s.column <= column && column < s.column + s.text.length);
  const unit = segment && unitAt(segment.text, column, segment.column);
  if (!unit) return [];
  const indices = unitTokens(step.tokens, line, unit);
  const tokens = indices.map((i) => step.checked.tokens[i]).filter((t) => t !== undefined);
  const last = tokens[tokens.length - 1];
  if (!last) return [];
  const lines = [`${code(unit.text)}: value after it **${formatPercent(last.value)}**`];
  if (tokens.length > 1) lines.push(`Tokens: ${tokens.map((t) => `${code(t.text)} ${formatPercent(t.value)}`).join(' · ')}`);
  return lines;
}

function describe(check: MappedCheck, step: MappedStep, line: number, column: number): string {
  const { checked, index } = step;
  const from = index === 0 ? 'the problem alone' : `step ${index}`;
  const lines = [`**TVM** · step ${index + 1} of ${check.steps.length}`, ...unitLines(step, line, column)];
  lines.push(`Step value **${formatPercent(checked.value)}** (${formatDelta(checked.value - checked.before)} from ${from})`);
  const exact = exactLine(check, step);
  if (exact) lines.push(exact);
  if (check.result.firstSuspicious === index && check.result.warningStands) lines.push(`⚠ ${check.result.reason}`);
  const notice = familiarityNotice(check.result.familiarity, true, check.result.verified);
  if (notice) lines.push(notice);
  return lines.join('\n\n');
}

/** Markdown-escaped text: exact messages carry LaTeX (`\\times`) and `*`, shown as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}

const EXPECTED_WORDS = { expected: 'right value', witness: 'witness' } as const;

/** The line's exact verdict (with its right value or witness), or the final answer's check. */
function exactLine(check: MappedCheck, step: MappedStep): string | null {
  const { exact } = step.checked;
  const details = exact
    ? (['expected', 'witness'] as const).flatMap((key) => (exact[key] === undefined ? [] : [`${EXPECTED_WORDS[key]} ${code(exact[key] as string)}`]))
    : [];
  const more = details.length > 0 ? ` (${details.join(', ')})` : '';
  // The final answer line speaks of the answer's check against the problem.
  const answer = check.result.finished && step.index === check.steps.length - 1 ? check.result.verified : null;
  if (answer === true) return '✓ **Exact:** the final answer satisfies the problem (verified)';
  if (answer === false) return `✗ **Exact:** ${escapeMarkdown(REFUTED_ANSWER)}`;
  if (exact && isContradicted(exact)) return `✗ **Exact:** ${escapeMarkdown(exact.message)}${more}`;
  if (exact && isProven(exact)) return `✓ **Exact:** ${escapeMarkdown(exact.message)}`;
  return exact ? `**Exact:** no claim (${escapeMarkdown(exact.message)})` : null;
}

export function hoverMarkdown(checks: readonly MappedCheck[], line: number, column: number): string | undefined {
  for (const check of checks) {
    for (const step of check.steps) {
      if (step.spans.some((s) => covers(s, line, column))) return describe(check, step, line, column);
    }
  }
  return undefined;
}
