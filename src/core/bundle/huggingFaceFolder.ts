// Reads a Hugging Face model folder in the Optimum / transformers.js ONNX layout (config.json,
// generation_config.json, tokenizer.json, tokenizer_config.json, onnx/model*.onnx) as a bundle
// manifest: the KV layout from config.json, EOS from generation_config.json, the prompt from the
// chat template. An optional tutor.json (the short manifest) overrides what is inferred and names
// verifier graphs; without one the folder is a policy alone (greedy, vote, best-of-N).
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { BundleError, firstLine } from './bundleError.js';
import { parseCalibration } from './calibrationField.js';
import { promptFromChatTemplate } from './chatTemplate.js';
import { parsePromptFormat, type KvLayout, type Manifest, type ManifestModel, type VerifierLabels } from './manifest.js';
import { WEIGHTS, type WeightsRequest } from '../../shared/engineProtocol.js';

/** The short manifest a Hugging Face folder may carry. */
export const SHORT_MANIFEST = 'tutor.json';

/**
 * Decoder-only model types whose Optimum export has the signature the engine runs (input_ids,
 * attention_mask, optional position_ids, past_key_values.{i}.key|value → logits, present.*).
 * Qwen2, Llama and GPT-BigCode are exercised by training/tests/test_hf_parity.py; the others
 * share the Llama graph shape.
 */
export const SUPPORTED_MODEL_TYPES = ['qwen2', 'qwen3', 'llama', 'mistral', 'gpt_bigcode', 'phi3'] as const;

/**
 * ONNX weight variants in transformers.js file naming. 'auto' takes the first one present in
 * this order: full precision first, since the CPU runs it exactly as Transformers does.
 */
export type VariantRequest = WeightsRequest;
export type ModelVariant = Exclude<WeightsRequest, 'auto'>;
/** File names per variant, as transformers.js names them (int8: its q8 name first, then its int8 name). */
export const MODEL_VARIANTS: Record<ModelVariant, readonly string[]> = {
  fp32: ['model.onnx'],
  int8: ['model_quantized.onnx', 'model_int8.onnx'],
  fp16: ['model_fp16.onnx'],
  q4: ['model_q4.onnx'],
};
export const VARIANT_NAMES = WEIGHTS.filter((name): name is ModelVariant => name !== 'auto');

/** Matches "\boxed{42}", "The answer is 42", "The final answer is: 42"; group 1 is the answer. */
export const DEFAULT_ANSWER_PATTERN = String.raw`(?:\\boxed\{|[Tt]he (?:final )?answer is:?\s*)([^{}\n]+)`;

/** Used when the tokenizer has no chat template and tutor.json gives no promptTemplate. */
export const PLAIN_PROMPT_TEMPLATE = 'Question: {problem}\nAnswer:\n';

export interface HuggingFaceManifest {
  manifest: Manifest;
  /** The vocabulary size config.json declares (the policy's embedding rows). */
  vocabSize: number;
  configPath: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const EXPORT_HINT = 'Export the model with `optimum-cli export onnx --model MODEL --task text-generation-with-past FOLDER`';

/** Whether `dir` looks like a Hugging Face folder (config.json) rather than one of our own bundles (manifest.json). */
export function isHuggingFaceFolder(dir: string): boolean {
  return !existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'config.json'));
}

function readJson(path: string, what: string, remedy: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new BundleError(path, `is not valid JSON (${firstLine(error)})`, remedy, { cause: error });
  }
  if (!isObject(value)) throw new BundleError(path, `is not a JSON object (expected ${what})`, remedy);
  return value;
}

const optionalJson = (path: string, what: string, remedy: string): Json => (existsSync(path) ? readJson(path, what, remedy) : {});

/** First of `keys` that is a positive integer in `config`, with the key it came from. */
function integerField(config: Json, keys: readonly string[]): { value: number; key: string } | undefined {
  for (const key of keys) {
    const value = config[key];
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return { value, key };
  }
  return undefined;
}

