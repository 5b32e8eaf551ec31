import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNotebook } from '../../../src/core/notebook/index.js';
import type { Problem } from '../../../src/shared/notebookTypes.js';
import { CheckStore, checkedText, mapCheck } from '../../../src/extension/check/checkStore.js';
import { REFUTED_ANSWER, checkVerdict, diagnosticsOf, planDecorations } from '../../../src/extension/check/decorationPlan.js';
import { hoverMarkdown } from '../../../src/extension/check/hover.js';
import { textUnits, unitAt, unitTokens } from '../../../src/extension/check/hoverUnits.js';
import { tokenOffsets, tokenSpans } from '../../../src/extension/check/tokenSpans.js';
import { checkResultFor } from '../../fixtures/check.js';
import { UNCALIBRATED, UNFAMILIAR } from '../../fixtures/familiarity.js';
import { suspicionSeverity, WARNING_DROP } from '../../../src/extension/check/severity.js';

const NOTEBOOK = ['## Problem 1', 'What is $2+3$ times 2?', '**Solution:**', '- We add $2+3=6$', '- then double it:', '  $6 \\cdot 2 = 12$', '- The answer is 12'].join('\n');
const problem = (text = NOTEBOOK): Problem => parseNotebook(text)[0]!;

test('token offsets: exact concatenation, normalised spaces, and tokens that cannot be placed', () => {
  assert.deepEqual(tokenOffsets('a b', ['a', ' b', '\n']), [[0, 1], [1, 3], null]);
  assert.deepEqual(tokenOffsets('a  b', ['a', ' b']), [[0, 1], [3, 4]]);
  assert.deepEqual(tokenOffsets('abc', ['x', 'abc']), [null, [0, 3]]);
  assert.deepEqual(tokenOffsets('abc', ['', 'abc']), [null, [0, 3]]);
});

test('token spans follow a step over its continuation lines', () => {
  const step = problem().work!.steps[1]!; // "then double it: $6 \cdot 2 = 12$" over lines 4-5
  assert.equal(step.text, 'then double it: $6 \\cdot 2 = 12$');
  const spans = tokenSpans(step, ['then', ' double', ' it:', ' $6', ' \\cdot', ' 2', ' =', ' 12$', '\n']);
  assert.deepEqual(spans[0], [{ line: 4, start: 2, end: 6 }]);
  assert.deepEqual(spans[3], [{ line: 5, start: 2, end: 4 }], 'the joining space maps to no column');
  assert.deepEqual(spans[7], [{ line: 5, start: 14, end: 18 }]);
  assert.deepEqual(spans[8], []);
});

test('store: results show only while their problem text and steps are unchanged', () => {
  const store = new CheckStore();
  const p = problem();
  store.watch('u', p.key);
  assert.deepEqual(store.current('u', [p]).outdated, [p], 'watched without a result: needs a check');
  store.record('u', p, checkResultFor(checkedText(p).steps, [0.7, 0.8, 0.9]));
  assert.equal(store.current('u', [p]).checks.length, 1);

  const edited = problem(NOTEBOOK.replace('We add', 'We sum'));
  const afterEdit = store.current('u', [edited]);
  assert.deepEqual([afterEdit.checks.length, afterEdit.outdated.length], [0, 1]);

  const moved = problem('# Title\n\n' + NOTEBOOK);
  const kept = store.current('u', [moved]).checks[0];
  assert.equal(kept?.steps[0]?.spans[0]?.line, 5, 'an edit above re-maps the result to the new lines');
  assert.deepEqual(store.current('other', [p]), { checks: [], outdated: [] });
  store.forget('u');
  assert.equal(store.hasWatched('u'), false);
});

test('a result with a different number of steps is never mapped', () => {
  assert.equal(mapCheck(problem(), checkResultFor(['only one'], [0.5])), undefined);
});

