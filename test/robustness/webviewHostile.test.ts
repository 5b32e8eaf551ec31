// Hostile problem text and model output in the Solve panel, in a real browser (Chromium through
// playwright-core). The page is the panel exactly as the extension builds it: the extension's own
// SolvePanel sets the HTML (CSP, nonce) on a stub webview whose cspSource/asWebviewUri point at a
// local server, the bundled media/dist/panel.js renders, and the host's real view models arrive
// as postMessage, after the same ready handshake. Nothing injected may run, load or navigate,
// and rendering time stays bounded.
import './fakeVscode.js';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { SolvePanel, type PanelAction } from '../../src/extension/solve/panel.js';
import { pendingView, solvedView, type SolveRequestInfo } from '../../src/extension/solve/viewModel.js';
import type { SearchTrace } from '../../src/shared/engineProtocol.js';
import type { HostToWebview, SolveView } from '../../src/shared/webviewProtocol.js';
import { sampleTrace } from '../fixtures/trace.js';
import { FAMILIAR } from '../fixtures/familiarity.js';
import { IN_CI, launchChromium, noBrowser, panelScript, ROOT, serve, stubWebview } from '../helpers/panelBrowser.js';
import { FakeUri } from './fakeVscode.js';
import { LIMIT_MS } from './helpers.js';

// ─── hostile content ─────────────────────────────────────────────────────────────────────────────

/** Letters-only macro names: a, b, …, z, ba, bb, … */
function macroName(i: number): string {
  let name = '';
  for (let n = i; ; n = Math.floor(n / 26) - 1) {
    name = String.fromCharCode(97 + (n % 26)) + name;
    if (n < 26) return name;
  }
}

/** Each payload, if it ever ran, would call window.__pwn (or alert) or fetch from 127.0.0.2. */
const PAYLOADS: readonly string[] = [
  '<script>window.__pwn("script")</script>',
  '<img src=x onerror="window.__pwn(\'img\')">',
  '<svg onload="window.__pwn(\'svg\')"><circle r=1 /></svg>',
  '<iframe srcdoc="<script>parent.__pwn(1)</script>"></iframe>',
  '<a href="javascript:window.__pwn(\'a\')">click</a>',
  '[click](javascript:window.__pwn("md-link"))',
  '<javascript:window.__pwn("autolink")>',
  '![x](http://127.0.0.2/md-image.png)',
  '<style>body{background:url(http://127.0.0.2/style-tag)}</style>',
  '<link rel="stylesheet" href="http://127.0.0.2/link.css">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwn(1)">',
  '" onmouseover="window.__pwn(\'attr\')" data-x="',
  '$x$</span><script>window.__pwn("break-out")</script>',
  '$\\href{javascript:window.__pwn("href")}{click}$',
  '$\\url{javascript:window.__pwn("url")}$',
  '$\\htmlClass{x" onmouseover="window.__pwn(1)}{y}$',
  '$\\htmlId{app}{y}$',
  '$\\htmlStyle{background:url(http://127.0.0.2/htmlStyle)}{y}$',
  '$\\htmlData{onload=window.__pwn(1)}{y}$',
  '$\\includegraphics{http://127.0.0.2/includegraphics.png}$',
  '$\\color{red;background-image:url(http://127.0.0.2/color)}{x}$',
  '$\\textcolor{#f00" onclick="window.__pwn(1)}{y}$',
  '$\\text{<img src=x onerror=window.__pwn(1)>}$',
  '$\\operatorname{<script>window.__pwn(1)</script>}$',
  '$\\def\\a{\\a\\a}\\a$',
  '$\\def\\b{xxxxxxxxxx}\\def\\c{\\b\\b\\b\\b\\b\\b\\b\\b\\b\\b}\\def\\d{\\c\\c\\c\\c\\c\\c\\c\\c\\c\\c}\\def\\e{\\d\\d\\d\\d\\d\\d\\d\\d\\d\\d}\\e\\e\\e\\e$',
  `$${'\\newcommand{\\r}[1]{#1#1}'}${'\\r{'.repeat(25)}x${'}'.repeat(25)}$`,
  '$\\rule{100000em}{100000em}\\kern{100000em}\\hspace{100000em}$',
  `$${'{'.repeat(2000)}x${'}'.repeat(2000)}$`,
  // Deep nesting: 300 nested roots crashed Chromium's renderer (the whole panel) before the depth limit.
  `$${'\\sqrt{'.repeat(300)}x${'}'.repeat(300)}$`,
  `$${'\\frac{'.repeat(150)}x${'}{2}'.repeat(150)}$`,
  `$${'\\left('.repeat(400)}x${'\\right)'.repeat(400)}$`,
  `$${'x^{'.repeat(150)}x${'}'.repeat(150)}$`,
  // The same depth reached through 150 chained macros (each expands once: within maxExpand).
  `$${Array.from({ length: 150 }, (_, i) => `\\def\\q${macroName(i + 1)}{\\sqrt{\\q${macroName(i)}}}`).join('')}\\def\\q${macroName(0)}{x}\\q${macroName(150)}$`,
  '$$\\begin{array}{c}\\end{array}$$ $\\begin{pmatrix}$ $\\left($ $x^{^}$',
  `${'> '.repeat(3000)}deep quote`,
  `${'- '.repeat(3000)}deep list`,
  `${'*'.repeat(3000)}emphasis${'*'.repeat(3000)} ${'['.repeat(3000)}`,
  '&lt;script&gt; &#x3C;img src=x onerror=window.__pwn(1)&#x3E; \u202eRTL\u0000NUL',
];