/** The KV layout and vocabulary a decoder's config.json declares, each with the field it came from. */
export function configLayout(config: Json, path: string): { kv: KvLayout; kvSource: ManifestModel['kvSource']; vocabSize: number; maxPositions?: number } {
  const need = (keys: readonly string[], what: string): { value: number; key: string } => {
    const found = integerField(config, keys);
    if (!found) throw new BundleError(path, `has no ${what} (${keys.join(' or ')})`, 'Use the config.json that was exported with the model');
    return found;
  };
  const layers = need(['num_hidden_layers', 'n_layer', 'num_layers'], 'layer count');
  const heads = need(['num_attention_heads', 'n_head'], 'attention head count');
  const hidden = need(['hidden_size', 'n_embd', 'd_model'], 'hidden size');
  const vocab = need(['vocab_size'], 'vocabulary size');
  // GPT-BigCode's multi_query defaults to true: one key/value head shared by all query heads.
  const multiQuery = config.multi_query ?? config.model_type === 'gpt_bigcode';
  const kvHeads = integerField(config, ['num_key_value_heads']) ?? { value: multiQuery === true ? 1 : heads.value, key: multiQuery === true ? 'multi_query' : heads.key };
  const headDim = integerField(config, ['head_dim']) ?? { value: hidden.value / heads.value, key: `${hidden.key} / ${heads.key}` };
  if (!Number.isInteger(headDim.value)) throw new BundleError(path, `${hidden.key} ${hidden.value} is not a multiple of ${heads.key} ${heads.value}`, 'Use the config.json that was exported with the model');
  const positions = integerField(config, ['max_position_embeddings', 'n_positions', 'n_ctx']);
  const at = (key: string): string => `config.json ${key}`;
  return {
    kv: { layers: layers.value, kvHeads: kvHeads.value, headDim: headDim.value },
    kvSource: { layers: at(layers.key), kvHeads: at(kvHeads.key), headDim: at(headDim.key) },
    vocabSize: vocab.value,
    ...(positions && { maxPositions: positions.value }),
  };
}

/** The text of a special token in tokenizer_config.json: a string or an AddedToken object. */
function specialToken(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value.content === 'string') return value.content;
  return undefined;
}

/** The chat template: chat_template.jinja (Transformers ≥ 4.43 saves it there) or tokenizer_config.json's field. */
function chatTemplateSource(dir: string, tokenizerConfig: Json): { source: string; file: string } | undefined {
  const jinja = join(dir, 'chat_template.jinja');
  if (existsSync(jinja)) return { source: readFileSync(jinja, 'utf8'), file: jinja };
  const field = tokenizerConfig.chat_template;
  const file = join(dir, 'tokenizer_config.json');
  if (typeof field === 'string') return { source: field, file };
  if (Array.isArray(field)) {
    const named = field.find((t): t is { name: string; template: string } => isObject(t) && t.name === 'default' && typeof t.template === 'string');
    if (named) return { source: named.template, file };
  }
  return undefined;
}

function promptTemplate(dir: string, tokenizerConfig: Json, short: Json): string {
  if (typeof short.promptTemplate === 'string') return short.promptTemplate;
  const template = chatTemplateSource(dir, tokenizerConfig);
  if (!template) return PLAIN_PROMPT_TEMPLATE;
  const specialTokens: Record<string, string> = {};
  for (const key of ['bos_token', 'eos_token', 'pad_token', 'unk_token']) {
    const text = specialToken(tokenizerConfig[key]);
    if (text !== undefined) specialTokens[key] = text;
  }
  try {
    return promptFromChatTemplate(template.source, {
      specialTokens,
      ...(typeof short.systemPrompt === 'string' && { systemPrompt: short.systemPrompt }),
    });
  } catch (error) {
    throw new BundleError(template.file, `has a chat template that does not render (${firstLine(error)})`, `Fix the template, or set "promptTemplate" (with {problem}) in ${SHORT_MANIFEST}`, { cause: error });
  }
}

/** The EOS token id: generation_config.json first (what generate() stops at), then config.json. */
function eosTokenId(generation: Json, config: Json, dir: string): number | string {
  for (const source of [generation, config]) {
    const id = source.eos_token_id;
    if (typeof id === 'number') return id;
    // Several EOS ids (e.g. Qwen2.5-Instruct's <|im_end|> and <|endoftext|>): the first ends a chat turn.
    if (Array.isArray(id) && typeof id[0] === 'number') return id[0];
  }
  throw new BundleError(join(dir, 'generation_config.json'), 'gives no eos_token_id (nor does config.json)', `Add "eos_token_id" to generation_config.json, or "eosToken" to ${SHORT_MANIFEST}`);
}

