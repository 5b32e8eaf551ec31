// The Solve panel's accessibility in a real browser: the panel exactly as the extension builds it
// (see test/helpers/panelBrowser.ts), dressed in the theme variables VS Code 1.100 gives a webview
// (captured from code-server by the E2E `themes` stage: test/fixtures/themes/*.json), checked by
// axe-core (pinned) in its main states — solving with progress, solved with steps, token view and
// search tree open, answer verified and refuted, cancelled, error — in light, dark and both
// high-contrast themes. WCAG 2.x A/AA and best practices; no rule disabled; serious or critical
// findings fail. Also: keyboard operation keeps the focus, and the live region speaks.
import './fakeVscode.js';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { viewAnnouncement } from '../../media/src/announce.js';
import { SolvePanel } from '../../src/extension/solve/panel.js';
import { pendingView, solvedView, stoppedView, type SolveRequestInfo } from '../../src/extension/solve/viewModel.js';
import type { HostToWebview, SolveView } from '../../src/shared/webviewProtocol.js';
import { sampleTrace } from '../fixtures/trace.js';
import { FAMILIAR, UNFAMILIAR } from '../fixtures/familiarity.js';
import { axeViolations, describeFindings, failing } from '../helpers/axe.js';
import { IN_CI, launchChromium, noBrowser, panelScript, ROOT, serve, stubWebview } from '../helpers/panelBrowser.js';
import { FakeUri } from './fakeVscode.js';

interface ThemeFixture {
  theme: string;
  bodyClass: string;
  variables: Record<string, string>;
}

const THEME_DIR = join(ROOT, 'test', 'fixtures', 'themes');
const THEMES: ThemeFixture[] = readdirSync(THEME_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(THEME_DIR, f), 'utf8')) as ThemeFixture);

const request: SolveRequestInfo = {
  documentUri: 'file:///notebook.md',
  problem: { key: 'problem-1', title: 'Problem 1', text: 'Janet has $3$ apples and buys $2$ bags of $4$. How many?' },
  settings: { strategy: 'beam', verifier: 'tvm', k: 4, b: 2, temperature: 0.7, maxSteps: 8, model: 'default', device: 'cpu' },
};

if (noBrowser && IN_CI) {
  test('CI runs the browser tests: Chromium is installed', () => {
    assert.fail(`CI=true, but the Solve panel's accessibility tests cannot run: ${noBrowser}`);
  });
}