/** A huge matrix: rendering time must stay bounded. */
const MATRIX = `$$\\begin{pmatrix}${Array.from({ length: 100 }, (_, r) => Array.from({ length: 100 }, (_, c) => `${r * c}`).join('&')).join('\\\\')}\\end{pmatrix}$$`;

function hostileTrace(payloads: readonly string[]): SearchTrace {
  const trace = sampleTrace();
  const text = payloads.join(' ');
  const scored = (t: string) => ({ text: t, tokenIds: [1, 2, 3], tokenTexts: [t, ...payloads.slice(0, 2)], tokenValues: [0.5, 0.2, 0.9], value: 0.9 });
  const candidates = payloads.map((p, i) => ({
    ...scored(p), id: `0.0.${i}`, parentBeam: 0, finish: 'step' as const, finished: i === 0, answer: i === 0 ? p : null, kept: i < 2, rank: i, duplicateOf: null,
  }));
  return {
    ...trace,
    problem: text,
    steps: [{ index: 0, beams: [{ index: 0, fromCandidate: null, value: 0.5, candidates }] }],
    chosen: payloads.slice(0, 8).map((p, i) => ({ ...scored(p), candidateId: `0.0.${i}` })),
    paths: [{ index: 0, steps: payloads.map((p) => ({ ...scored(p) })), finish: 'eos', answer: payloads[0]!, value: 0.4, meanLogprob: -0.3, chosen: true }],
    votes: payloads.slice(0, 4).map((p, i) => ({ answer: p, members: [i], weight: 0.5, winner: i === 0 })),
    answer: text,
  };
}

function request(problemText: string, title = 'Problem 1'): SolveRequestInfo {
  return {
    documentUri: 'file:///notebook.md',
    problem: { key: 'problem-1', title, text: problemText },
    settings: { strategy: 'beam', verifier: 'tvm', k: 4, b: 2, temperature: 0.7, maxSteps: 8, model: PAYLOADS[0]!, device: PAYLOADS[1]! },
  };
}

// ─── in-page instrumentation ─────────────────────────────────────────────────────────────────────
// Plain JavaScript strings, not TypeScript functions: tsx would wrap functions in helpers that do
// not exist in the page. Init scripts run before the panel's own script, outside its CSP.

const INSTRUMENT = `(() => {
  const pwned = [];
  const csp = [];
  window.__pwned = pwned;
  window.__csp = csp;
  window.__pwn = (what) => pwned.push(String(what));
  for (const name of ['alert', 'confirm', 'prompt', 'open', 'print']) window[name] = (...args) => pwned.push(name + '(' + args.join(',') + ')');
  document.addEventListener('securitypolicyviolation', (e) => csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));
  // VS Code's webview API: messages to the host go to the test; state survives reloads.
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => window.__toHost(message),
    getState: () => JSON.parse(sessionStorage.getItem('vscode-state') ?? 'null'),
    setState: (state) => sessionStorage.setItem('vscode-state', JSON.stringify(state)),
  });
})();`;

