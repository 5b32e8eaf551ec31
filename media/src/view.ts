// Lays out a SolveView as DOM. Stable ids, classes and data attributes (`.step[data-value]`,
// `.token[data-value]`, `#answer`, `.answer-check[data-verified]`, `#toggle-tree`,
// `#insert-solution` …) are the panel's public surface for styles and end-to-end tests. Nothing
// here computes a value: it shows the host's.
import type { SolveView, StepView, TokenView } from '../../src/shared/webviewProtocol.js';
import { valueChart } from './chart.js';
import { h } from './dom.js';
import { markdownBlock, valueAttrs } from './parts.js';
import { searchTree } from './tree.js';

export interface UiState {
  treeOpen: boolean;
  tokensOpen: boolean;
}

const STRATEGY_NAMES: Readonly<Record<string, string>> = {
  beam: 'Step-level beam search',
  greedy: 'Greedy decoding',
  vote: 'Majority vote',
  bon: 'Best-of-N',
  wvote: 'Weighted vote',
};

function settingsLine(view: SolveView): HTMLElement {
  const s = view.settings;
  const budget = s.strategy === 'beam' ? `K = ${s.k}, b = ${s.b}` : `N = ${s.k}`;
  const parts = [STRATEGY_NAMES[s.strategy] ?? s.strategy, budget, `T = ${s.temperature}`, s.verifier ? `verifier ${s.verifier}` : null, `model ${s.model}`, s.device];
  return h('p', { id: 'settings', 'data-strategy': s.strategy, 'data-k': s.k, 'data-b': s.b }, [parts.filter((p) => p !== null).join(' · ')]);
}

/** How the solution was chosen and valued (absent in a panel state saved before it existed). */
function scoringLine(view: SolveView): HTMLElement | null {
  if (!view.scoring) return null;
  return h('p', { id: 'scoring', 'data-verifier': view.settings.verifier ?? 'none' }, [`Solution ${view.scoring}.`]);
}

/** A finished search without a value model has no success percentages to show (nor dashes in their place). */
function hasValues(view: SolveView): boolean {
  return view.status === 'solving' || view.settings.verifier !== null;
}

/** Token text as shown: a line break inside a token stays visible (pure line-break and EOS tokens are left out by the host). */
function tokenLabel(text: string): string {
  return text.replace(/\n/g, '\u23ce');
}

function token(t: TokenView): HTMLElement {
  const value = t.value ? `value ${t.value.value.toFixed(3)} (${t.value.percent})` : 'not scored';
  const title = t.calculated ? `calculated; ${value}` : value;
  // A list item with a name, so a screen reader says the token and its value (the title is for the mouse).
  return h('span', { class: t.calculated ? 'token calculated' : 'token', role: 'listitem', 'aria-label': `${t.text.trim() || 'space'}: ${title}`, ...valueAttrs(t.value), title }, [
    tokenLabel(t.text),
  ]);
}

/**
 * What a screen reader says before a step's text, e.g. "Step 2, 83% likely to lead to a correct
 * answer, +15 pts:"; only "Step 2:" when there is no value model (`valued` false).
 */
export function stepLabel(s: StepView, valued = true): string {
  if (!valued) return `Step ${s.index + 1}:`;
  const value = s.value ? `${s.value.percent} likely to lead to a correct answer` : 'not scored';
  return `Step ${s.index + 1}, ${value}${s.delta ? `, ${s.delta}` : ''}:`;
}

function step(s: StepView, ui: UiState, verifier: string | null, valued: boolean): HTMLElement {
  const by = verifier ? `, by the ${verifier.toUpperCase()},` : '';
  return h('li', { class: 'step', 'data-index': s.index, ...valueAttrs(s.value) }, [
    // The visible value and delta are hidden from screen readers: the label says them in words.
    h('span', { class: 'sr-only' }, [stepLabel(s, valued)]),
    valued && h('span', { class: 'step-value', title: `Probability${by} that this path leads to a correct answer`, 'aria-hidden': 'true' }, [s.value?.percent ?? '–']),
    s.delta && h('span', { class: 'step-delta', 'aria-hidden': 'true' }, [s.delta]),
    markdownBlock({ class: 'step-text' }, s.text, true),
    h('div', { class: 'tokens', role: 'list', 'aria-label': `Token values of step ${s.index + 1}`, hidden: !ui.tokensOpen }, s.tokens.map(token)),
  ]);
}