test('decoration plan: underline by value, labels after each step, a warning on the first suspicious token', () => {
  const p = problem();
  const check = mapCheck(p, checkResultFor(checkedText(p).steps, [0.7, 0.15, 0.1], 1))!;
  const plan = planDecorations([check]);
  assert.deepEqual(plan.underline.map((spans) => spans.map((s) => s.line)), [[4, 5, 6], [], [], [3], []]);
  assert.deepEqual(plan.labels, [
    { line: 3, column: 16, text: '70% (+10 pts)', bucket: 3, exact: null },
    { line: 5, column: 18, text: '15% (\u221255 pts)', bucket: 0, exact: null },
    { line: 6, column: 18, text: '10% (\u22125 pts)', bucket: 0, exact: null },
  ]);
  // A 55-point collapse: a Warning (severity.ts).
  assert.deepEqual(plan.suspicions, [{ span: { line: 4, start: 6, end: 13 }, message: 'Step 2 drops the success estimate.', severity: 'warning' }]);
  assert.deepEqual(plan.errors, []);
  assert.deepEqual(plan.exact, { sound: [], wrong: [] });
  assert.deepEqual(diagnosticsOf(plan).map((d) => d.severity), ['warning']);
});

// "We add $2+3=6$" is false; "$6 \cdot 2 = 12$" is true on its own facts, though the TVM's value stays low after the slip.
const FALSE_THEN_TRUE = [
  { verdict: 'false', expected: '5', message: '2+3=6 is false: 2+3 = 5' },
  { verdict: 'true', message: 'true' },
  { verdict: 'unknown', message: 'a final answer (checked against the problem instead)' },
] as const;

test('decoration plan with exact verdicts: an Error per wrong line stating the fact; the line after a slip coloured by its own verdict', () => {
  const p = problem();
  const result = { ...checkResultFor(checkedText(p).steps, [0.7, 0.15, 0.1], 1, [...FALSE_THEN_TRUE], false), finished: true };
  const plan = planDecorations([mapCheck(p, result)!]);
  assert.deepEqual(plan.underline, [[], [], [], [], []], 'every line was decided by exact math: none takes the value colour');
  assert.deepEqual(plan.exact.wrong.map((s) => s.line), [3, 6]);
  assert.deepEqual(plan.exact.sound.map((s) => s.line), [4, 5], 'the true line after the slip is not painted red');
  assert.deepEqual(plan.labels.map((l) => [l.text, l.exact]), [
    ['✗ false · 70% (+10 pts)', 'wrong'],
    ['✓ true · 15% (\u221255 pts)', 'sound'],
    ['✗ does not satisfy the problem · 10% (\u22125 pts)', 'wrong'],
  ]);
  assert.deepEqual(diagnosticsOf(plan), [
    { range: { startLine: 3, startColumn: 2, endLine: 3, endColumn: 16 }, message: '2+3=6 is false: 2+3 = 5', severity: 'error' },
    { range: { startLine: 6, startColumn: 2, endLine: 6, endColumn: 18 }, message: REFUTED_ANSWER, severity: 'error' },
  ], 'the TVM collapse at step 2 comes after the false step 1: the error explains it, no warning');
});

test('a TVM collapse before any exact error keeps its warning; one on a line that follows does not', () => {
  const p = problem();
  const unknown = { verdict: 'unknown', message: 'no equals sign' } as const;
  const early = planDecorations([mapCheck(p, checkResultFor(checkedText(p).steps, [0.1, 0.1, 0.1], 0, [unknown, { verdict: 'false', message: 'wrong' }, unknown]))!]);
  assert.deepEqual(diagnosticsOf(early).map((d) => [d.severity, d.range.startLine]), [['error', 4], ['warning', 3]]);
  assert.deepEqual(early.underline[0]!.map((s) => s.line), [3, 6], 'undecided lines keep the value colour');

  const follows = checkResultFor(checkedText(p).steps, [0.7, 0.1, 0.1], 1, [unknown, { verdict: 'follows', message: 'follows from x = 1' }, unknown]);
  assert.deepEqual(planDecorations([mapCheck(p, follows)!]).suspicions, []);
  assert.deepEqual(checkVerdict(follows, 0.5), { followsDespiteDrop: 1, finalValue: 0.1, threshold: 0.5, verified: follows.verified });
  assert.deepEqual(checkVerdict({ ...checkResultFor(['a'], [0.9]), verified: true }, 0.5), { followsDespiteDrop: null, finalValue: 0.9, threshold: 0.5, verified: true });

  // Set aside because the answer is verified with no false line: no warning, and no claim that the line follows.
  const verified = { ...checkResultFor(checkedText(p).steps, [0.7, 0.1, 0.1], 1, [unknown, { verdict: 'true', message: 'true' }, unknown]), verified: true, warningStands: false };
  assert.deepEqual(planDecorations([mapCheck(p, verified)!]).suspicions, []);
  assert.equal(checkVerdict(verified, 0.5).followsDespiteDrop, null);
});