/** What must never be in the rendered panel: returns a list of findings. */
const SCAN_DOM = `(() => {
  const problems = [];
  const app = document.getElementById('app');
  if (!app) return ['no #app'];
  const forbidden = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'IMG', 'A', 'LINK', 'STYLE', 'META', 'BASE', 'FORM', 'INPUT',
    'TEXTAREA', 'VIDEO', 'AUDIO', 'SOURCE', 'FOREIGNOBJECT', 'IMAGE', 'USE']);
  for (const el of app.querySelectorAll('*')) {
    if (forbidden.has(el.tagName.toUpperCase())) problems.push('<' + el.tagName + '>');
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) problems.push(el.tagName + ' ' + attr.name);
      if (/^(href|src|srcdoc|action|formaction|xlink:href|data|poster|background)$/i.test(attr.name)) problems.push(el.tagName + ' ' + attr.name + '=' + attr.value);
      if (attr.name === 'id' && attr.value === 'app' && el !== app) problems.push('a second #app');
    }
  }
  const scripts = document.querySelectorAll('script').length;
  if (scripts !== 1) problems.push(scripts + ' scripts in the document');
  return problems;
})()`;

// ─── the test ─────────────────────────────────────────────────────────────────────────────────────

if (noBrowser && IN_CI) {
  test('CI runs the browser tests: Chromium is installed', () => {
    assert.fail(`CI=true, but the Solve panel's browser tests cannot run: ${noBrowser}`);
  });
}

