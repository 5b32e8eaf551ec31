// `npm run package [-- --target linux-x64] [--bundle models/default] [--out file.vsix] [--cuda]`:
// production build, stage (stage.mjs) into dist/vsix-stage/, then `vsce package` that folder.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultTarget, stageVsix } from './stage.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

function run(args, cwd = root) {
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const target = option('target', defaultTarget());
const bundleDir = resolve(root, option('bundle', 'models/default'));
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = resolve(root, option('out', `${name}-${target}-${version}.vsix`));
const stage = join(root, 'dist', 'vsix-stage');

if (!process.argv.includes('--no-build')) {
  run(['esbuild.mjs', '--production']);
  run(['media/katexAssets.mjs']);
}
let files;
try {
  files = stageVsix({ root, stage, target, bundleDir, cuda: process.argv.includes('--cuda') });
} catch (error) {
  console.error(`package: ${error.message}`);
  process.exit(1);
}
console.log(`staged ${files.length} files for ${target} in ${stage}`);

const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
// No repository or LICENSE file in this private package: say so instead of answering prompts.
run([vsce, 'package', '--no-dependencies', '--target', target, '--skip-license', '--allow-missing-repository', '--out', out], stage);
console.log(`${out}: ${(statSync(out).size / 1e6).toFixed(1)} MB`);
