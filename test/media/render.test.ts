import { test } from 'node:test';
import assert from 'node:assert/strict';
import katex from 'katex';
import { installDom } from './dom.js';
import { KATEX_OPTIONS, renderMath } from '../../media/src/math.js';
import { renderMarkdown } from '../../media/src/markdown.js';
import { renderView } from '../../media/src/view.js';
import { viewAnnouncement } from '../../media/src/announce.js';
import { chartPoints, chartSummary, xLabelSteps } from '../../media/src/chart.js';
import { pendingView, solvedView, stoppedView, type SolveRequestInfo } from '../../src/extension/solve/viewModel.js';
import { likelihoodTrace, sampleTrace } from '../fixtures/trace.js';
import { FAMILIAR, UNFAMILIAR } from '../fixtures/familiarity.js';

const root = installDom();
const closed = { treeOpen: false, tokensOpen: false };
const request: SolveRequestInfo = {
  documentUri: 'file:///a.md',
  problem: { key: 'problem-1', title: 'Problem 1', text: 'Janet has $3$ apples. <img src=x onerror=alert(1)>' },
  settings: { strategy: 'beam', verifier: 'tvm', k: 16, b: 4, temperature: 0.7, maxSteps: 10, model: 'default', device: 'cpu' },
};

function render(markdown: string): HTMLElement {
  const el = document.createElement('div');
  renderMarkdown(el, markdown, true);
  return el;
}

test('inline and display math are rendered by KaTeX into their placeholders', () => {
  const el = render('So $x^2$ and $$\\frac{a}{b}$$ hold');
  assert.equal(el.querySelectorAll('.katex').length, 2);
  assert.equal(el.querySelectorAll('.katex-display').length, 1);
  assert.match(el.textContent ?? '', /^So .* and .* hold$/s);
});

test('invalid TeX is shown inline as an error and never throws', () => {
  for (const tex of ['\\frac{1', '\\notacommand', '\\def\\a{\\a\\a}\\a', '\\rule{1000em}{1000em}', 'x^{^}']) {
    assert.doesNotThrow(() => katex.renderToString(tex, KATEX_OPTIONS));
    const el = render(`before $${tex}$ after`);
    assert.match(el.textContent ?? '', /^before .* after$/s, tex);
  }
  const parseError = render('$\\frac{1$').querySelector('.katex-error');
  assert.equal(parseError?.textContent, '\\frac{1', 'parse error shown as its source');
  assert.match(parseError?.getAttribute('title') ?? '', /KaTeX parse error/);
  assert.equal(parseError?.hasAttribute('style'), false, 'no inline style (the CSP would block it)');
  assert.ok(render('$\\def\\a{\\a\\a}\\a$').querySelector('.katex-error'), 'macro bomb stopped by maxExpand');
});

test('a failure that is not a parse error still shows the source inline', () => {
  const el = document.createElement('span');
  // KaTeX appends the rendered node to the target: make that first append fail as an internal
  // error would (later appends, e.g. by the fallback's textContent in linkedom, work).
  const append = Object.getPrototypeOf(el).appendChild as (node: Node) => Node;
  let calls = 0;
  el.appendChild = function <T extends Node>(this: HTMLElement, node: T): T {
    if (calls++ === 0) throw new Error('boom');
    return append.call(this, node) as T;
  };
  assert.doesNotThrow(() => renderMath(el, '\\frac{1}{2}', false));
  assert.equal(el.textContent, '\\frac{1}{2}');
  assert.ok(el.classList.contains('katex-error'));
  assert.equal(el.title, 'boom');
});

test('untrusted commands are not run: no links, no raw HTML', () => {
  const el = render('$\\href{javascript:alert(1)}{x}$ [a](https://example.com) <b>bold</b> ![i](https://example.com/i.png)');
  assert.equal(el.querySelector('a'), null);
  assert.equal(el.querySelector('img'), null);
  assert.equal(el.querySelector('b'), null);
  assert.match(el.textContent ?? '', /<b>bold<\/b>/);
});

