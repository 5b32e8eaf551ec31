// E2E `accessibility`: the Solve panel by keyboard alone. The panel's tab gets the focus (as
// Ctrl+Tab or a click on the tab would give it), then only keys: Tab walks to the search-tree
// toggle, Enter opens the tree (focus stays on the toggle through the re-render, with a visible
// ring in the theme's focus colour), Tab moves on to the token toggle and Space presses it.
// axe-core then checks the opened panel (tree and tokens shown). Last, toasts fit: a real one is
// not cut, and the longest text each toast builder can write (test/helpers/toastSamples.ts) is
// measured in that toast's font against its message line's width.
import type { Frame } from 'playwright-core';
import { axeViolations, describeFindings, failing } from '../helpers/axe.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noWorkToast } from '../../src/extension/toastText.js';
import { longestToasts } from '../helpers/toastSamples.js';
import { solvedPanel } from './themeStage.js';
import { check, openFile, SOLVABLE, type Stage } from './stages.js';
import { waitFor } from './workbench.js';

/** Most Tab presses from the panel's first control to the one wanted. */
const MAX_TABS = 15;

// Page scripts as strings: tsx would wrap functions in a helper the page does not have.
const FOCUSED_ID = `document.hasFocus() ? (document.activeElement?.id ?? '') : ''`;

/** The focus ring as painted, and the theme's focus colour resolved the same way. */
const FOCUS_RING = `(() => {
  const style = getComputedStyle(document.activeElement);
  const probe = document.createElement('span');
  probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--vscode-focusBorder').trim();
  document.body.append(probe);
  const focusBorder = getComputedStyle(probe).color;
  probe.remove();
  return { style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor, focusBorder };
})()`;

/** A problem without working: Check my steps answers with a toast (no engine call). */
const NO_WORK = { file: 'arithmetic.md' as const, heading: '## Problem 4', title: 'Problem 4' };

/** The visible toast's message line: its width, whether its text is cut, and the widths of `texts` in its font. */
function toastFit(texts: readonly string[]): string {
  return `(() => {
    const line = document.querySelector('.notifications-toasts .notification-toast .notification-list-item-message');
    if (!line) return null;
    const canvas = document.createElement('canvas').getContext('2d');
    canvas.font = getComputedStyle(line).font;
    const texts = ${JSON.stringify(texts)};
    return { text: line.textContent, width: line.clientWidth, scrollWidth: line.scrollWidth, font: canvas.font, widths: texts.map((t) => canvas.measureText(t).width) };
  })()`;
}

async function focusedId(frame: Frame): Promise<string> {
  return frame.evaluate<string>(FOCUSED_ID);
}

async function focusRing(frame: Frame): Promise<{ style: string; width: string; color: string; focusBorder: string }> {
  return frame.evaluate(FOCUS_RING);
}

export const ACCESSIBILITY_STAGE: Stage = {
  id: 'accessibility',
  title: 'The Solve panel by keyboard alone: Tab to the toggles, Enter and Space operate them; axe-core passes',
  async run(ctx, shot) {
    const { wb } = ctx;
    let frame = await solvedPanel(ctx);
    // Start from the closed state whatever an earlier stage left.
    for (const [id, attr] of [['toggle-tree', 'aria-expanded'], ['toggle-tokens', 'aria-pressed']] as const) {
      if ((await frame.locator(`#${id}`).getAttribute(attr)) === 'true') await frame.locator(`#${id}`).click();
      await frame.locator(`#${id}[${attr}="false"]`).waitFor();
    }
    // Into the panel: its editor tab takes the focus; VS Code hands it to the webview's document.
    await wb.page.locator('.part.editor .tab', { hasText: `Solve: ${SOLVABLE.title}` }).click();
    frame = await wb.panel(SOLVABLE.title);
    await waitFor('the panel to have the keyboard focus', async () => ((await frame.evaluate<boolean>('document.hasFocus()')) ? true : undefined));

    const tabTo = async (id: string): Promise<number> => {
      for (let presses = 1; presses <= MAX_TABS; presses++) {
        await wb.page.keyboard.press('Tab');
        if ((await focusedId(frame)) === id) return presses;
      }
      throw new Error(`#${id} not reached with ${MAX_TABS} Tab presses (focus on "${await focusedId(frame)}")`);
    };

    const treeTabs = await tabTo('toggle-tree');
    const ring = await focusRing(frame);
    check(ring.style !== 'none' && parseFloat(ring.width) >= 1, `no visible focus ring on #toggle-tree (outline ${ring.style} ${ring.width})`);
    check(ring.color === ring.focusBorder, `the focus ring is ${ring.color}, the theme's focusBorder ${ring.focusBorder}`);
    await wb.page.keyboard.press('Enter');
    await frame.locator('#toggle-tree[aria-expanded="true"]').waitFor();
    await frame.locator('#tree:not([hidden]) .candidate').first().waitFor();
    check((await focusedId(frame)) === 'toggle-tree', `after Enter the focus is on "${await focusedId(frame)}", not the toggle`);

    await tabTo('toggle-tokens');
    await wb.page.keyboard.press('Space');
    await frame.locator('#toggle-tokens[aria-pressed="true"]').waitFor();
    check(await frame.locator('#steps .tokens:not([hidden]) .token').first().isVisible(), 'Space did not show the token values');
    check((await focusedId(frame)) === 'toggle-tokens', `after Space the focus is on "${await focusedId(frame)}", not the toggle`);
    await shot('keyboard');

    const findings = await axeViolations(frame);
    const serious = failing(findings);
    check(serious.length === 0, `axe-core finds ${serious.length} serious or critical violations with the tree and tokens open:\n${describeFindings(serious)}`);
    ctx.notes.push(`accessibility: #toggle-tree after ${treeTabs} Tab presses, ring ${ring.style} ${ring.width} ${ring.color}; axe minor/moderate: ${findings.length}`);

    // Toasts fit.
    await openFile(ctx, NO_WORK.file);
    const line = readFileSync(join(ctx.workspace, NO_WORK.file), 'utf8').split('\n').indexOf(NO_WORK.heading) + 1;
    check(line > 0, `${NO_WORK.heading} is not in ${NO_WORK.file}`);
    await wb.goTo(line + 2);
    await wb.clearNotifications();
    await wb.command('TVM Math Tutor: Check My Steps');
    await wb.page.locator('.notifications-toasts .notification-toast', { hasText: noWorkToast(NO_WORK.title) }).waitFor();
    const samples = longestToasts();
    const fit = await waitFor('the toast to be laid out', async () => {
      const found = await wb.page.evaluate<{ text: string; width: number; scrollWidth: number; font: string; widths: number[] } | null>(toastFit(samples));
      return found && found.width > 0 ? found : undefined;
    });
    await shot('toast');
    check(fit.scrollWidth <= fit.width, `the toast "${fit.text}" is cut: ${fit.scrollWidth} px of text in ${fit.width} px`);
    const widest = Math.max(...fit.widths);
    const over = samples.filter((_, i) => fit.widths[i]! > fit.width);
    check(over.length === 0, `toast texts wider than the ${fit.width} px message line (${fit.font}): ${over.map((t) => JSON.stringify(t)).join(', ')}`);
    ctx.notes.push(`accessibility: toast message line ${fit.width} px (${fit.font}); the widest of ${samples.length} longest toast texts ${Math.round(widest)} px`);
  },
};