describe('Solve panel accessibility in Chromium (axe-core, keyboard, live region)', { skip: noBrowser }, () => {
  let context: BrowserContext;
  let page: Page;
  let server: Server;
  let panel: SolvePanel;
  let profile = '';
  let delivery: Promise<unknown> = Promise.resolve();

  async function show(view: SolveView): Promise<void> {
    panel.show(view);
    await delivery;
  }

  async function progress(text: string): Promise<void> {
    panel.progress(text);
    await delivery;
  }

  /** The theme as VS Code applies it: variables on <html>, a theme class on <body>. */
  async function applyTheme(theme: ThemeFixture): Promise<void> {
    await page.evaluate((t) => {
      const root = document.documentElement;
      for (const name of Array.from(root.style)) if (name.startsWith('--vscode-')) root.style.removeProperty(name);
      for (const [name, value] of Object.entries(t.variables)) root.style.setProperty(name, value);
      document.body.className = t.bodyClass;
    }, theme);
  }

  async function expectNoSeriousFindings(label: string): Promise<number> {
    const findings = await axeViolations(page);
    const serious = failing(findings);
    assert.equal(serious.length, 0, `${label}: axe-core finds serious or critical violations:\n${describeFindings(serious)}`);
    return findings.length;
  }

  async function setToggles(tree: boolean, tokens: boolean): Promise<void> {
    for (const [id, attr, want] of [['toggle-tree', 'aria-expanded', tree], ['toggle-tokens', 'aria-pressed', tokens]] as const) {
      const button = page.locator(`#${id}`);
      if ((await button.isDisabled()) || (await button.getAttribute(attr)) === String(want)) continue;
      await button.click();
      await page.locator(`#${id}[${attr}="${want}"]`).waitFor();
    }
  }

  /** The states a student meets, each shown as the host shows it. */
  const STATES: ReadonlyArray<{ name: string; enter: () => Promise<void> }> = [
    {
      name: 'solving, with progress',
      enter: async () => {
        await show(pendingView(request, 'Starting…'));
        await progress('step 2 of at most 8 · scoring · 12 candidates · 3.1 s');
      },
    },
    { name: 'solved with steps, answer verified', enter: () => show(solvedView(request, sampleTrace(), FAMILIAR, true)) },
    {
      name: 'token view and search tree open',
      enter: async () => {
        await show(solvedView(request, sampleTrace(), UNFAMILIAR, true));
        await setToggles(true, true);
      },
    },
    {
      name: 'answer refuted (check result)',
      enter: async () => {
        await show(solvedView(request, sampleTrace(), FAMILIAR, false));
        await setToggles(false, false);
      },
    },
    { name: 'cancelled', enter: () => show(stoppedView(pendingView(request, 'Starting…'), 'cancelled', 'Cancelled.')) },
    { name: 'error', enter: () => show(stoppedView(pendingView(request, 'Starting…'), 'error', 'The model bundle could not be loaded: manifest.json is missing.')) },
  ];

  before(async () => {
    assert.ok(THEMES.length >= 3, `theme fixtures in ${THEME_DIR}`);
    const script = await panelScript();
    let html: () => string = () => '';
    let origin = '';
    ({ server, origin } = await serve(() => html(), script.code));
    const stub = stubWebview(origin, (message: HostToWebview) => {
      delivery = delivery.then(() => page.evaluate((data) => window.dispatchEvent(new MessageEvent('message', { data })), message));
    });
    html = stub.html;
    panel = new SolvePanel(stub.panel as never, pendingView(request, 'Starting…'), FakeUri.file(ROOT) as never, () => undefined, () => undefined);
    profile = mkdtempSync(join(tmpdir(), 'tvm-chromium-a11y-'));
    context = await launchChromium(profile);
    page = context.pages()[0] ?? (await context.newPage());
    await page.exposeFunction('__toHost', (message: unknown) => stub.fromWebview(message));
    await page.addInitScript(`window.acquireVsCodeApi = () => ({
      postMessage: (message) => window.__toHost(message),
      getState: () => null,
      setState: () => undefined,
    });`);
    await page.goto(`${origin}/`);
    await page.waitForSelector('#status[data-status="solving"]', { timeout: 20_000 });
    await delivery;
  });

  after(async () => {
    await context?.close();
    server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  for (const theme of THEMES) {
    test(`${theme.theme}: no serious or critical axe-core finding in ${STATES.length} states`, async (t) => {
      await applyTheme(theme);
      for (const state of STATES) {
        await state.enter();
        const minor = await expectNoSeriousFindings(`${theme.theme}, ${state.name}`);
        if (minor > 0) t.diagnostic(`${state.name}: ${minor} minor/moderate findings`);
      }
    });
  }

  test('steps are a labelled list read as "Step 2, 90% likely to lead to a correct answer, +20 pts: …"', async () => {
    await show(solvedView(request, sampleTrace(), FAMILIAR, true));
    assert.equal(await page.locator('ol#steps').getAttribute('aria-label'), 'Solution steps');
    const second = await page.locator('#steps > .step').nth(1).locator('.sr-only').textContent();
    assert.equal(second, 'Step 2, 90% likely to lead to a correct answer, +20 pts:');
    // The accessible tree (what a screen reader gets) has the list, its items and the chart's summary.
    const tree = await page.locator('#app').ariaSnapshot();
    assert.match(tree, /list "Solution steps"/);
    assert.match(tree, /listitem:\s+- text: "Step 1, 70% likely to lead to a correct answer, \+15 pts: The bags hold"\s+- math: 2 ⋅ 4 = 8/);
    assert.match(tree, /listitem: "Step 2, 90% likely to lead to a correct answer, \+20 pts: The answer is 11"/);
    assert.match(tree, /img "Value after each step: step 1 70%, step 2 90%"/);
    assert.match(tree, /button "Show search tree"/);
    assert.equal(await page.locator('#toggle-tree').getAttribute('aria-expanded'), 'false');
  });

  test('keyboard alone: Tab reaches every control, Enter and Space operate them, focus survives the re-render', async () => {
    await show(solvedView(request, sampleTrace(), FAMILIAR, true));
    await setToggles(false, false);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached: string[] = [];
    for (let i = 0; i < 8 && reached.length < 4; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      if (id && !reached.includes(id)) reached.push(id);
    }
    assert.deepEqual(reached, ['insert-solution', 'toggle-tree', 'toggle-tokens', 'solve-again']);
    await page.focus('#toggle-tree');
    await page.keyboard.press('Enter');
    await page.locator('#toggle-tree[aria-expanded="true"]').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'toggle-tree', 'focus stays on the toggle after Enter');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'a visible focus ring');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.locator('#toggle-tokens[aria-pressed="true"]').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'toggle-tokens', 'focus stays on the toggle after Space');
    // A cancel while Cancel has the focus hands it to Solve again.
    await show(pendingView(request, 'Starting…'));
    await page.focus('#cancel');
    await show(stoppedView(pendingView(request, 'Starting…'), 'cancelled', 'Cancelled.'));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'solve-again');
  });

  test('the live region announces the result and progress; it outlives the re-renders', async () => {
    const solved = solvedView(request, sampleTrace(), FAMILIAR, true);
    await show(pendingView(request, 'Starting…'));
    await show(solved);
    const announcer = page.locator('#announcer[role="status"]');
    assert.equal(await announcer.textContent(), viewAnnouncement(solved));
    assert.match((await announcer.textContent()) ?? '', /^Problem 1 solved in 2 steps: answer 11 \(verified\), 90% likely correct\.$/);
    await show(pendingView(request, 'Starting…'));
    await progress('step 1 of at most 8 · sampling · 4 candidates · 0.5 s');
    assert.equal(await page.locator('#status').textContent(), 'step 1 of at most 8 · sampling · 4 candidates · 0.5 s');
  });
});