describe('Solve panel in Chromium with hostile content', { skip: noBrowser }, () => {
  let context: BrowserContext;
  let page: Page;
  let server: Server;
  let origin = '';
  let panel: SolvePanel;
  let profile = '';
  let delivery: Promise<unknown> = Promise.resolve();
  const renderMs: number[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const actions: PanelAction[] = [];
  let html: () => string = () => '';
  let toHost: (message: unknown) => void = () => undefined;
  let scriptSource = '';

  /** Everything injected so far that must not have happened. */
  async function incidents(): Promise<{ pwned: string[]; csp: string[]; dom: string[] }> {
    const [pwned, csp, dom] = await Promise.all([
      page.evaluate(() => (window as unknown as { __pwned: string[] }).__pwned),
      page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
      page.evaluate(SCAN_DOM) as Promise<string[]>,
    ]);
    return { pwned, csp, dom };
  }

  async function assertClean(label: string): Promise<void> {
    await page.waitForTimeout(300); // let any image, font or stylesheet request go out
    const { pwned, csp, dom } = await incidents();
    assert.deepEqual(pwned, [], `${label}: injected code ran`);
    assert.deepEqual(dialogs, [], `${label}: a dialog opened`);
    assert.deepEqual(csp, [], `${label}: something was blocked by the CSP only (the renderer let it through)`);
    assert.deepEqual(dom, [], `${label}: dangerous markup in the panel`);
    assert.deepEqual(pageErrors, [], `${label}: the panel script threw`);
    const foreign = requests.filter((url) => !url.startsWith(`${origin}/`));
    assert.deepEqual(foreign, [], `${label}: requests outside the extension's own media`);
    assert.equal(page.url(), `${origin}/`, `${label}: navigated away`);
    assert.equal(context.pages().length, 1, `${label}: opened a window`);
  }

  /** panel.show(view) as the host does, then waits for the page to have rendered it. */
  async function show(view: SolveView): Promise<number> {
    panel.show(view);
    await delivery;
    return renderMs.at(-1) ?? Number.NaN;
  }

  before(async () => {
    const script = await panelScript();
    scriptSource = script.source;
    ({ server, origin } = await serve(() => html(), script.code));
    const stub = stubWebview(origin, (message: HostToWebview) => {
      delivery = delivery.then(async () => {
        const ms = await page.evaluate((data) => {
          const start = performance.now();
          window.dispatchEvent(new MessageEvent('message', { data }));
          void document.body.offsetHeight; // layout included
          return performance.now() - start;
        }, message);
        renderMs.push(ms);
      });
    });
    html = stub.html;
    toHost = stub.fromWebview;
    panel = new SolvePanel(stub.panel as never, pendingView(request('Waiting'), 'Starting…'), FakeUri.file(ROOT) as never, (_p, action) => actions.push(action), () => undefined);
    assert.match(html(), /script-src 'nonce-/, 'the extension set its CSP');

    profile = mkdtempSync(join(tmpdir(), 'tvm-chromium-'));
    context = await launchChromium(profile);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.exposeFunction('__toHost', (message: unknown) => toHost(message));
    await page.addInitScript(INSTRUMENT);
    await page.goto(`${origin}/`);
    // The ready handshake: the panel says ready, the host answers with the current view.
    await page.waitForSelector('#status[data-status="solving"]', { timeout: 20_000 });
    await delivery;
  });

  after(async () => {
    await context?.close();
    server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('the page is the extension\'s own HTML: strict CSP, one nonce script, handshake done', async (t) => {
    t.diagnostic(`panel script: ${scriptSource}`);
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
    assert.match(csp, new RegExp(`^default-src 'none'; style-src ${origin}; font-src ${origin}; img-src ${origin} data:; script-src 'nonce-[^']+'$`));
    assert.equal(await page.locator('#status').textContent(), 'Starting…');
    await assertClean('initial page');
  });

  test(`${PAYLOADS.length} payloads in the problem, title, settings, steps, tokens, tree, paths, votes and answer: nothing runs or loads`, async (t) => {
    const view = solvedView(request(PAYLOADS.join('\n\n'), PAYLOADS[0]), hostileTrace(PAYLOADS), FAMILIAR, null);
    const ms = await show(view);
    // The UI's own buttons open the token values and the search tree (everything gets rendered).
    await page.click('#toggle-tokens');
    await page.click('#toggle-tree');
    await page.waitForSelector('#tree:not([hidden]) .candidate');
    t.diagnostic(`render ${Math.round(ms)} ms`);
    assert.ok(ms < LIMIT_MS.render, `rendering took ${Math.round(ms)} ms`);
    await assertClean('hostile view');
    // Shown as text, not interpreted.
    const problem = (await page.locator('#problem').textContent()) ?? '';
    assert.ok(problem.includes('<script>window.__pwn("script")</script>'), 'script tag shown as text');
    assert.ok(problem.includes('<img src=x onerror='), 'img tag shown as text');
    assert.equal(await page.locator('#title').textContent(), PAYLOADS[0]);
    assert.ok((await page.locator('.katex-error').count()) > 0, 'untrusted or broken TeX is shown as an inline error');
    assert.ok((await page.locator('.candidate').count()) >= PAYLOADS.length);
  });

  test('a 100 × 100 matrix and 100 candidates render within the time limit', async (t) => {
    const trace = hostileTrace(Array.from({ length: 100 }, (_, i) => `step ${i}: $x_{${i}}^2 + \\frac{${i}}{2}$`));
    const ms = await show(solvedView(request(`${MATRIX}\n\nand $\\sqrt{2}$`), trace, FAMILIAR, null));
    t.diagnostic(`render ${Math.round(ms)} ms`);
    assert.ok(ms < LIMIT_MS.render, `rendering took ${Math.round(ms)} ms`);
    assert.equal(await page.locator('#problem .katex-display').count(), 1, 'the matrix is rendered');
    await assertClean('huge view');
  });

  test('a hostile view restored from the webview state after a reload is just as inert', async () => {
    await show(solvedView(request(PAYLOADS.join(' ')), hostileTrace(PAYLOADS), FAMILIAR, false));
    const rendered = renderMs.length;
    await page.reload();
    await page.waitForSelector('#problem');
    // The restored panel says ready again and the host re-sends its view: both renders inert.
    for (let i = 0; i < 100 && renderMs.length === rendered; i++) await page.waitForTimeout(100);
    assert.ok(renderMs.length > rendered, 'the host answered the second ready');
    await delivery;
    await assertClean('restored view');
  });

  test('the panel only ever asks the host for its four actions', async () => {
    await page.click('#insert-solution');
    await page.click('#solve-again');
    await page.waitForTimeout(200);
    assert.deepEqual(actions.map((a) => a.type), ['insertSolution', 'solveAgain']);
  });
});
