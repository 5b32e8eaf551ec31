// Opens a model bundle folder (docs/CONTRACTS.md): manifest, tokenizer and ONNX sessions, each
// checked against the others so that a broken bundle fails here, with a BundleError saying
// which file is wrong and what to do, rather than later inside a search.
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
import { MODEL_SLOTS, parseManifest, type Manifest, type ManifestModel, type ModelSlot } from './manifest.js';

export interface LoadBundleOptions {
  device?: DeviceRequest;
  /** Replaces onnxruntime session creation (tests simulate a missing CUDA provider with it). */
  sessionFactory?: SessionFactory;
}

export interface LoadedBundle {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly info: BundleInfo;
  readonly tokenizer: BundleTokenizer;
  /** policy and tvm always; orm/prm when the bundle has them. */
  readonly models: { readonly [slot in ModelSlot]?: DecoderModel } & { readonly policy: DecoderModel; readonly tvm: DecoderModel };
  readonly device: DeviceChoice;
  /** Frees the native sessions. */
  release(): Promise<void>;
}

const REEXPORT = 'Re-export the bundle with the training pipeline (training/), which writes files and manifest together';
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
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new BundleError(dir, 'has no manifest.json', 'Point the tutor at a model bundle folder such as models/default');
  }
  requireReadable(manifestPath);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new BundleError(manifestPath, `is not valid JSON (${firstLine(error)})`, REEXPORT, { cause: error });
  }
  const manifest = parseManifest(json, manifestPath);
  const tokenizer = loadTokenizer(dir, manifest);

  const sessions: InferenceSession[] = [];
  try {
    let device: DeviceChoice | undefined;
    const models: Partial<Record<ModelSlot, DecoderModel>> = {};
    for (const slot of MODEL_SLOTS) {
      const entry = manifest.models[slot];
      if (!entry) continue;
      const path = modelPath(dir, entry);
      // The first session settles the device; the others follow it (no second CUDA attempt).
      const created = await openSession(path, device?.device ?? options.device ?? 'auto', options.sessionFactory);
      sessions.push(created.session);
      device ??= created.choice;
      const signature = checkSignature(path, created.session, entry, slot);
      const model = new DecoderModel(created.session, signature);
      await probe(path, model, tokenizer, join(dir, manifest.tokenizer), slot);
      models[slot] = model;
    }
    return {
      dir,
      manifest,
      info: {
        name: manifest.name,
        promptTemplate: manifest.promptTemplate,
        stepDelimiter: manifest.stepDelimiter,
        eosToken: manifest.eosToken,
        answerPattern: manifest.answerPattern,
        maxPositions: manifest.maxPositions,
        training: manifest.training,
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

function loadTokenizer(dir: string, manifest: Manifest): BundleTokenizer {
  const path = join(dir, manifest.tokenizer);
  if (!existsSync(path)) throw new BundleError(path, 'is missing (named by manifest.json "tokenizer")', REEXPORT);
  requireReadable(path);
  const config = manifest.tokenizerConfig === undefined ? {} : readTokenizerConfig(join(dir, manifest.tokenizerConfig));
  let tokenizer: BundleTokenizer;
  try {
    tokenizer = BundleTokenizer.fromFile(path, manifest.eosToken, config);
  } catch (error) {
    throw new BundleError(path, `could not be loaded as a Hugging Face tokenizer.json (${firstLine(error)})`, REEXPORT, { cause: error });
  }
  if (!tokenizer.tokenTexts(tokenizer.encode(`x${manifest.stepDelimiter}`)).some((text) => text.includes(manifest.stepDelimiter))) {
    throw new BundleError(path, `has no token for the step delimiter ${JSON.stringify(manifest.stepDelimiter)}`, REEXPORT);
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

function modelPath(dir: string, entry: ManifestModel): string {
  const path = join(dir, entry.file);
  if (!existsSync(path)) throw new BundleError(path, 'is missing (named by manifest.json)', REEXPORT);
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

function checkSignature(path: string, session: InferenceSession, entry: ManifestModel, slot: ModelSlot): DecoderSignature {
  const names = (kind: 'inputs' | 'outputs', actual: readonly string[]): void => {
    const declared = new Set(entry[kind]);
    const missing = [...declared].filter((name) => !actual.includes(name));
    const extra = actual.filter((name) => !declared.has(name));
    if (missing.length > 0 || extra.length > 0) {
      const parts = [
        missing.length > 0 && `manifest.json lists ${kind} the graph lacks: ${missing.join(', ')}`,
        extra.length > 0 && `the graph has ${kind} manifest.json does not list: ${extra.join(', ')}`,
      ].filter(Boolean);
      throw new BundleError(path, parts.join('; '), REEXPORT);
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
      throw new BundleError(path, `the graph has ${key} = ${signature[key]} but manifest.json says models.${slot}.kv.${key} = ${entry.kv[key]}`, REEXPORT);
    }
  }
  if (slot === 'policy' && !signature.hasPresent) {
    throw new BundleError(path, 'the policy has no present.* outputs, so it cannot decode with a KV cache', 'Export it with use_cache / present outputs');
  }
  return signature;
}

/** One tiny forward pass: catches graphs that load but do not run, and a foreign tokenizer. */
async function probe(path: string, model: DecoderModel, tokenizer: BundleTokenizer, tokenizerPath: string, slot: ModelSlot): Promise<void> {
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
    throw new BundleError(path, `fails a one-token test run (${firstLine(error)})`, REEXPORT, { cause: error });
  }
  if (slot === 'policy' && headWidth < tokenizer.vocabSize) {
    throw new BundleError(
      tokenizerPath,
      `has ${tokenizer.vocabSize} tokens but ${path} predicts only ${headWidth}, so they do not belong together`,
      'Use the tokenizer.json exported with this policy',
    );
  }
}
