// The shape of manifest.json (docs/CONTRACTS.md) and a validator that turns a parsed JSON
// value into it, reporting the first problem as a BundleError.
import { BundleError } from './bundleError.js';
import { parseCalibration } from './calibrationField.js';
import { PROMPT_FORMATS, type Calibration, type PromptFormat } from '../../shared/engineProtocol.js';

export const SUPPORTED_FORMAT_VERSION = 1;

export type ModelRole = 'policy' | 'verifier';
/** Which labels a verifier was trained on. */
export type VerifierLabels = 'tvm' | 'orm' | 'prm';

/** KV-cache layout of a decoder: `past_key_values.{i}.key|value` are [batch, kvHeads, past, headDim]. */
export interface KvLayout {
  layers: number;
  kvHeads: number;
  headDim: number;
}

/** Element type of a graph's KV cache: float32, or float16 (fp16 exports) held as Uint16Array bits. */
export type KvType = 'float32' | 'float16';

export interface ManifestModel {
  file: string;
  role: ModelRole;
  labels?: VerifierLabels;
  /** Tensor names the graph must have exactly; absent when inferred from a Hugging Face folder (the graph is read instead). */
  inputs?: string[];
  outputs?: string[];
  kv: KvLayout;
  /** Where each kv number was declared ("manifest.json models.policy.kv.layers", "config.json num_hidden_layers"), for messages. */
  kvSource: Record<keyof KvLayout, string>;
}

/** The model slots a bundle may fill; only `policy` is required (a Hugging Face folder may have no verifier). */
export const MODEL_SLOTS = ['policy', 'tvm', 'orm', 'prm'] as const;
export type ModelSlot = (typeof MODEL_SLOTS)[number];

export interface Manifest {
  formatVersion: number;
  name: string;
  tokenizer: string;
  /** Optional tokenizer_config.json (tokenizers.js options such as clean_up_tokenization_spaces). */
  tokenizerConfig?: string;
  promptTemplate: string;
  /** How the problem goes into the template; a bundle without the field was trained on 'v1'. */
  promptFormat: PromptFormat;
  stepDelimiter: string;
  /** The EOS token's text, or its id (a Hugging Face folder's generation_config.json names it by id). */
  eosToken: string | number;
  answerPattern: string;
  maxPositions: number;
  models: { policy: ManifestModel; tvm?: ManifestModel; orm?: ManifestModel; prm?: ManifestModel };
  training: Record<string, unknown>;
  /** Absent: values are shown raw, marked uncalibrated. */
  calibration?: Calibration;
}

const REGENERATE = 'Re-export the bundle with the training pipeline (training/) or fix manifest.json by hand';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `promptFormat` field of manifest.json or tutor.json (`file`): absent means 'v1', what every
 * bundle before the field was trained with; a value this version does not know is an error, since
 * the policy would read every problem in a format it was not trained on.
 */
export function parsePromptFormat(value: unknown, file: string): PromptFormat {
  if (value === undefined) return 'v1';
  if (typeof value === 'string' && (PROMPT_FORMATS as readonly string[]).includes(value)) return value as PromptFormat;
  throw new BundleError(
    file,
    `has field "promptFormat" ${JSON.stringify(value)}, this version of the tutor reads ${PROMPT_FORMATS.map((f) => `"${f}"`).join(' or ')}`,
    'Use a bundle exported for this version, or update the extension',
  );
}