/**
 * The policy's ONNX file: under onnx/ as transformers.js publishes models, or at the top of the
 * folder as `optimum-cli export onnx` writes it.
 */
function onnxFile(dir: string, variant: VariantRequest): string {
  const candidates = (name: ModelVariant): string[] => MODEL_VARIANTS[name].flatMap((file) => [join('onnx', file), file]);
  const present = (name: ModelVariant): string | undefined => candidates(name).find((file) => existsSync(join(dir, file)));
  if (variant !== 'auto') {
    const file = present(variant);
    if (file) return file;
    const others = VARIANT_NAMES.filter((name) => present(name) !== undefined);
    throw new BundleError(join(dir, 'onnx', MODEL_VARIANTS[variant][0] as string), `is missing (the ${variant} weights were asked for)`, others.length > 0 ? `Choose one of the variants present: ${others.join(', ')}` : EXPORT_HINT);
  }
  for (const name of VARIANT_NAMES) {
    const file = present(name);
    if (file) return file;
  }
  throw new BundleError(join(dir, 'onnx'), `has none of ${Object.values(MODEL_VARIANTS).flat().join(', ')} (nor has the folder itself)`, EXPORT_HINT);
}

/**
 * Verifier subfolders as training/hf_export.py writes them: tvm/, orm/, prm/, each with its own
 * config.json and [onnx/]model*.onnx, in the same variant as the policy.
 */
function verifierSubfolders(dir: string, variant: VariantRequest): Json {
  const entries: Json = {};
  for (const slot of ['tvm', 'orm', 'prm'] as const) {
    if (!existsSync(join(dir, slot, 'config.json'))) continue;
    entries[slot] = { file: join(slot, onnxFile(join(dir, slot), variant)), config: join(slot, 'config.json') };
  }
  return entries;
}

/**
 * Verifier graphs named by tutor.json, { "verifiers": { "tvm": { "file": "tvm/model.onnx", "config": "tvm/config.json" } } },
 * else found in tvm/, orm/, prm/ subfolders.
 */
function verifiers(dir: string, short: Json, shortPath: string, policyConfig: Json, configPath: string, variant: VariantRequest): Partial<Record<VerifierLabels, ManifestModel>> {
  const entries = short.verifiers ?? verifierSubfolders(dir, variant);
  const fail = (problem: string): never => {
    throw new BundleError(shortPath, problem, 'See README "Bring your own model" for the verifiers entry');
  };
  if (!isObject(entries)) fail('"verifiers" must be an object such as { "tvm": { "file": "tvm/model.onnx" } }');
  const models: Partial<Record<VerifierLabels, ManifestModel>> = {};
  for (const [slot, entry] of Object.entries(entries as Json)) {
    if (slot !== 'tvm' && slot !== 'orm' && slot !== 'prm') fail(`verifiers."${slot}" is not a verifier (expected tvm, orm or prm)`);
    if (!isObject(entry) || typeof entry.file !== 'string' || entry.file === '') fail(`verifiers.${slot}.file must name the verifier's ONNX file`);
    const { file, config } = entry as { file: string; config?: unknown };
    if (config !== undefined && typeof config !== 'string') fail(`verifiers.${slot}.config must name a config.json when present`);
    const ownConfigPath = typeof config === 'string' ? join(dir, config) : configPath;
    if (!existsSync(ownConfigPath)) throw new BundleError(ownConfigPath, `is missing (named by ${SHORT_MANIFEST} verifiers.${slot}.config)`, 'Copy the verifier\'s config.json into the folder');
    const layout = configLayout(ownConfigPath === configPath ? policyConfig : readJson(ownConfigPath, 'a model config', EXPORT_HINT), ownConfigPath);
    models[slot as VerifierLabels] = { file, role: 'verifier', labels: slot as VerifierLabels, kv: layout.kv, kvSource: layout.kvSource };
  }
  return models;
}

