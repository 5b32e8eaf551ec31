// Where and how the model's solution goes into the notebook. Pure, so the one editor edit that
// applies it is trivial and the placement rules are tested.
import type { Problem } from '../../shared/notebookTypes.js';

/** Insert `text` at the end of line `line` (so nothing after it moves or changes). */
export interface TextInsertion {
  line: number;
  text: string;
}

/**
 * A step as one list item's text. Model output is one line per step, but a stray \r (or U+2028,
 * U+2029) in it would be a line break in the editor: the rest could become a heading, a new
 * Problem or the user's own working. An empty step would leave a bare "-", which under a
 * paragraph is a setext heading underline: empty steps are dropped.
 */
function oneLine(step: string): string {
  return step.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').trim();
}

/** The steps as list items; empty steps dropped. */
function listOf(steps: readonly string[]): string[] {
  return steps.map(oneLine).flatMap((s) => (s === '' ? [] : [`- ${s}`]));
}

/** The model's solution as a block quote: a comment, never the user's steps. */
function quoted(list: readonly string[], caption: string): string[] {
  return [`> **Model solution** (${caption}):`, '>', ...list.map((l) => `> ${l}`)];
}

/**
 * The model's solution as the text of a new markdown cell of a Jupyter notebook, which goes right
 * after the cell holding the problem's last line (docs/notebook-format.md, "Jupyter notebooks"):
 * - no working yet: a `**Solution:**` label and the steps as a list (the cell is the working);
 * - an empty work label: the list alone (the working runs on into the next cell);
 * - the user's own working: the model's solution as a block quote (a comment, not steps).
 * Cells are parsed one by one, so nothing around the new cell can run into it. Empty when no step
 * is left.
 */
export function solutionCell(problem: Problem, steps: readonly string[], caption: string): string {
  const list = listOf(steps);
  if (list.length === 0) return '';
  const work = problem.work;
  if (!work) return ['**Solution:**', ...list].join('\n');
  if (work.steps.length === 0) return list.join('\n');
  return quoted(list, caption).join('\n');
}

/**
 * - No working yet: a `**Solution:**` label with the steps as a list, after the problem.
 * - An empty work label: the steps as a list right under it — or, when comments (quotes, code)
 *   follow the label, after them: a list inserted above indented code would take it in, and a
 *   Problem label after that code with it.
 * - The user's own working: the model's solution as a block quote after it, because quotes are
 *   comments in the notebook format and must not become the user's steps.
 */
export function solutionInsertion(
  problem: Problem,
  steps: readonly string[],
  eol: string,
  caption: string,
  /**
   * The document's line `n`, when known. A non-blank line right after the insertion gets a blank
   * line before it: otherwise it would continue the inserted list or quote (lazy continuation),
   * and a Problem label there would vanish into the model's solution.
   */
  lineAt?: (n: number) => string | undefined,
): TextInsertion {
  const list = listOf(steps);
  if (list.length === 0) return { line: problem.range.end, text: '' };
  const plan = ((): TextInsertion => {
    const work = problem.work;
    if (!work) return { line: problem.range.end, text: [eol, '**Solution:**', ...list].join(eol) };
    if (work.steps.length === 0) {
      const line = problem.range.end;
      return { line, text: [line === work.labelLine ? '' : eol, ...list].join(eol) };
    }
    return { line: problem.range.end, text: [eol, ...quoted(list, caption)].join(eol) };
  })();
  const next = lineAt?.(plan.line + 1);
  return plan.text !== '' && next !== undefined && next.trim() !== '' ? { ...plan, text: plan.text + eol } : plan;
}
