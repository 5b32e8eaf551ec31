// The `notebook` E2E stage: the tutor in a Jupyter notebook (.ipynb) opened in VS Code's notebook
// editor (the built-in vscode.ipynb serializer). test/e2e/notebooks/planted-error.ipynb has the
// problem in one markdown cell, a code cell, and the working with a planted slip in the next
// markdown cell (docs/notebook-format.md, "Jupyter notebooks"). Markdown cells show their text
// editor (and so CodeLenses, decorations, hovers) while they are edited: the stage puts a cell in
// edit mode as a user would (select it, Enter).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { check, closeAllEditors, decorations, expectSolution, ModelVerdictError, valueLabels, type Stage, type StageContext } from './stages.js';
import { escapeRegExp, waitFor } from './workbench.js';

const NOTEBOOK = {
  file: 'planted-error.ipynb',
  intro: 'A Jupyter notebook with a planted error',
  heading: '## Problem 1',
  title: 'Problem 1',
  answer: '5',
  /** Cell indices in the notebook: the problem, the (ignored) code cell, the working. */
  problemCell: 1,
  workCell: 3,
  /** The slip, 1-based line in the working cell. */
  wrongLine: '- $3x = 16$',
  hoverLine: '- $3x = 19 - 4$',
  hoverToken: '19',
};

/** The notebook editor is an overlay above the editor part, not inside it. */
const NOTEBOOK_ROOT = '.notebookOverlay';

interface CellJson {
  cell_type: string;
  source: string | string[];
}

/** The cells of the notebook on disk: kind and text. */
function savedCells(ctx: StageContext): Array<{ kind: string; text: string }> {
  const json = JSON.parse(readFileSync(join(ctx.workspace, NOTEBOOK.file), 'utf8')) as { cells: CellJson[] };
  return json.cells.map((c) => ({ kind: c.cell_type, text: Array.isArray(c.source) ? c.source.join('') : c.source }));
}

/** The notebook editor's row of cell `index` (rows are virtualized: only cells near the view exist). */
function cell(ctx: StageContext, index: number): Locator {
  return ctx.wb.page.locator(`.notebookOverlay .monaco-list-row[data-index="${index}"]`);
}

/** The number of cells: the rows' aria-setsize (the list is virtualized: not every row exists). */
async function cellCount(ctx: StageContext): Promise<number | undefined> {
  const size = await ctx.wb.page.locator('.notebookOverlay .monaco-list-row[aria-setsize]').first().getAttribute('aria-setsize', { timeout: 1000 }).catch(() => null);
  return size === null ? undefined : Number(size);
}

/** Attempts at putting a cell in edit mode before the stage fails. */
const EDIT_CELL_ATTEMPTS = 3;

/**
 * Puts cell `index` in edit mode as a keyboard user would: the notebook's first cell, Down to the
 * cell, Edit Cell (Enter). Waits for the cell's text editor to show `firstLine`. Each key is sent
 * only once the list shows the focus where it should be, since a key that arrives before the focus
 * is lost and Edit Cell then opens another cell (the likely cause of a CI run that waited 30 s for
 * the problem cell's editor). A user who sees the wrong cell open tries again; so does the stage,
 * a bounded number of times, each retry noted.
 */
async function editCell(ctx: StageContext, index: number, firstLine: string): Promise<void> {
  const { page } = ctx.wb;
  const focused = (i: number): Promise<void> => cell(ctx, i).and(page.locator('.focused')).waitFor({ state: 'attached', timeout: 5000 });
  for (let attempt = 1; ; attempt++) {
    try {
      await page.locator('.part.editor .tab', { hasText: NOTEBOOK.file }).click();
      await ctx.wb.command('Notebook: Focus First Cell');
      await focused(0);
      for (let i = 1; i <= index; i++) {
        await page.keyboard.press('ArrowDown');
        await focused(i);
      }
      await ctx.wb.command('Notebook: Edit Cell');
      await cell(ctx, index).locator('.monaco-editor .view-line', { hasText: firstLine }).first().waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === EDIT_CELL_ATTEMPTS) throw error;
      ctx.notes.push(`notebook: cell ${index} not in edit mode at attempt ${attempt} (${String(error).split('\n')[0]}); again`);
      await page.keyboard.press('Escape');
    }
  }
}