/** The manifest of a Hugging Face folder; every inconsistency is a BundleError naming the file. */
export function readHuggingFaceFolder(dir: string, variant: VariantRequest = 'auto'): HuggingFaceManifest {
  const configPath = join(dir, 'config.json');
  const config = readJson(configPath, 'a Transformers model config', 'Use the config.json that was exported with the model');
  const modelType = config.model_type;
  if (typeof modelType !== 'string' || !(SUPPORTED_MODEL_TYPES as readonly string[]).includes(modelType)) {
    const architectures = Array.isArray(config.architectures) ? ` (${config.architectures.join(', ')})` : '';
    throw new BundleError(
      configPath,
      `names model_type ${JSON.stringify(modelType)}${architectures}, which the tutor cannot run`,
      `Use a decoder-only causal language model of a supported type: ${SUPPORTED_MODEL_TYPES.join(', ')}`,
    );
  }
  const tokenizerPath = join(dir, 'tokenizer.json');
  if (!existsSync(tokenizerPath)) {
    throw new BundleError(tokenizerPath, 'is missing', "Copy the model's tokenizer.json into the folder (optimum-cli export onnx writes it next to config.json)");
  }
  const shortPath = join(dir, SHORT_MANIFEST);
  const short = optionalJson(shortPath, 'the short manifest', 'Fix tutor.json (README "Bring your own model")');
  const tokenizerConfigPath = join(dir, 'tokenizer_config.json');
  const tokenizerConfig = optionalJson(tokenizerConfigPath, 'a tokenizer config', 'Use the tokenizer_config.json exported with the model');
  const generation = optionalJson(join(dir, 'generation_config.json'), 'a generation config', 'Use the generation_config.json exported with the model');
  const layout = configLayout(config, configPath);
  const requested = typeof short.variant === 'string' && variant === 'auto' ? short.variant : variant;
  if (requested !== 'auto' && !(VARIANT_NAMES as string[]).includes(requested)) {
    throw new BundleError(shortPath, `"variant" is ${JSON.stringify(requested)}`, `Use one of auto, ${VARIANT_NAMES.join(', ')}`);
  }
  const text = (key: string, fallback: () => string): string => {
    const value = short[key];
    if (value === undefined) return fallback();
    if (typeof value !== 'string' || value === '') throw new BundleError(shortPath, `"${key}" must be a non-empty string`, 'Fix tutor.json (README "Bring your own model")');
    return value;
  };
  const template = promptTemplate(dir, tokenizerConfig, short);
  if (!template.includes('{problem}')) throw new BundleError(shortPath, '"promptTemplate" must contain {problem}', 'Fix tutor.json (README "Bring your own model")');
  const answerPattern = text('answerPattern', () => DEFAULT_ANSWER_PATTERN);
  try {
    new RegExp(answerPattern);
  } catch (error) {
    throw new BundleError(shortPath, `"answerPattern" is not a valid regular expression (${firstLine(error)})`, 'Fix tutor.json (README "Bring your own model")');
  }
  const eos = short.eosToken === undefined ? eosTokenId(generation, config, dir) : text('eosToken', () => '');
  const maxPositions = typeof short.maxPositions === 'number' ? short.maxPositions : layout.maxPositions;
  if (maxPositions === undefined || !Number.isInteger(maxPositions) || maxPositions < 2) {
    throw new BundleError(configPath, 'gives no max_position_embeddings (or n_positions)', `Add "maxPositions" to ${SHORT_MANIFEST}`);
  }
  const policy: ManifestModel = { file: onnxFile(dir, requested as VariantRequest), role: 'policy', kv: layout.kv, kvSource: layout.kvSource };
  const calibration = parseCalibration(short.calibration, (problem) => {
    throw new BundleError(shortPath, problem, 'Fix tutor.json, or fit it again: npm run bench:calibration -- --write-manifest');
  });
  return {
    manifest: {
      formatVersion: 1,
      name: text('name', () => basename(resolve(dir))),
      tokenizer: 'tokenizer.json',
      ...(existsSync(tokenizerConfigPath) && { tokenizerConfig: 'tokenizer_config.json' }),
      promptTemplate: template,
      promptFormat: parsePromptFormat(short.promptFormat, shortPath),
      stepDelimiter: text('stepDelimiter', () => '\n'),
      eosToken: eos,
      answerPattern,
      maxPositions,
      models: { policy, ...verifiers(dir, short, shortPath, config, configPath, requested as VariantRequest) },
      // A bundle the training pipeline wrote keeps its training record in tutor.json (the model card's numbers).
      training: { ...(isObject(short.training) && short.training), source: 'huggingface', modelType, weights: policy.file },
      ...(calibration && { calibration }),
    },
    vocabSize: layout.vocabSize,
    configPath,
  };
}