test('a TVM-only suspicion is a Warning or Information by the size of its drop; exact errors stay Errors', () => {
  const p = problem();
  const severities = (values: number[], suspicious: number) => diagnosticsOf(planDecorations([mapCheck(p, checkResultFor(checkedText(p).steps, values, suspicious))!])).map((d) => d.severity);
  // checkResultFor: the problem's value is 0.6, each step's `before` the previous step's value.
  assert.deepEqual(severities([0.7, 0.35, 0.3], 1), ['warning'], '35 points');
  assert.deepEqual(severities([0.7, 0.5, 0.45], 1), ['information'], '20 points');
  assert.deepEqual(severities([0.2, 0.1, 0.1], 1), ['information'], '10 points (relative rule)');
  const wrong = { verdict: 'false', message: '2 + 2 = 5 is false: 2 + 2 = 4' } as const;
  const unknown = { verdict: 'unknown', message: 'no equals sign' } as const;
  const exact = planDecorations([mapCheck(p, checkResultFor(checkedText(p).steps, [0.7, 0.65, 0.6], null, [wrong, unknown, unknown]))!]);
  assert.deepEqual(diagnosticsOf(exact).map((d) => d.severity), ['error'], 'a small drop does not soften a fact');
});

test('severity bands: at the edges', () => {
  assert.equal(suspicionSeverity(0.8 - 0.5), 'warning', 'exactly 30 points');
  assert.equal(suspicionSeverity(0.7 - 0.4), 'warning', 'exactly 30 points, below in floating point');
  assert.equal(suspicionSeverity(WARNING_DROP - 0.001), 'information');
  assert.equal(suspicionSeverity(1), 'warning');
  assert.equal(suspicionSeverity(0.3 - 0.4), 'information', 'no drop at all');
});

test('hover: the word\'s value, step value and change; nothing outside the steps', () => {
  const p = problem();
  const checks = [mapCheck(p, checkResultFor(checkedText(p).steps, [0.7, 0.15, 0.1], 1))!];
  const onToken = hoverMarkdown(checks, 4, 8);
  assert.equal(onToken, '**TVM** · step 2 of 3\n\n`double`: value after it **58%**\n\nStep value **15%** (\u221255 pts from step 1)\n\n⚠ Step 2 drops the success estimate.');
  assert.match(hoverMarkdown(checks, 3, 2) ?? '', /\n\n`We`: value after it \*\*63%\*\*\n\nStep value \*\*70%\*\* \(\+10 pts from the problem alone\)$/s);
  assert.equal(hoverMarkdown(checks, 1, 3), undefined);
  assert.equal(hoverMarkdown(checks, 3, 0), undefined, 'the list marker is not part of the step');
  const unfamiliar = [mapCheck(p, { ...checkResultFor(checkedText(p).steps, [0.7, 0.15, 0.1], 1), familiarity: UNFAMILIAR })!];
  assert.match(hoverMarkdown(unfamiliar, 3, 2) ?? '', /\n\nUnfamiliar problem: .*$/);
  const uncalibrated = [mapCheck(p, { ...checkResultFor(checkedText(p).steps, [0.7, 0.15, 0.1], 1), familiarity: UNCALIBRATED })!];
  assert.match(hoverMarkdown(uncalibrated, 3, 2) ?? '', /\n\nUncalibrated: .*$/);
});