/** A rendered line of cell `index`'s text editor containing `text`. */
function cellLine(ctx: StageContext, index: number, text: string): Locator {
  return cell(ctx, index).locator('.view-line').filter({ hasText: new RegExp(escapeRegExp(text).replace(/ /g, '[ \u00a0]')) }).first();
}

/** The CodeLens link `title` in cell `index` (the cell is in edit mode). */
async function cellCodeLens(ctx: StageContext, index: number, title: string): Promise<Locator> {
  const link = cell(ctx, index).locator('.codelens-decoration a', { hasText: title }).first();
  await link.waitFor();
  return link;
}

async function openNotebook(ctx: StageContext): Promise<void> {
  await ctx.wb.openNotebook(NOTEBOOK.file);
  await waitFor('the notebook editor with its 4 cells', async () => ((await cellCount(ctx)) === 4 ? true : undefined));
}

export const NOTEBOOK_STAGE: Stage = {
  id: 'notebook',
  title: 'Jupyter notebook: Solve, Check my steps, hover, Hint and Insert in markdown cells',
  async run(ctx, shot) {
    const { wb } = ctx;
    const original = savedCells(ctx);
    await closeAllEditors(ctx);
    await wb.showProblems();
    await openNotebook(ctx);

    // Solve from the CodeLens in the problem's markdown cell.
    await editCell(ctx, NOTEBOOK.problemCell, NOTEBOOK.heading);
    await (await cellCodeLens(ctx, NOTEBOOK.problemCell, 'Solve')).click();
    const frame = await wb.panelSettled(NOTEBOOK.title, 'done');
    await expectSolution(ctx, frame, NOTEBOOK.answer);
    await shot('solve');

    // Check my steps: the working is in the next markdown cell (after a code cell).
    await wb.page.locator('.part.editor .tab', { hasText: NOTEBOOK.file }).click();
    await editCell(ctx, NOTEBOOK.problemCell, NOTEBOOK.heading);
    await (await cellCodeLens(ctx, NOTEBOOK.problemCell, 'Check my steps')).click();
    await editCell(ctx, NOTEBOOK.workCell, '**Solution:**');
    const labels = await waitFor('a value label after each of the 5 steps in the working cell', async () => {
      const found = await valueLabels(ctx, NOTEBOOK_ROOT);
      return found.length >= 5 ? found : undefined;
    }, 60_000);
    const line = original[NOTEBOOK.workCell]!.text.split('\n').indexOf(NOTEBOOK.wrongLine) + 1;
    const rows = await waitFor(`an exact-math Error on line ${line} of the working cell in the Problems view`, async () => {
      const found = await wb.problems();
      return found.some((r) => r.line === line && /^Error:.*does not follow/.test(r.text)) ? found : undefined;
    }, 10_000);
    // As in the markdown check stage: the line after the slip may not follow from it either.
    check(rows.every((r) => r.line === line || r.line === line + 1), `diagnostics away from the slip: ${JSON.stringify(rows)}`);
    const slipLabel = labels.find((l) => l.line.includes(NOTEBOOK.wrongLine.slice(2)));
    check(slipLabel?.text.startsWith('✗ '), `the slip's label is ${JSON.stringify(slipLabel)}`);
    let verdict: ModelVerdictError | undefined;
    if (rows.some((r) => /^Warning:/.test(r.text) && r.line !== line)) verdict = new ModelVerdictError(`the TVM's warning is away from the slip: ${JSON.stringify(rows)}`);
    const image = await shot('check');
    if (ctx.competent && !verdict) ctx.docImages.set('notebook.png', { stage: 'notebook', path: image });

    // A hover over a number of a checked step in the working cell.
    const hover = await wb.hoverEditor(cellLine(ctx, NOTEBOOK.workCell, NOTEBOOK.hoverLine), NOTEBOOK.hoverToken, 'TVM');
    const value = hover.match(/(\S+): value after it (\d{1,3}%)/);
    check(value && value[1] === NOTEBOOK.hoverToken, `the hover does not name ${NOTEBOOK.hoverToken} with its value:\n${hover}`);
    await wb.page.waitForTimeout(300); // the hover fades in
    await shot('hover');
    await wb.page.keyboard.press('Escape');

    // Hint: after the check, it replaces the flagged step, shown after that line of the working cell.
    await wb.clearNotifications();
    await editCell(ctx, NOTEBOOK.problemCell, NOTEBOOK.heading);
    await (await cellCodeLens(ctx, NOTEBOOK.problemCell, 'Hint')).click();
    const toast = wb.page.locator('.notifications-toasts .notification-toast', { hasText: `${NOTEBOOK.title} — ` });
    await toast.waitFor({ timeout: 60_000 });
    await editCell(ctx, NOTEBOOK.workCell, '**Solution:**');
    const hint = await waitFor('the hint after a line of the working cell', async () => (await decorations(ctx, NOTEBOOK_ROOT)).find((d) => d.text.startsWith('💡')));
    check(hint.line.startsWith('- $'), `the hint is not after a step of the working: ${JSON.stringify(hint)}`);
    await shot('hint');
    ctx.notes.push(`notebook: hint after "${hint.line.trim()}": ${hint.text}`);

    // Insert: one new markdown cell after the working (the model's solution quoted), saved; one
    // Undo in the notebook removes it, and the saved cells are the original ones again.
    const panel = await wb.panelSettled(NOTEBOOK.title, 'done');
    await panel.locator('#insert-solution').click();
    const tab = wb.page.locator('.part.editor .tab', { hasText: NOTEBOOK.file });
    await tab.click();
    await waitFor('a fifth cell in the notebook', async () => ((await cellCount(ctx)) === 5 ? true : undefined));
    await wb.page.keyboard.press('Control+S');
    await wb.page.locator('.part.editor .tab.dirty', { hasText: NOTEBOOK.file }).waitFor({ state: 'detached' });
    const inserted = savedCells(ctx);
    check(inserted.length === 5 && inserted[4]!.kind === 'markdown' && inserted[4]!.text.startsWith('> **Model solution**'), `the saved notebook does not end with the quoted model solution: ${JSON.stringify(inserted.slice(4))}`);
    check(JSON.stringify(inserted.slice(0, 4)) === JSON.stringify(original), 'the insertion changed other cells');
    await shot('inserted');
    // Undo in the notebook (not in a cell's text editor).
    await wb.command('Notebook: Focus First Cell');
    await wb.page.keyboard.press('Control+Z');
    await waitFor('the inserted cell to go on Undo', async () => ((await cellCount(ctx)) === 4 ? true : undefined));
    await wb.page.keyboard.press('Control+S');
    await wb.page.locator('.part.editor .tab.dirty', { hasText: NOTEBOOK.file }).waitFor({ state: 'detached' });
    check(JSON.stringify(savedCells(ctx)) === JSON.stringify(original), 'after Undo the saved cells differ from the original ones');
    await shot('undone');
    ctx.notes.push(`notebook: ${labels.length} value labels; diagnostics ${JSON.stringify(rows)}; hover ${value?.[1]} → ${value?.[2]}`);

    // An empty notebook and one that is not JSON: VS Code says what it says; the extension keeps
    // working (the CodeLens comes back in the first notebook).
    await wb.openNotebook('empty.ipynb');
    await shot('empty');
    await wb.quickOpen('malformed.ipynb');
    await wb.page.locator('.part.editor .tab.active', { hasText: 'malformed.ipynb' }).waitFor();
    await shot('malformed');
    await editCell(ctx, NOTEBOOK.problemCell, NOTEBOOK.heading);
    await cellCodeLens(ctx, NOTEBOOK.problemCell, 'Solve');
    if (verdict) throw verdict;
  },
};
