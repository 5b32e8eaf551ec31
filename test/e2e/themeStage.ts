// E2E `themes`: the Solve panel follows the workbench colour theme. The theme is switched as a
// user does (Preferences: Color Theme in the command palette),
// and in each theme the panel must carry VS Code's theme class and variables, paint its background
// and text in the theme's colours, and pass axe-core (contrast included) with no serious or
// critical finding. Screenshots: the panel alone in light, dark, high contrast and high contrast
// light (docs/images/panel-light.png, panel-dark.png, panel-hc.png with --docs-images).
import { writeFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { axeViolations, describeFindings, failing } from '../helpers/axe.js';
import { check, expectSolution, openFile, SOLVABLE, solveViaCodeLens, userSettings, type Stage, type StageContext } from './stages.js';
import { escapeRegExp, waitFor } from './workbench.js';

interface ThemeCase {
  /** Screenshot name, and docs/images/panel-<id>.png when `docImage`. */
  id: string;
  /** The theme's id (its `workbench.colorTheme` value) in VS Code 1.100's built-in theme-defaults. */
  theme: string;
  /** Its label in the Preferences: Color Theme picker. */
  label: string;
  /** The class VS Code puts on the webview's body. */
  bodyClass: string;
  docImage: boolean;
}

const THEMES: readonly ThemeCase[] = [
  { id: 'light', theme: 'Default Light Modern', label: 'Light Modern', bodyClass: 'vscode-light', docImage: true },
  { id: 'dark', theme: 'Default Dark Modern', label: 'Dark Modern', bodyClass: 'vscode-dark', docImage: true },
  { id: 'hc', theme: 'Default High Contrast', label: 'Dark High Contrast', bodyClass: 'vscode-high-contrast', docImage: true },
  { id: 'hc-light', theme: 'Default High Contrast Light', label: 'Light High Contrast', bodyClass: 'vscode-high-contrast-light', docImage: false },
];

/** The solved panel of SOLVABLE: the one an earlier stage left open, or a fresh solve. */
export async function solvedPanel(ctx: StageContext): Promise<Frame> {
  if (!(await ctx.wb.hasPanel(SOLVABLE.title))) {
    await openFile(ctx, SOLVABLE.file);
    await solveViaCodeLens(ctx, SOLVABLE.file, SOLVABLE.heading);
  }
  const frame = await ctx.wb.panelSettled(SOLVABLE.title, 'done');
  await expectSolution(ctx, frame, SOLVABLE.answer);
  return frame;
}

/** Picks a colour theme as a user does: Preferences: Color Theme in the command palette, then the theme by its label. */
async function pickTheme(ctx: StageContext, label: string): Promise<void> {
  const { page } = ctx.wb;
  await page.locator('.command-center .command-center-quick-pick').click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>Preferences: Color Theme');
  await page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }) }).first().click();
  // The same widget now lists the themes.
  await page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: /^Dark Modern$/ }) }).first().waitFor();
  await input.fill(label);
  await page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) }).first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

interface PanelLook {
  bodyClass: string;
  variables: Record<string, string>;
  background: string;
  editorBackground: string;
  text: string;
  foreground: string;
}

/**
 * What the panel's page looks like under the current theme: its class, variables and painted
 * colours (the theme's colours resolved by the browser to rgb() for comparison). A string, not a
 * function: tsx would wrap inner functions in a helper the page does not have.
 */
const PANEL_LOOK = `(() => {
  const variables = {};
  const style = document.documentElement.style;
  for (let i = 0; i < style.length; i++) {
    const name = style.item(i);
    if (name.startsWith('--vscode-')) variables[name] = style.getPropertyValue(name).trim();
  }
  const probe = document.createElement('span');
  document.body.append(probe);
  const resolve = (value) => { probe.style.color = value; return getComputedStyle(probe).color; };
  const editorBackground = resolve(variables['--vscode-editor-background'] ?? '');
  const foreground = resolve(variables['--vscode-foreground'] ?? '');
  probe.remove();
  const text = document.querySelector('.step-text');
  return {
    bodyClass: document.body.className,
    variables,
    background: getComputedStyle(document.body).backgroundColor,
    editorBackground,
    text: text ? getComputedStyle(text).color : '',
    foreground,
  };
})()`;

async function panelLook(frame: Frame): Promise<PanelLook> {
  return frame.evaluate<PanelLook>(PANEL_LOOK);
}

export const THEME_STAGE: Stage = {
  id: 'themes',
  title: 'The Solve panel follows the colour theme (light, dark, high contrast) and passes axe-core in each',
  async run(ctx, shot) {
    const { wb } = ctx;
    const frame = await solvedPanel(ctx);
    // Token colours and the chart are part of the look.
    if ((await frame.locator('#toggle-tokens').getAttribute('aria-pressed')) !== 'true') await frame.locator('#toggle-tokens').click();
    await frame.locator('#toggle-tokens[aria-pressed="true"]').waitFor();
    // The theme to go back to: the one set, else the one the panel shows now (the default).
    const setting = userSettings(ctx)['workbench.colorTheme'];
    const shownClass = (await panelLook(frame)).bodyClass.split(/\s+/);
    const original = THEMES.find((t) => t.theme === setting) ?? THEMES.find((t) => shownClass.includes(t.bodyClass));
    try {
      for (const t of THEMES) {
        await pickTheme(ctx, t.label);
        const look = await waitFor(`the panel in ${t.theme} (body.${t.bodyClass})`, async () => {
          const now = await panelLook(frame);
          return now.bodyClass.split(/\s+/).includes(t.bodyClass) ? now : undefined;
        });
        // VS Code's theme variables reach the panel, and the panel paints with them.
        check(Object.keys(look.variables).length > 100, `${t.theme}: only ${Object.keys(look.variables).length} --vscode-* variables in the panel`);
        check(look.background === look.editorBackground, `${t.theme}: the panel background is ${look.background}, the theme's editor background ${look.editorBackground}`);
        check(look.text === look.foreground, `${t.theme}: step text is ${look.text}, the theme's foreground ${look.foreground}`);
        check(look.text !== look.background, `${t.theme}: step text has the background's colour`);
        await wb.page.waitForTimeout(300); // the workbench repaints around the panel
        const findings = await axeViolations(frame);
        const serious = failing(findings);
        check(serious.length === 0, `${t.theme}: axe-core finds ${serious.length} serious or critical violations:\n${describeFindings(serious)}`);
        if (findings.length > 0) ctx.notes.push(`themes: ${t.theme}: axe minor/moderate: ${describeFindings(findings)}`);
        const page = await shot(t.id);
        const panelImage = page.replace(/\.png$/, '-panel.png');
        const box = await (await frame.frameElement()).boundingBox();
        check(box !== null && box.width > 100, `${t.theme}: the panel is not visible`);
        await wb.page.screenshot({ path: panelImage, clip: box });
        // The variables as VS Code set them: the Chromium accessibility test's theme fixtures come from here.
        writeFileSync(page.replace(/\.png$/, '-variables.json'), `${JSON.stringify({ theme: t.theme, bodyClass: look.bodyClass, variables: look.variables }, null, 2)}\n`);
        if (t.docImage) ctx.docImages.set(`panel-${t.id}.png`, { stage: 'themes', path: panelImage });
        ctx.notes.push(`themes: ${t.theme}: body.${t.bodyClass}, ${Object.keys(look.variables).length} variables, background ${look.background}, text ${look.text}, axe ${findings.length} minor/moderate`);
      }
    } finally {
      // The other stages run in the theme they had.
      if (original) await pickTheme(ctx, original.label).catch(() => undefined);
    }
  },
};
