// Where and how the model's solution goes into the notebook. Pure, so the one editor edit that
// applies it is trivial and the placement rules are tested.
import type { Problem } from '../../core/notebook/index.js';

/** Insert `text` at the end of line `line` (so nothing after it moves or changes). */
export interface TextInsertion {
  line: number;
  text: string;
}

/**
 * - No working yet: a `**Solution:**` label with the steps as a list, after the problem.
 * - An empty work label: the steps as a list right under it.
 * - The user's own working: the model's solution as a block quote after it, because quotes are
 *   comments in the notebook format and must not become the user's steps.
 */
export function solutionInsertion(problem: Problem, steps: readonly string[], eol: string, caption: string): TextInsertion {
  const list = steps.map((s) => `- ${s}`);
  const work = problem.work;
  if (!work) {
    return { line: problem.range.end, text: [eol, '**Solution:**', ...list].join(eol) };
  }
  if (work.steps.length === 0) {
    return { line: work.labelLine, text: ['', ...list].join(eol) };
  }
  return { line: problem.range.end, text: [eol, `> **Model solution** (${caption}):`, '>', ...list.map((l) => `> ${l}`)].join(eol) };
}