/** Validates a parsed manifest.json; `file` is its path, used in error messages. */
export function parseManifest(value: unknown, file: string): Manifest {
  const fail = (problem: string): never => {
    throw new BundleError(file, problem, REGENERATE);
  };
  if (!isObject(value)) fail('is not a JSON object');
  const root = value as Json;

  if (root.formatVersion !== SUPPORTED_FORMAT_VERSION) {
    throw new BundleError(
      file,
      `has formatVersion ${JSON.stringify(root.formatVersion)}, this version of the tutor reads formatVersion ${SUPPORTED_FORMAT_VERSION}`,
      'Use a bundle exported for this version, or update the extension',
    );
  }
  const text = (key: string): string => {
    const field = root[key];
    if (typeof field !== 'string' || field === '') fail(`field "${key}" must be a non-empty string`);
    return field as string;
  };
  const promptTemplate = text('promptTemplate');
  if (!promptTemplate.includes('{problem}')) fail('field "promptTemplate" must contain "{problem}"');
  const answerPattern = text('answerPattern');
  try {
    new RegExp(answerPattern);
  } catch {
    fail(`field "answerPattern" is not a valid regular expression: ${answerPattern}`);
  }
  const maxPositions = root.maxPositions;
  if (typeof maxPositions !== 'number' || !Number.isInteger(maxPositions) || maxPositions < 2) {
    fail('field "maxPositions" must be an integer ≥ 2');
  }
  if (!isObject(root.models)) fail('field "models" must be an object');
  const models = root.models as Json;
  for (const slot of Object.keys(models)) {
    if (!(MODEL_SLOTS as readonly string[]).includes(slot)) {
      fail(`models."${slot}" is not a known model slot (expected ${MODEL_SLOTS.join(', ')})`);
    }
  }
  const model = (slot: ModelSlot): ManifestModel | undefined => {
    const entry = models[slot];
    if (entry === undefined) return undefined;
    return parseModel(entry, `models.${slot}`, slot === 'policy' ? 'policy' : 'verifier', fail);
  };
  const policy = model('policy') ?? fail('models.policy is missing');
  // Bundles the training pipeline writes always have a TVM: one without is a broken export.
  const tvm = model('tvm') ?? fail('models.tvm is missing');
  const orm = model('orm');
  const prm = model('prm');
  const tokenizerConfig = root.tokenizerConfig;
  if (tokenizerConfig !== undefined && (typeof tokenizerConfig !== 'string' || tokenizerConfig === '')) {
    fail('field "tokenizerConfig" must be a non-empty string when present');
  }
  const training = root.training === undefined ? {} : root.training;
  if (!isObject(training)) fail('field "training" must be an object when present');
  const calibration = parseCalibration(root.calibration, fail);

  return {
    formatVersion: SUPPORTED_FORMAT_VERSION,
    name: text('name'),
    tokenizer: text('tokenizer'),
    ...(tokenizerConfig !== undefined && { tokenizerConfig: tokenizerConfig as string }),
    promptTemplate,
    promptFormat: parsePromptFormat(root.promptFormat, file),
    stepDelimiter: text('stepDelimiter'),
    eosToken: text('eosToken'),
    answerPattern,
    maxPositions: maxPositions as number,
    models: { policy, tvm, ...(orm && { orm }), ...(prm && { prm }) },
    training: training as Json,
    ...(calibration && { calibration }),
  };
}

function parseModel(value: unknown, where: string, role: ModelRole, fail: (problem: string) => never): ManifestModel {
  if (!isObject(value)) fail(`${where} must be an object`);
  const entry = value as Json;
  if (typeof entry.file !== 'string' || entry.file === '') fail(`${where}.file must be a non-empty string`);
  if (entry.role !== role) fail(`${where}.role must be "${role}", found ${JSON.stringify(entry.role)}`);
  const names = (key: 'inputs' | 'outputs'): string[] => {
    const list = entry[key];
    if (!Array.isArray(list) || list.length === 0 || !list.every((n) => typeof n === 'string')) {
      fail(`${where}.${key} must be a non-empty array of tensor names`);
    }
    return list as string[];
  };
  const labels = entry.labels;
  if (role === 'verifier' && labels !== undefined && labels !== 'tvm' && labels !== 'orm' && labels !== 'prm') {
    fail(`${where}.labels must be "tvm", "orm" or "prm"`);
  }
  if (!isObject(entry.kv)) fail(`${where}.kv must be an object { layers, kvHeads, headDim }`);
  const kv = entry.kv as Json;
  const positive = (key: keyof KvLayout): number => {
    const n = kv[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) fail(`${where}.kv.${key} must be a positive integer`);
    return n as number;
  };
  return {
    file: entry.file as string,
    role,
    ...(labels !== undefined && { labels: labels as VerifierLabels }),
    inputs: names('inputs'),
    outputs: names('outputs'),
    kv: { layers: positive('layers'), kvHeads: positive('kvHeads'), headDim: positive('headDim') },
    kvSource: { layers: `manifest.json ${where}.kv.layers`, kvHeads: `manifest.json ${where}.kv.kvHeads`, headDim: `manifest.json ${where}.kv.headDim` },
  };
}