test('$5 and $6 stay text', () => {
  assert.equal(render('costs $5 and $6').querySelectorAll('.katex').length, 0);
});

test('a step written as a bare formula is typeset; prose and formulas with words stay markdown', () => {
  for (const step of ['3x=15', '8*4=32', 'y = 24 / 2', '(3x+1)(x+4)=3x^2+13x+4', '75÷25=3', 'x=-12/4']) {
    const el = render(step);
    assert.equal(el.querySelectorAll('.katex').length, 1, step);
    assert.equal(el.querySelector('.katex-error'), null, step);
  }
  assert.equal(render('8*4=32 and 2*3=6').querySelectorAll('.katex').length, 0, 'words stay prose');
  assert.equal(render('*3x* = 15').querySelector('em'), null, 'a formula never becomes emphasis');
  for (const prose of ['The answer is 5', '12 - 7', 'x = y', 'Half of it is 6 = 12 / 2']) {
    assert.equal(render(prose).querySelectorAll('.katex').length, 0, prose);
  }
  const block = document.createElement('div');
  renderMarkdown(block, '3x=15', false);
  assert.equal(block.querySelectorAll('.katex').length, 0, 'only one-line steps are typeset, not problem statements');
});

test('solved view: steps, tokens, answer and actions have stable selectors', () => {
  renderView(root, solvedView(request, sampleTrace(), FAMILIAR, null), closed);
  const steps = root.querySelectorAll('.step[data-value]');
  assert.equal(steps.length, 2);
  assert.equal(steps[0]!.getAttribute('data-value'), '0.700');
  assert.equal(steps[0]!.getAttribute('data-bucket'), '3');
  assert.equal(steps[0]!.querySelector('.step-value')?.textContent, '70%');
  assert.equal(steps[1]!.querySelector('.step-delta')?.textContent, '+20 pts');
  const token = root.querySelector('.token[data-value]');
  assert.equal(token?.getAttribute('title'), 'value 0.600 (60%)');
  assert.ok(root.querySelector('.tokens')?.hasAttribute('hidden'));
  assert.match(root.querySelector('#answer')?.textContent ?? '', /Answer: 11 \(90%\)/);
  assert.equal(root.querySelector('#insert-solution')?.hasAttribute('disabled'), false);
  assert.equal(root.querySelector('#toggle-tree')?.getAttribute('aria-expanded'), 'false');
  assert.ok(root.querySelector('#tree')?.hasAttribute('hidden'));
  assert.equal(root.querySelector('#settings')?.textContent, 'Step-level beam search · K = 4, b = 2 · T = 0.7 · verifier tvm · model default · cpu');
  assert.equal(root.querySelectorAll('#value-chart .chart-point').length, 2);
  assert.ok(root.querySelector('#solve-again'));
});

test('the answer shows a verified / does not satisfy the problem badge, and none when unchecked', () => {
  renderView(root, solvedView(request, sampleTrace(), FAMILIAR, true), closed);
  const badge = root.querySelector('#answer .answer-check');
  assert.equal(badge?.getAttribute('data-verified'), 'true');
  assert.equal(badge?.textContent, '✓ verified');
  renderView(root, solvedView(request, sampleTrace(), FAMILIAR, false), closed);
  assert.equal(root.querySelector('#answer .answer-check[data-verified="false"]')?.textContent, '✗ does not satisfy the problem');
  renderView(root, solvedView(request, sampleTrace(), FAMILIAR, null), closed);
  assert.equal(root.querySelector('.answer-check'), null);
  // A panel state saved before answers were checked has no `check`: still shown, without a badge.
  const old = solvedView(request, sampleTrace(), FAMILIAR, null);
  renderView(root, { ...old, answer: { text: '11', value: null } as typeof old.answer }, closed);
  assert.match(root.querySelector('#answer')?.textContent ?? '', /Answer: 11/);
  assert.equal(root.querySelector('.answer-check'), null);
});

