// Builds the webview's assets: bundles media/src/panel.ts to media/dist/panel.js (browser IIFE,
// KaTeX and markdown-it inside) and copies KaTeX's CSS and woff2 fonts to media/katex/.
// Chromium (Electron, code-server) always picks woff2, so woff/ttf are not shipped.
// Run: node media/build.mjs [--production]
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const mediaDir = dirname(fileURLToPath(import.meta.url));
const katexDist = join(mediaDir, '..', 'node_modules', 'katex', 'dist');

export async function buildMedia({ production = false } = {}) {
  await build({
    entryPoints: [join(mediaDir, 'src', 'panel.ts')],
    outfile: join(mediaDir, 'dist', 'panel.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: production,
    sourcemap: production ? false : 'inline',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const katexOut = join(mediaDir, 'katex');
  rmSync(katexOut, { recursive: true, force: true });
  mkdirSync(join(katexOut, 'fonts'), { recursive: true });
  cpSync(join(katexDist, 'katex.min.css'), join(katexOut, 'katex.min.css'));
  for (const font of readdirSync(join(katexDist, 'fonts')).filter((f) => f.endsWith('.woff2'))) {
    cpSync(join(katexDist, 'fonts', font), join(katexOut, 'fonts', font));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildMedia({ production: process.argv.includes('--production') });
}
