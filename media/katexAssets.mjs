// Copies KaTeX's stylesheet and woff2 fonts into media/katex/, where the webview loads them via
// asWebviewUri (the panel's CSP allows fonts and styles from the extension only). Chromium
// (Electron, code-server) always picks woff2 from katex.min.css, so woff/ttf are not shipped.
// The panel script itself is bundled by esbuild.mjs. Run after it: `npm run build`.
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const mediaDir = dirname(fileURLToPath(import.meta.url));
const katexDist = join(mediaDir, '..', 'node_modules', 'katex', 'dist');
const out = join(mediaDir, 'katex');

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'fonts'), { recursive: true });
cpSync(join(katexDist, 'katex.min.css'), join(out, 'katex.min.css'));
for (const font of readdirSync(join(katexDist, 'fonts')).filter((f) => f.endsWith('.woff2'))) {
  cpSync(join(katexDist, 'fonts', font), join(out, 'fonts', font));
}