test('an unfamiliar problem is said in a note and beside the answer, and only then', () => {
  renderView(root, solvedView(request, sampleTrace(), UNFAMILIAR, null), closed);
  assert.match(root.querySelector('#notice[role="note"]')?.textContent ?? '', /^Unfamiliar problem: /);
  assert.equal(root.querySelector('#answer .answer-caution')?.textContent, '⚠ unfamiliar problem');
  renderView(root, solvedView(request, sampleTrace(), FAMILIAR, null), closed);
  assert.equal(root.querySelector('#notice'), null);
  assert.equal(root.querySelector('.answer-caution'), null);
});

test('the problem statement is rendered as markdown with raw HTML escaped', () => {
  renderView(root, solvedView(request, sampleTrace(), FAMILIAR, null), closed);
  const problem = root.querySelector('#problem');
  assert.equal(problem?.querySelector('img'), null);
  assert.equal(problem?.querySelectorAll('.katex').length, 1);
});

test('tree and tokens open on request; candidates say kept, pruned, duplicate or chosen', () => {
  renderView(root, solvedView(request, sampleTrace(), FAMILIAR, null), { treeOpen: true, tokensOpen: true });
  assert.equal(root.querySelector('#tree')?.hasAttribute('hidden'), false);
  assert.equal(root.querySelector('.tokens')?.hasAttribute('hidden'), false);
  const states = Array.from(root.querySelectorAll('.candidate')).map((c) => c.getAttribute('data-state'));
  assert.deepEqual(states, ['chosen', 'kept', 'pruned', 'duplicate', 'chosen', 'kept']);
  assert.equal(root.querySelector('.candidate[data-state="duplicate"] .candidate-state')?.getAttribute('title'), 'same step as candidate 0.0.1');
  assert.equal(root.querySelectorAll('.tree-level').length, 2);
  assert.ok(root.querySelector('.candidate[data-state="pruned"] .katex-error'), 'bad TeX in a candidate shown inline');
});

test('while solving: cancel instead of solve-again, nothing to insert', () => {
  renderView(root, pendingView(request, 'Loading model…'), closed);
  assert.equal(root.querySelector('#status')?.getAttribute('data-status'), 'solving');
  assert.equal(root.querySelector('#status')?.textContent, 'Loading model…');
  assert.ok(root.querySelector('#cancel'));
  assert.ok(root.querySelector('#insert-solution')?.hasAttribute('disabled'));
  assert.equal(root.querySelector('#value-chart'), null);
});

test('before any view: an empty state', () => {
  renderView(root, null, closed);
  assert.ok(root.querySelector('#empty'));
});

test('chart points: evenly spaced, value 1 at the top, unscored steps skipped', () => {
  const v = (value: number) => ({ value, percent: '', bucket: 0 as const });
  const points = chartPoints([v(1), null, v(0)], { left: 6, top: 6, width: 94, height: 44 });
  assert.deepEqual(points.map((p) => [p.step, p.x, p.y]), [
    [0, 6, 6],
    [2, 100, 50],
  ]);
});

