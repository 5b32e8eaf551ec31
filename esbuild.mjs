// Builds every bundle the extension, the engine and the CLI run from. Entry points that do not
// exist yet are skipped, so the build works while the project grows. `--watch` rebuilds on change.
import { existsSync } from 'node:fs';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // vscode is provided by the host; onnxruntime-node is a native addon that must load from
  // node_modules next to its .so files.
  external: ['vscode', 'onnxruntime-node'],
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
};

const builds = [
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
  { ...node, entryPoints: ['src/core/host/engineProcess.ts'], outfile: 'dist/engine.js' },
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  { ...node, entryPoints: ['src/core/host/calculatorProcess.ts'], outfile: 'dist/calculator.js' },
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['media/src/panel.ts'],
    outfile: 'media/dist/panel.js',
    loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
    sourcemap: !production,
    minify: production,
    logLevel: 'info',
  },
].filter((build) => existsSync(build.entryPoints[0]));

if (watch) {
  await Promise.all(builds.map(async (build) => (await esbuild.context(build)).watch()));
} else {
  await Promise.all(builds.map((build) => esbuild.build(build)));
}
