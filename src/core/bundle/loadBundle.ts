// Opens a model bundle folder (docs/CONTRACTS.md): manifest, tokenizer and ONNX sessions, each
// checked against the others so that a broken bundle fails here, with a BundleError saying
// which file is wrong and what to do, rather than later inside a search. A folder without
// manifest.json but with config.json is a Hugging Face model in the Optimum layout, whose
// manifest is inferred (huggingFaceFolder.ts).
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';
import type { BundleInfo } from '../lm.js';
import { createSessionOnDevice, DeviceUnavailableError, type DeviceChoice, type DeviceRequest, type SessionFactory } from '../runtime/device.js';
import { DecoderModel } from '../runtime/decoderModel.js';
import { BatchedKv } from '../runtime/kvCache.js';
import { BundleTokenizer } from '../tokenizer.js';
import { BundleError, firstLine } from './bundleError.js';
import { readDecoderSignature, SignatureError, type DecoderSignature } from './decoderSignature.js';
import { isHuggingFaceFolder, readHuggingFaceFolder, type VariantRequest } from './huggingFaceFolder.js';
import { MODEL_SLOTS, parseManifest, type Manifest, type ManifestModel, type ModelSlot } from './manifest.js';

export interface LoadBundleOptions {
  device?: DeviceRequest;
  /** Replaces onnxruntime session creation (tests simulate a missing CUDA provider with it). */
  sessionFactory?: SessionFactory;
  /** Which ONNX weights of a Hugging Face folder to load (default 'auto'; tutor.json may also say). */
  variant?: VariantRequest;
  /**
   * The verifiers to open (default: every one the bundle names). bench:speed opens the TVM alone,
   * as the vsix ships it, so that its memory is the product's and not the ORM's and PRM's too.
   */
  verifiers?: readonly Exclude<ModelSlot, 'policy'>[];
}

export interface LoadedBundle {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly info: BundleInfo;
  readonly tokenizer: BundleTokenizer;
  /** policy always; the verifiers the bundle has (our own bundles always have a TVM). */
  readonly models: { readonly [slot in ModelSlot]?: DecoderModel } & { readonly policy: DecoderModel };
  readonly device: DeviceChoice;
  /** Frees the native sessions. */
  release(): Promise<void>;
}

const REEXPORT = 'Re-export the bundle with the training pipeline (training/), which writes files and manifest together';
const REEXPORT_HF = 'Export the model again with `optimum-cli export onnx --task text-generation-with-past` and keep the files it writes together';

/** Where a bundle's manifest came from, which decides the advice in error messages. */
interface ManifestSource {
  manifest: Manifest;
  remedy: string;
  /** The file that names the model files: manifest.json, or tutor.json in a Hugging Face folder. */
  namedBy: string;
  /** A Hugging Face folder's config.json vocabulary size, which the tokenizer and logits must match. */
  modelVocab?: { size: number; configPath: string };
}
const PERMISSIONS = 'Give your user read access to the bundle folder and its files (e.g. chmod -R u+rX on the folder)';

/**
 * A path that exists but may not be read (or, for a folder, listed) would otherwise surface as a
 * misleading "missing" or "not valid JSON" or "corrupt": say what it is.
 */
function requireReadable(path: string, folder = false): void {
  try {
    accessSync(path, folder ? constants.R_OK | constants.X_OK : constants.R_OK);
  } catch (error) {
    throw new BundleError(path, `cannot be read (${firstLine(error)})`, PERMISSIONS, { cause: error });
  }
}