test('the value chart has a y axis (0%, 50%, 100%), steps numbered on the x axis, a labelled 50% line and a legend', () => {
  renderView(root, solvedView(request, sampleTrace(), FAMILIAR, null), closed);
  const chart = root.querySelector('#value-chart');
  assert.equal(chart?.getAttribute('role'), 'img');
  assert.equal(chart?.getAttribute('aria-label'), 'Value after each step: step 1 70%, step 2 90%');
  const texts = (selector: string) => Array.from(root.querySelectorAll(selector)).map((t) => t.textContent);
  assert.deepEqual(texts('#value-chart .chart-y-axis .chart-label'), ['0%', '50%', '100%']);
  assert.ok(root.querySelector('#value-chart .chart-y-axis .chart-axis-line'));
  assert.deepEqual(texts('#value-chart .chart-x-axis .chart-label'), ['step', '1', '2']);
  assert.ok(root.querySelector('#value-chart .chart-x-axis .chart-axis-line'));
  assert.deepEqual(texts('#value-chart .chart-grid-label'), ['50%']);
  assert.deepEqual(texts('#value-chart .chart-legend .chart-label'), ['value after each step', '50%']);
  assert.ok(root.querySelector('#value-chart .chart-legend .chart-grid'), 'the legend shows the dashed line');
  // Labels sit beside the points they name: the step numbers under their points, 50% on its line.
  const pointXs = Array.from(root.querySelectorAll('#value-chart .chart-point')).map((c) => c.getAttribute('cx'));
  assert.deepEqual(Array.from(root.querySelectorAll('#value-chart .chart-step-label')).map((t) => t.getAttribute('x')), pointXs);
  const mid = root.querySelector('#value-chart > line.chart-grid')?.getAttribute('y1');
  assert.equal(Number(root.querySelector('#value-chart .chart-y-axis [data-value="0.5"]')?.getAttribute('y')) - 3, Number(mid));
});

test('chart summary and x labels: unscored steps are said, long solutions are numbered every few steps', () => {
  const v = (value: number, percent: string) => ({ value, percent, bucket: 0 as const });
  assert.equal(chartSummary([v(0.5, '50%'), null]), 'Value after each step: step 1 50%, step 2 not scored');
  assert.deepEqual(xLabelSteps(3), [0, 1, 2]);
  assert.deepEqual(xLabelSteps(1), [0]);
  assert.deepEqual(xLabelSteps(25), [0, 3, 6, 9, 12, 15, 18, 21, 24]);
  assert.deepEqual(xLabelSteps(14), [0, 2, 4, 6, 8, 10, 13]);
});

test('"Show token values" is disabled (and aria-disabled) when there are no tokens to show', () => {
  const tokensButton = () => root.querySelector('#toggle-tokens');
  renderView(root, solvedView(request, sampleTrace(), FAMILIAR, null), closed);
  assert.equal(tokensButton()?.hasAttribute('disabled'), false);
  assert.equal(tokensButton()?.hasAttribute('aria-disabled'), false);
  const pending = pendingView(request, 'Loading model…');
  for (const view of [pending, stoppedView(pending, 'cancelled', 'Cancelled.'), stoppedView(pending, 'error', 'boom')]) {
    renderView(root, view, closed);
    assert.ok(tokensButton()?.hasAttribute('disabled'), view.status);
    assert.equal(tokensButton()?.getAttribute('aria-disabled'), 'true', view.status);
  }
  // A stopped view that kept its steps still has nothing current to show.
  renderView(root, stoppedView(solvedView(request, sampleTrace(), FAMILIAR, null), 'cancelled', 'Cancelled.'), { treeOpen: false, tokensOpen: true });
  assert.ok(tokensButton()?.hasAttribute('disabled'));
  // Steps without tokens: nothing to show either.
  const solved = solvedView(request, sampleTrace(), FAMILIAR, null);
  renderView(root, { ...solved, steps: solved.steps.map((s) => ({ ...s, tokens: [] })) }, closed);
  assert.ok(tokensButton()?.hasAttribute('disabled'));
});

