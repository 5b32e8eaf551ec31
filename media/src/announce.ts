// What the panel's live region says when a view arrives: the page is rebuilt on every render, so
// the visible status line cannot be the live region itself (a new node is not announced). Pure,
// so the wording is tested.
import type { SolveView } from '../../src/shared/webviewProtocol.js';

/** Progress is announced at most this often: a screen reader reading every event would never stop. */
export const PROGRESS_ANNOUNCE_MS = 5000;

export function viewAnnouncement(view: SolveView): string {
  switch (view.status) {
    case 'solving':
      return `Solving ${view.title}. ${view.message ?? ''}`.trim();
    case 'cancelled':
      return `${view.title}: ${view.message ?? 'cancelled.'}`;
    case 'error':
      return `${view.title} could not be solved: ${view.message ?? 'unknown error.'}`;
    case 'done': {
      const steps = `${view.steps.length} step${view.steps.length === 1 ? '' : 's'}`;
      if (!view.answer) return `${view.title} solved in ${steps}. ${view.message ?? 'No answer.'}`.trim();
      const value = view.answer.value ? `, ${view.answer.value.percent} likely correct` : '';
      const check = view.answer.check ? ` (${view.answer.check.text})` : '';
      return `${view.title} solved in ${steps}: answer ${view.answer.text}${check}${value}.`;
    }
  }
}