export async function loadBundle(dir: string, options: LoadBundleOptions = {}): Promise<LoadedBundle> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new BundleError(dir, 'is not a folder', 'Point the tutor at a model bundle folder (one containing manifest.json)');
  }
  requireReadable(dir, true);
  const { manifest, remedy, namedBy, modelVocab } = readManifest(dir, options.variant ?? 'auto');
  const tokenizer = loadTokenizer(dir, manifest, remedy);
  if (modelVocab) checkVocabulary(join(dir, manifest.tokenizer), tokenizer, modelVocab);

  const sessions: InferenceSession[] = [];
  try {
    let device: DeviceChoice | undefined;
    const models: Partial<Record<ModelSlot, DecoderModel>> = {};
    for (const slot of MODEL_SLOTS) {
      const entry = manifest.models[slot];
      if (!entry || (slot !== 'policy' && options.verifiers && !options.verifiers.includes(slot))) continue;
      const path = modelPath(dir, entry, remedy, namedBy);
      // The first session settles the device; the others follow it (no second CUDA attempt).
      const created = await openSession(path, device?.device ?? options.device ?? 'auto', options.sessionFactory);
      sessions.push(created.session);
      device ??= created.choice;
      const signature = checkSignature(path, created.session, entry, slot, remedy);
      const model = new DecoderModel(created.session, signature);
      await probe(path, model, tokenizer, join(dir, manifest.tokenizer), slot, remedy, modelVocab);
      models[slot] = model;
    }
    return {
      dir,
      manifest,
      info: {
        name: manifest.name,
        promptTemplate: manifest.promptTemplate,
        promptFormat: manifest.promptFormat,
        stepDelimiter: manifest.stepDelimiter,
        eosToken: tokenizer.eosToken,
        answerPattern: manifest.answerPattern,
        maxPositions: manifest.maxPositions,
        training: manifest.training,
        ...(manifest.calibration && { calibration: manifest.calibration }),
      },
      tokenizer,
      models: models as LoadedBundle['models'],
      device: device as DeviceChoice,
      release: async () => {
        await Promise.all(sessions.map((session) => session.release()));
      },
    };
  } catch (error) {
    await Promise.allSettled(sessions.map((session) => session.release()));
    throw error;
  }
}

function readManifest(dir: string, variant: VariantRequest): ManifestSource {
  const manifestPath = join(dir, 'manifest.json');
  if (isHuggingFaceFolder(dir)) {
    requireReadable(join(dir, 'config.json'));
    const folder = readHuggingFaceFolder(dir, variant);
    return { manifest: folder.manifest, remedy: REEXPORT_HF, namedBy: 'tutor.json', modelVocab: { size: folder.vocabSize, configPath: folder.configPath } };
  }
  if (!existsSync(manifestPath)) {
    throw new BundleError(
      dir,
      'has neither manifest.json nor config.json',
      'Point the tutor at a model bundle folder such as models/default, or at a Hugging Face model folder in the Optimum ONNX layout',
    );
  }
  requireReadable(manifestPath);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new BundleError(manifestPath, `is not valid JSON (${firstLine(error)})`, REEXPORT, { cause: error });
  }
  return { manifest: parseManifest(json, manifestPath), remedy: REEXPORT, namedBy: 'manifest.json' };
}

/**
 * A model's vocabulary is often padded past its tokenizer's (Qwen2.5: 151936 rows for 151665
 * tokens), never by thousands of tokens or by a large share: then the tokenizer is another model's.
 */
function checkVocabulary(tokenizerPath: string, tokenizer: BundleTokenizer, model: { size: number; configPath: string }): void {
  const missing = model.size - tokenizer.vocabSize;
  if (missing > Math.max(512, 0.02 * model.size)) {
    throw new BundleError(
      tokenizerPath,
      `has ${tokenizer.vocabSize} tokens but ${model.configPath} gives vocab_size ${model.size}, so the tokenizer belongs to another model`,
      "Use the tokenizer.json published with this model",
    );
  }
}

function loadTokenizer(dir: string, manifest: Manifest, remedy: string): BundleTokenizer {
  const path = join(dir, manifest.tokenizer);
  if (!existsSync(path)) throw new BundleError(path, 'is missing (named by manifest.json "tokenizer")', remedy);
  requireReadable(path);
  const config = manifest.tokenizerConfig === undefined ? {} : readTokenizerConfig(join(dir, manifest.tokenizerConfig));
  let tokenizer: BundleTokenizer;
  try {
    tokenizer = BundleTokenizer.fromFile(path, manifest.eosToken, config);
  } catch (error) {
    throw new BundleError(path, `could not be loaded as a Hugging Face tokenizer.json (${firstLine(error)})`, remedy, { cause: error });
  }
  if (!tokenizer.tokenTexts(tokenizer.encode(`x${manifest.stepDelimiter}`)).some((text) => text.includes(manifest.stepDelimiter))) {
    throw new BundleError(path, `has no token for the step delimiter ${JSON.stringify(manifest.stepDelimiter)}`, remedy);
  }
  return tokenizer;
}

