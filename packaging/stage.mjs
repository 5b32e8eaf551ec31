// Stages exactly what a platform vsix holds into one folder, so `vsce package --no-dependencies`
// can zip it as is: the bundled extension and engine, the webview's built assets, the default
// model bundle (what the engine reads of the policy, the TVM and the tokenizer: no checkpoints,
// orm/prm or splits) and onnxruntime-node with only
// the target platform's binaries (no CUDA/TensorRT providers) plus its one runtime dependency.
// onnxruntime goes to dist/node_modules/: vsce --no-dependencies never packs a top-level
// node_modules/, and Node resolves `require('onnxruntime-node')` from dist/engine.js there first.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** vsce target → onnxruntime-node's bin/napi-v6/<platform>/<arch>. */
export const ORT_PLATFORMS = {
  'linux-x64': 'linux/x64',
  'linux-arm64': 'linux/arm64',
  'darwin-arm64': 'darwin/arm64',
  'win32-x64': 'win32/x64',
  'win32-arm64': 'win32/arm64',
};

export function defaultTarget() {
  return `${process.platform}-${process.arch}`;
}

/** CUDA and TensorRT execution providers are large and useless without NVIDIA drivers; a CUDA
 * build (`--cuda`, after installing onnxruntime-node with its CUDA download) keeps the CUDA ones. */
export function isRuntimeBinary(name, { cuda = false } = {}) {
  if (cuda && /providers_(cuda|shared)/i.test(name)) return true;
  return !/providers_(cuda|tensorrt)/i.test(name);
}

function copy(from, to) {
  if (!existsSync(from)) throw new Error(`${from} is missing: run \`npm run build\` (or train the model bundle) first`);
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}

/** The manifest the vsix ships: only the models it ships. */
function shippedManifest(manifest) {
  const { policy, tvm } = manifest.models;
  return { ...manifest, models: { policy, tvm } };
}

/**
 * What the engine reads of a bundle in standard formats (src/core/bundle/huggingFaceFolder.ts): the
 * configs, tokenizer files, tutor.json and the fp32 ONNX of the policy and of the TVM in tvm/.
 * The Transformers checkpoints (model.safetensors) are for Python, not the extension.
 */
const STANDARD_BUNDLE_FILES = ['config.json', 'tokenizer.json', 'onnx/model.onnx'];
/** Copied when present (a Hugging Face folder passed with --bundle may lack them). */
const OPTIONAL_BUNDLE_FILES = ['generation_config.json', 'tokenizer_config.json', 'tutor.json', 'tvm/config.json', 'tvm/onnx/model.onnx'];

function stageStandardBundle(bundleDir, out) {
  for (const file of STANDARD_BUNDLE_FILES) copy(join(bundleDir, file), join(out, file));
  for (const file of OPTIONAL_BUNDLE_FILES.filter((f) => existsSync(join(bundleDir, f)))) copy(join(bundleDir, file), join(out, file));
}

function stageBundle(bundleDir, out) {
  if (existsSync(join(bundleDir, 'config.json')) && !existsSync(join(bundleDir, 'manifest.json'))) {
    stageStandardBundle(bundleDir, out);
    return;
  }
  // An older bundle (manifest.json layout), passed with --bundle.
  const manifestPath = join(bundleDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${join(bundleDir, 'config.json')} is missing: train and export the default bundle (training/) or pass --bundle <folder>`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const files = [manifest.tokenizer, manifest.models?.policy?.file, manifest.models?.tvm?.file];
  if (files.some((f) => typeof f !== 'string')) throw new Error(`${manifestPath} does not name the tokenizer, policy and tvm files`);
  if (manifest.tokenizerConfig !== undefined) files.push(manifest.tokenizerConfig);
  for (const file of files) {
    copy(join(bundleDir, file), join(out, file));
    // ONNX models over 2 GB keep weights in a side file next to them.
    if (existsSync(join(bundleDir, `${file}.data`))) copy(join(bundleDir, `${file}.data`), join(out, `${file}.data`));
  }
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(shippedManifest(manifest), null, 2)}\n`);
}

function stageOnnxRuntime(root, stage, target, cuda) {
  const platform = ORT_PLATFORMS[target];
  if (!platform) throw new Error(`unsupported target ${target}: use one of ${Object.keys(ORT_PLATFORMS).join(', ')}`);
  const ort = join(root, 'node_modules', 'onnxruntime-node');
  const modules = join(stage, 'dist', 'node_modules');
  const out = join(modules, 'onnxruntime-node');
  copy(join(ort, 'package.json'), join(out, 'package.json'));
  for (const file of readdirSync(join(ort, 'dist')).filter((f) => f.endsWith('.js'))) copy(join(ort, 'dist', file), join(out, 'dist', file));
  const bin = join(ort, 'bin', 'napi-v6', platform);
  for (const file of readdirSync(bin).filter((name) => isRuntimeBinary(name, { cuda }))) copy(join(bin, file), join(out, 'bin', 'napi-v6', platform, file));
  // onnxruntime-node requires onnxruntime-common (CommonJS build) at run time; its other
  // dependencies (adm-zip, global-agent) serve only its install script.
  const common = join(root, 'node_modules', 'onnxruntime-common');
  copy(join(common, 'package.json'), join(modules, 'onnxruntime-common', 'package.json'));
  copy(join(common, 'dist', 'cjs'), join(modules, 'onnxruntime-common', 'dist', 'cjs'));
}

/** package.json as shipped: no scripts, dev dependencies or CLI entry (the vsix has no CLI). */
function stagePackageJson(root, stage) {
  const { scripts: _scripts, devDependencies: _dev, bin: _bin, ...manifest } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Rebuilds `stage` from scratch; returns the staged files relative to it, sorted. */
export function stageVsix({ root, stage, target, bundleDir = join(root, 'models', 'default'), cuda = false }) {
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  stagePackageJson(root, stage);
  copy(join(root, 'packaging', 'README.md'), join(stage, 'README.md'));
  copy(join(root, '.vscodeignore'), join(stage, '.vscodeignore'));
  for (const file of ['extension.js', 'engine.js']) copy(join(root, 'dist', file), join(stage, 'dist', file));
  copy(join(root, 'media', 'panel.css'), join(stage, 'media', 'panel.css'));
  copy(join(root, 'media', 'dist', 'panel.js'), join(stage, 'media', 'dist', 'panel.js'));
  copy(join(root, 'media', 'katex'), join(stage, 'media', 'katex'));
  stageBundle(bundleDir, join(stage, 'models', 'default'));
  stageOnnxRuntime(root, stage, target, cuda);
  return listFiles(stage).map((f) => relative(stage, f).split('\\').join('/')).sort();
}