test('hover: the exact verdict with its right value, the line after a slip on its own, the final answer verified or not', () => {
  const p = problem();
  const result = { ...checkResultFor(checkedText(p).steps, [0.7, 0.15, 0.1], 1, [...FALSE_THEN_TRUE], false), finished: true };
  const checks = [mapCheck(p, result)!];
  assert.match(hoverMarkdown(checks, 3, 2) ?? '', /\n\n✗ \*\*Exact:\*\* 2\\\+3=6 is false: 2\\\+3 = 5 \(right value `5`\)$/);
  const after = hoverMarkdown(checks, 5, 4) ?? '';
  assert.match(after, /\n\n✓ \*\*Exact:\*\* true$/);
  assert.doesNotMatch(after, /⚠/, 'the collapse after the slip is explained by the slip');
  assert.match(hoverMarkdown(checks, 6, 4) ?? '', /✗ \*\*Exact:\*\* This final answer does not satisfy the problem/);
  const verified = [mapCheck(p, { ...result, verified: true })!];
  assert.match(hoverMarkdown(verified, 6, 4) ?? '', /✓ \*\*Exact:\*\* the final answer satisfies the problem \(verified\)/);
  const off = [mapCheck(p, checkResultFor(checkedText(p).steps, [0.7, 0.15, 0.1], 1))!];
  assert.doesNotMatch(hoverMarkdown(off, 3, 2) ?? '', /Exact/, 'exact math off: nothing to say');
});

test('hover units: numbers with a decimal point or comma, words, LaTeX commands, operators; none on whitespace', () => {
  assert.deepEqual(textUnits('x = 15 \\times 0.25, 3,5 isn’t <= 2').map((u) => u.text), ['x', '=', '15', '\\times', '0.25', ',', '3,5', 'isn’t', '<=', '2']);
  assert.deepEqual(unitAt('So $15$', 7, 2), { start: 6, end: 8, text: '15' }, 'columns shifted by where the text starts');
  assert.deepEqual(unitAt('a  b', 2), undefined, 'whitespace is no unit');
  assert.deepEqual(unitAt('\\times', 3), { start: 0, end: 6, text: '\\times' });
  const spans = [[{ line: 1, start: 0, end: 2 }], [{ line: 1, start: 2, end: 3 }], [{ line: 1, start: 3, end: 4 }], [{ line: 2, start: 0, end: 4 }]];
  assert.deepEqual(unitTokens(spans, 1, { start: 2, end: 4 }), [1, 2]);
  assert.deepEqual(unitTokens(spans, 1, { start: 1, end: 3 }), [0, 1], 'a token reaching into the unit counts');
  assert.deepEqual(unitTokens(spans, 2, { start: 5, end: 6 }), []);
});

test('hover: a number split into digit tokens is named whole, its tokens listed; a single-token unit lists none', () => {
  const p = problem(['## Problem 1', 'What is 15 times 0.25?', '**Solution:**', '- So $15 \\times 0.25 = 3.75$ now'].join('\n'));
  const texts = ['So', ' $', '1', '5', ' \\', 'times', ' 0', '.', '25', ' =', ' 3', '.', '75', '$', ' now', '\n'];
  const result = checkResultFor(checkedText(p).steps, [0.9]);
  result.steps[0] = { ...result.steps[0]!, tokens: texts.map((text, id) => ({ id, text, value: 0.8 + id / 100 })) };
  const checks = [mapCheck(p, result)!];
  const hover = (column: number): string => (hoverMarkdown(checks, 3, column) ?? '').split('\n\nStep value')[0]!;
  // Line 3: "- So $15 \times 0.25 = 3.75$ now"; the step starts at column 2.
  assert.equal(hover(7), '**TVM** · step 1 of 1\n\n`15`: value after it **83%**\n\nTokens: `1` 82% · `5` 83%', 'on the 5 of 15');
  assert.equal(hover(16), '**TVM** · step 1 of 1\n\n`0.25`: value after it **88%**\n\nTokens: ` 0` 86% · `.` 87% · `25` 88%');
  assert.equal(hover(11), '**TVM** · step 1 of 1\n\n`\\times`: value after it **85%**\n\nTokens: ` \\` 84% · `times` 85%');
  assert.equal(hover(3), '**TVM** · step 1 of 1\n\n`So`: value after it **80%**', 'one token: no list');
  assert.equal(hover(21), '**TVM** · step 1 of 1\n\n`=`: value after it **89%**');
  assert.equal(hover(8), '**TVM** · step 1 of 1', 'on whitespace: the step alone');
  assert.match(hoverMarkdown(checks, 3, 8) ?? '', /^\*\*TVM\*\* · step 1 of 1\n\nStep value \*\*90%\*\*/);
});
