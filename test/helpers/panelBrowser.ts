// The Solve panel in a real browser (Chromium through playwright-core), as the extension builds
// it: SolvePanel sets the HTML (CSP, nonce) on a stub webview whose cspSource/asWebviewUri point at
// a local server, and the bundled media/dist/panel.js renders the host's real view models, sent as
// postMessage after the same ready handshake. Shared by the hostile-content and accessibility tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, relative, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { chromium, type BrowserContext } from 'playwright-core';
import type { HostToWebview } from '../../src/shared/webviewProtocol.js';
import { FakeUri } from '../robustness/fakeVscode.js';

export const ROOT = resolve('.');
export const CHROMIUM = process.env.TVM_CHROMIUM ?? '/usr/bin/chromium';
/** Outside CI a machine without Chromium skips these tests, saying why; in CI (CI=true) that is a failure. */
export const IN_CI = /^(true|1)$/i.test(process.env.CI ?? '');
export const noBrowser: string | false = existsSync(CHROMIUM)
  ? false
  : `needs Chromium, none at ${CHROMIUM}: apt-get install -y chromium, or set TVM_CHROMIUM (CI=true makes this a failure)`;

// ─── the panel script: media/dist/panel.js, rebuilt in memory when older than its sources ───────

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export async function panelScript(): Promise<{ code: string; source: string }> {
  const built = join(ROOT, 'media', 'dist', 'panel.js');
  const inputs = ['media/src', 'src/shared', 'src/extension/webview', 'src/core/notebook'].map((p) => newestMtime(join(ROOT, p)));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...inputs)) return { code: readFileSync(built, 'utf8'), source: 'media/dist/panel.js' };
  // Same options as esbuild.mjs, without writing: the test never touches the build output.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: [join(ROOT, 'media/src/panel.ts')],
    outfile: join(ROOT, 'media/dist/panel.js'),
    loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
    write: false,
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  assert.ok(js, 'esbuild produced panel.js');
  return { code: js.text, source: 'media/src/panel.ts (built in memory: media/dist/panel.js was missing or stale)' };
}

// ─── a local server for the webview's resources ─────────────────────────────────────────────────

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.html': 'text/html' };

export function serve(html: () => string, script: string): Promise<{ server: Server; origin: string }> {
  const katex = existsSync(join(ROOT, 'media/katex/katex.min.css')) ? join(ROOT, 'media/katex') : join(ROOT, 'node_modules/katex/dist');
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let body: string | Buffer | undefined;
    if (path === '/') body = html();
    else if (path === '/media/dist/panel.js') body = script;
    else if (path === '/media/panel.css') body = readFileSync(join(ROOT, 'media/panel.css'));
    else if (path.startsWith('/media/katex/')) {
      const file = resolve(katex, path.slice('/media/katex/'.length));
      if (file.startsWith(katex) && existsSync(file)) body = readFileSync(file);
    }
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(path) || '.html'] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((resolveServer) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      assert.ok(address && typeof address === 'object');
      resolveServer({ server, origin: `http://127.0.0.1:${address.port}` });
    });
  });
}

// ─── a webview panel for SolvePanel whose page is the browser's ────────────────────────────────

export interface StubWebview {
  /** What SolvePanel's constructor takes as its vscode.WebviewPanel. */
  panel: unknown;
  /** The HTML SolvePanel set last. */
  html(): string;
  /** Messages from the page to the host (wire `window.__toHost` to it). */
  fromWebview(message: unknown): void;
}

/** `post` delivers each host message into the page (e.g. page.evaluate dispatching a MessageEvent). */
export function stubWebview(origin: string, post: (message: HostToWebview) => void): StubWebview {
  let html = '';
  const listeners = new Set<(message: unknown) => void>();
  const panel = {
    title: '',
    reveal: () => undefined,
    dispose: () => undefined,
    onDidDispose: () => ({ dispose: () => undefined }),
    webview: {
      options: {},
      cspSource: origin,
      get html(): string {
        return html;
      },
      set html(value: string) {
        html = value;
      },
      asWebviewUri: (uri: FakeUri) => ({ toString: () => `${origin}/${relative(ROOT, uri.fsPath).split('\\').join('/')}` }),
      onDidReceiveMessage: (listener: (message: unknown) => void) => {
        listeners.add(listener);
        return { dispose: () => listeners.delete(listener) };
      },
      postMessage: (message: HostToWebview) => {
        post(message);
        return Promise.resolve(true);
      },
    },
  };
  return { panel, html: () => html, fromWebview: (message) => listeners.forEach((listener) => listener(message)) };
}

export function launchChromium(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
