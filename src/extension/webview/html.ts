// The panel's HTML shell. Pure, so the CSP is tested: nothing but the extension's own media
// (styles, fonts, images) and the one script carrying this load's nonce may run or load.
import { randomBytes } from 'node:crypto';

export interface PanelAssets {
  /** `webview.cspSource`. */
  cspSource: string;
  /** `asWebviewUri` strings. */
  scriptUri: string;
  styleUris: readonly string[];
}

/** 128 random bits, base64: a fresh one for every HTML the panel gets. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function panelHtml(assets: PanelAssets, nonce: string): string {
  const styles = assets.styleUris.map((uri) => `<link rel="stylesheet" href="${attr(uri)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(assets.cspSource, nonce))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    <title>TVM Math Tutor</title>
  </head>
  <body>
    <main id="app"></main>
    <div id="announcer" class="sr-only" role="status" aria-live="polite"></div>
    <script nonce="${attr(nonce)}" src="${attr(assets.scriptUri)}"></script>
  </body>
</html>
`;
}