function readTokenizerConfig(path: string): Record<string, unknown> {
  if (!existsSync(path)) throw new BundleError(path, 'is missing (named by manifest.json "tokenizerConfig")', REEXPORT);
  requireReadable(path);
  try {
    const config: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new Error('not a JSON object');
    return config as Record<string, unknown>;
  } catch (error) {
    throw new BundleError(path, `is not a valid tokenizer config (${firstLine(error)})`, REEXPORT, { cause: error });
  }
}

function modelPath(dir: string, entry: ManifestModel, remedy: string, namedBy: string): string {
  const path = join(dir, entry.file);
  if (!existsSync(path)) throw new BundleError(path, `is missing (named by ${namedBy})`, remedy);
  requireReadable(path);
  return path;
}

async function openSession(path: string, device: DeviceRequest, factory?: SessionFactory) {
  try {
    return await createSessionOnDevice(path, device, factory);
  } catch (error) {
    if (error instanceof DeviceUnavailableError) throw error;
    throw new BundleError(
      path,
      `could not be opened as an ONNX model (${firstLine(error)})`,
      'The file may be truncated or corrupt; copy or export it again',
      { cause: error },
    );
  }
}

function checkSignature(path: string, session: InferenceSession, entry: ManifestModel, slot: ModelSlot, remedy: string): DecoderSignature {
  const names = (kind: 'inputs' | 'outputs', actual: readonly string[]): void => {
    const list = entry[kind];
    if (list === undefined) return;
    const declared = new Set(list);
    const missing = [...declared].filter((name) => !actual.includes(name));
    const extra = actual.filter((name) => !declared.has(name));
    if (missing.length > 0 || extra.length > 0) {
      const parts = [
        missing.length > 0 && `manifest.json lists ${kind} the graph lacks: ${missing.join(', ')}`,
        extra.length > 0 && `the graph has ${kind} manifest.json does not list: ${extra.join(', ')}`,
      ].filter(Boolean);
      throw new BundleError(path, parts.join('; '), remedy);
    }
  };
  names('inputs', session.inputNames);
  names('outputs', session.outputNames);

  let signature: DecoderSignature;
  try {
    signature = readDecoderSignature(session, slot === 'policy' ? 'logits' : 'values');
  } catch (error) {
    if (!(error instanceof SignatureError)) throw error;
    throw new BundleError(path, error.message, 'Export it with the decoder signature of docs/CONTRACTS.md (Optimum / transformers.js layout)');
  }
  for (const key of ['layers', 'kvHeads', 'headDim'] as const) {
    if (signature[key] !== entry.kv[key]) {
      throw new BundleError(path, `the graph has ${key} = ${signature[key]} but ${entry.kvSource[key]} gives ${entry.kv[key]}`, remedy);
    }
  }
  if (slot === 'policy' && !signature.hasPresent) {
    throw new BundleError(path, 'the policy has no present.* outputs, so it cannot decode with a KV cache', 'Export it with use_cache / present outputs');
  }
  return signature;
}

/** One tiny forward pass: catches graphs that load but do not run, and a foreign tokenizer. */
async function probe(
  path: string,
  model: DecoderModel,
  tokenizer: BundleTokenizer,
  tokenizerPath: string,
  slot: ModelSlot,
  remedy: string,
  modelVocab?: { size: number; configPath: string },
): Promise<void> {
  let headWidth: number;
  try {
    const output = await model.forward({
      past: BatchedKv.empty(model.signature, 1),
      tokenIds: [tokenizer.eosId],
      width: 1,
      newMask: Uint8Array.of(1),
      positions: Int32Array.of(0),
      ...(model.signature.hasTokenLogprobs && { tokenLogprobs: Float32Array.of(0) }),
    });
    headWidth = output.headWidth;
  } catch (error) {
    throw new BundleError(path, `fails a one-token test run (${firstLine(error)})`, remedy, { cause: error });
  }
  if (slot === 'policy' && modelVocab && headWidth !== modelVocab.size) {
    throw new BundleError(path, `predicts ${headWidth} tokens but ${modelVocab.configPath} gives vocab_size ${modelVocab.size}`, remedy);
  }
  if (slot === 'policy' && headWidth < tokenizer.vocabSize) {
    throw new BundleError(
      tokenizerPath,
      `has ${tokenizer.vocabSize} tokens but ${path} predicts only ${headWidth}, so they do not belong together`,
      'Use the tokenizer.json exported with this policy',
    );
  }
}