test('screen readers: steps in words, named lists for tokens and the tree, the visual value hidden', () => {
  renderView(root, solvedView(request, sampleTrace(), FAMILIAR, null), { treeOpen: true, tokensOpen: true });
  assert.equal(root.querySelector('#steps')?.getAttribute('aria-label'), 'Solution steps');
  assert.equal(root.querySelector('#steps')?.getAttribute('aria-busy'), 'false');
  const steps = Array.from(root.querySelectorAll('#steps > .step'));
  assert.deepEqual(steps.map((s) => s.querySelector('.sr-only')?.textContent), [
    'Step 1, 70% likely to lead to a correct answer, +15 pts:',
    'Step 2, 90% likely to lead to a correct answer, +20 pts:',
  ]);
  assert.equal(steps[0]!.querySelector('.step-value')?.getAttribute('aria-hidden'), 'true');
  assert.equal(steps[0]!.querySelector('.tokens')?.getAttribute('role'), 'list');
  assert.equal(steps[0]!.querySelector('.tokens')?.getAttribute('aria-label'), 'Token values of step 1');
  const token = steps[0]!.querySelector('.token');
  assert.equal(token?.getAttribute('role'), 'listitem');
  assert.equal(token?.getAttribute('aria-label'), 'The: value 0.600 (60%)');
  assert.equal(root.querySelector('#toggle-tree')?.getAttribute('aria-controls'), 'tree');
  assert.equal(root.querySelector('#tree')?.getAttribute('aria-label'), 'Search tree');
  assert.equal(root.querySelector('.beams')?.getAttribute('aria-label'), 'Beams at step 1');
  assert.equal(root.querySelector('.candidates')?.getAttribute('aria-label'), 'Candidates of beam 1');
  assert.equal(root.querySelector('.candidate .sr-only')?.textContent, 'Candidate 1, ');
  renderView(root, pendingView(request, 'Loading model…'), closed);
  assert.equal(root.querySelector('#steps')?.getAttribute('aria-busy'), 'true');
});

test('the live region says what happened, per status', () => {
  const pending = pendingView(request, 'Loading model…');
  assert.equal(viewAnnouncement(pending), 'Solving Problem 1. Loading model…');
  assert.equal(viewAnnouncement(stoppedView(pending, 'cancelled', 'Cancelled.')), 'Problem 1: Cancelled.');
  assert.equal(viewAnnouncement(stoppedView(pending, 'error', 'no model.')), 'Problem 1 could not be solved: no model.');
  assert.equal(viewAnnouncement(solvedView(request, sampleTrace(), FAMILIAR, true)), 'Problem 1 solved in 2 steps: answer 11 (verified), 90% likely correct.');
  assert.equal(viewAnnouncement(solvedView(request, sampleTrace(), FAMILIAR, null)), 'Problem 1 solved in 2 steps: answer 11, 90% likely correct.');
});

test('with a value model the panel says which one guided the search and names it on the step value', () => {
  renderView(root, solvedView(request, sampleTrace(), FAMILIAR, null), closed);
  assert.equal(root.querySelector('#scoring')?.textContent, 'Solution guided by the TVM.');
  assert.equal(root.querySelector('.step-value')?.getAttribute('title'), 'Probability, by the TVM, that this path leads to a correct answer');
});

test('without a value model: the panel says best-of-N ranked by likelihood, and shows no step percentages, chart or token values', () => {
  renderView(root, solvedView({ ...request, settings: { ...request.settings, strategy: 'bon' } }, likelihoodTrace(), FAMILIAR, null), { treeOpen: true, tokensOpen: false });
  assert.equal(root.querySelector('#scoring')?.textContent, "Solution ranked by the policy's likelihood (mean token log-probability); this bundle has no value model.");
  assert.equal(root.querySelector('#scoring')?.getAttribute('data-verifier'), 'none');
  assert.equal(root.querySelectorAll('.step').length, 2);
  assert.equal(root.querySelectorAll('.step-value').length, 0, 'no dashes where no value model exists');
  assert.equal(root.querySelector('.step .sr-only')?.textContent, 'Step 1:');
  assert.equal(root.querySelector('#value-chart'), null);
  assert.equal(root.querySelector('#toggle-tokens')?.getAttribute('aria-disabled'), 'true');
  assert.match(root.querySelector('#answer')?.textContent ?? '', /^Answer: 7$/);
  assert.deepEqual(Array.from(root.querySelectorAll('#paths .path .candidate-value')).map((e) => e.textContent), ['mean log p \u22120.214', 'mean log p \u22121.500']);
});