function answer(view: SolveView): HTMLElement | null {
  if (!view.answer) return null;
  return h('p', { id: 'answer', ...valueAttrs(view.answer.value) }, [
    'Answer: ',
    markdownBlock({ class: 'answer-text' }, view.answer.text, true),
    view.answer.value && h('span', { class: 'answer-value' }, [` (${view.answer.value.percent})`]),
    // Absent in a panel state saved before answers were checked.
    view.answer.check
      ? h('span', { class: 'answer-check', 'data-verified': String(view.answer.check.verified), title: 'The final answer checked against the problem itself (exact evaluation or substitution)' }, [
          `${view.answer.check.verified ? '✓' : '✗'} ${view.answer.check.text}`,
        ])
      : null,
    // Absent in a panel state saved before familiarity was measured.
    view.answer.caution ? h('span', { class: 'answer-caution', title: 'See the note above the steps' }, [`⚠ ${view.answer.caution}`]) : null,
  ]);
}

function actions(view: SolveView, ui: UiState): HTMLElement {
  const solving = view.status === 'solving';
  // Nothing to show after a cancel or an error, or before any step has tokens.
  const tokens = view.status !== 'cancelled' && view.status !== 'error' && hasValues(view) && view.steps.some((s) => s.tokens.length > 0);
  return h('div', { class: 'actions' }, [
    h('button', { id: 'insert-solution', disabled: solving || view.steps.length === 0 }, ['Insert into notebook']),
    h('button', { id: 'toggle-tree', 'aria-expanded': String(ui.treeOpen), 'aria-controls': 'tree', disabled: view.tree.length === 0 && view.paths.length === 0 }, [
      ui.treeOpen ? 'Hide search tree' : 'Show search tree',
    ]),
    h('button', { id: 'toggle-tokens', 'aria-pressed': String(ui.tokensOpen), disabled: !tokens, 'aria-disabled': tokens ? null : 'true' }, [
      ui.tokensOpen ? 'Hide token values' : 'Show token values',
    ]),
    solving ? h('button', { id: 'cancel' }, ['Cancel']) : h('button', { id: 'solve-again' }, ['Solve again']),
  ]);
}

function body(view: SolveView, ui: UiState): HTMLElement[] {
  const values = view.steps.map((s) => s.value);
  return [
    h('header', {}, [h('h1', { id: 'title' }, [view.title]), markdownBlock({ id: 'problem' }, view.problem, false), settingsLine(view), scoringLine(view)]),
    // Announced through the page's persistent live region (panel.ts): this element is rebuilt on every render.
    h('p', { id: 'status', 'data-status': view.status }, [view.message ?? '']),
    view.notice ? h('p', { id: 'notice', role: 'note' }, [view.notice]) : null,
    h('ol', { id: 'steps', 'aria-label': 'Solution steps', 'aria-busy': String(view.status === 'solving') }, view.steps.map((s) => step(s, ui, view.settings.verifier, hasValues(view)))),
    answer(view),
    values.some((v) => v !== null) ? h('figure', { id: 'chart' }, [valueChart(values), h('figcaption', {}, ['Value along the chosen path'])]) : null,
    actions(view, ui),
    h('section', { id: 'tree', 'aria-label': 'Search tree', hidden: !ui.treeOpen }, ui.treeOpen ? searchTree(view) : []),
    view.stats ? h('footer', { id: 'stats' }, [`${view.stats.seconds} s · ${view.stats.sampledCandidates} candidates sampled`]) : null,
  ].filter((e): e is HTMLElement => e !== null);
}

/** Replaces the content of `root` with the view (or an empty-state line before the first one). */
export function renderView(root: HTMLElement, view: SolveView | null, ui: UiState): void {
  root.replaceChildren(...(view ? body(view, ui) : [h('p', { id: 'empty' }, ['Waiting for a solution…'])]));
}
