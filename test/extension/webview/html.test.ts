import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, makeNonce, panelHtml } from '../../../src/extension/webview/html.js';

const assets = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dist/panel.js',
  styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/katex/katex.min.css', 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css'],
};

test('CSP: nothing by default, own styles/fonts/images, only the nonce script', () => {
  assert.equal(
    contentSecurityPolicy(assets.cspSource, 'abc'),
    "default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net; font-src https://file+.vscode-resource.vscode-cdn.net; img-src https://file+.vscode-resource.vscode-cdn.net data:; script-src 'nonce-abc'",
  );
});

test('nonces are 128-bit random base64 and never repeat', () => {
  const nonces = new Set(Array.from({ length: 50 }, makeNonce));
  assert.equal(nonces.size, 50);
  for (const n of nonces) assert.match(n, /^[A-Za-z0-9+/]{22}==$/);
});

test('the HTML loads only the given assets, with the nonce on its single script', () => {
  const html = panelHtml(assets, 'n0nce');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; [^"]*script-src 'nonce-n0nce'">/);
  assert.deepEqual(html.match(/<script[^>]*>/g), [`<script nonce="n0nce" src="${assets.scriptUri}">`]);
  assert.deepEqual(html.match(/href="[^"]*"/g), assets.styleUris.map((u) => `href="${u}"`));
  assert.doesNotMatch(html, /style="/);
  assert.match(html, /<main id="app"><\/main>/);
});
