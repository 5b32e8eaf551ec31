// Command-line options (node:util parseArgs) turned into validated, typed requests.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_STRATEGY, STRATEGIES, STRATEGY_NAMES, VERIFIERS, type DeviceRequest, type StrategyName, type VerifierName } from '../shared/engineProtocol.js';
import { UsageError } from './errors.js';
import { VARIANT_NAMES, type VariantRequest } from '../core/bundle/huggingFaceFolder.js';

export const USAGE = `Usage:
  tvm-tutor solve [options] "problem"
  tvm-tutor check --problem "problem" (--steps-file FILE | --steps "line" [--steps "line" ...]) [options]
  tvm-tutor eval --input FILE.jsonl [--limit N] [options]

Search options (solve, eval):
  --strategy ${STRATEGY_NAMES.join('|')}   default ${DEFAULT_STRATEGY}
${STRATEGIES.map((s) => `      ${s.name.padEnd(8)}${s.description}`).join('\n')}
  --verifier tvm|orm|prm                   default tvm
  -k, --k N        candidates per step (beam) or sampled paths (vote, bon, wvote); default 16
  -b, --b N        beams kept per step (beam); default 4; k must be a multiple of b
  --temperature T  sampling temperature; default 0.7
  --max-steps N    most lines in a solution; default 12
  --seed N         default 0
Check options:
  --steps-file F   one step per line ("-" reads standard input); blank lines are skipped
  --steps "line"   one step; repeat for each step (or separate steps with newlines)
  -k, --k N        candidate next steps for the hint; default 8
  --threshold P    success estimate (0-1) below which a step is suspicious; default 0.5
  --drop R         relative drop (0-1] in one step that is suspicious; default 0.5
Common options:
  --no-exact       the verifier alone: no exact-math verdicts on lines, no calculator while
                   decoding, no check of the final answer against the problem
  --bundle DIR     model bundle folder, or a Hugging Face model folder in the Optimum ONNX
                   layout (config.json, tokenizer.json, onnx/model.onnx); default models/default
                   A folder without a TVM runs greedy and vote only (no beam, bon, wvote, check)
  --weights ${['auto', ...VARIANT_NAMES].join('|')}   Hugging Face folder: which onnx/model*.onnx; default auto
  --device auto|cpu|cuda   default auto (CUDA when available, else CPU)
  --server URL     the remote engine: run the policy on this OpenAI-compatible server (http or
                   https; llama.cpp's llama-server, vLLM); the verifiers still run here, from
                   --bundle, which must be the served model's bundle. API key: TVM_TUTOR_API_KEY
  --model NAME     the model name the server serves (with --server)
  --timeout S      seconds to wait for one server reply; default 30
  --json           print JSON instead of text
  -h, --help       this help
Exit codes: 0 ok, 2 bad input (the message says what to change), 3 the model server failed
(the message says how), 1 internal error.`;

const COMMON = {
  bundle: { type: 'string' },
  device: { type: 'string' },
  weights: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  seed: { type: 'string' },
  k: { type: 'string', short: 'k' },
  'no-exact': { type: 'boolean' },
  server: { type: 'string' },
  model: { type: 'string' },
  timeout: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const SEARCH = {
  ...COMMON,
  strategy: { type: 'string' },
  verifier: { type: 'string' },
  b: { type: 'string', short: 'b' },
  temperature: { type: 'string' },
  'max-steps': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export interface CommonArgs {
  bundle: string | undefined;
  device: DeviceRequest;
  /** Which ONNX weights of a Hugging Face folder (--weights). */
  weights: VariantRequest;
  json: boolean;
  help: boolean;
  /** Exact math beside the verifier (false with --no-exact); passed as the requests' `exact` option. */
  exact: boolean;
  /** --server/--model/--timeout: the policy on a server (the API key is read from the environment when models open). */
  remote?: { url: string; model: string; timeoutMs?: number };
}

export interface SearchArgs {
  strategy: StrategyName;
  /** --verifier; unset: the TVM where the strategy needs one or the bundle has one (a bundle without a value model runs greedy, vote and best-of-N). */
  verifier?: VerifierName;
  k?: number;
  b?: number;
  temperature?: number;
  maxSteps?: number;
  seed?: number;
}

export interface SolveArgs extends CommonArgs, SearchArgs {
  problem: string;
}

export interface CheckArgs extends CommonArgs {
  problem: string;
  stepsFile: string | undefined;
  steps: string[];
  k?: number;
  seed?: number;
  threshold?: number;
  drop?: number;
}

export interface EvalArgs extends CommonArgs, SearchArgs {
  input: string;
  limit?: number;
}

export function parseSolve(argv: string[]): SolveArgs {
  const { values, positionals } = parse(argv, SEARCH, true);
  const common = commonArgs(values);
  const problem = positionals.join(' ').trim();
  if (!common.help && problem === '') throw new UsageError('solve needs the problem text: tvm-tutor solve "A train travels 60 km in 1.5 hours. What is its speed?"');
  return { ...common, ...searchArgs(values), problem };
}

export function parseCheck(argv: string[]): CheckArgs {
  const { values } = parse(
    argv,
    {
      ...COMMON,
      problem: { type: 'string' },
      'steps-file': { type: 'string' },
      steps: { type: 'string', multiple: true },
      threshold: { type: 'string' },
      drop: { type: 'string' },
    },
    false,
  );
  const common = commonArgs(values);
  const steps = (values.steps ?? []).flatMap((s) => s.split('\n')).map((s) => s.trim()).filter((s) => s !== '');
  const stepsFile = values['steps-file'];
  if (!common.help) {
    if (!values.problem?.trim()) throw new UsageError('check needs --problem "the problem statement"');
    if (stepsFile === undefined && steps.length === 0) throw new UsageError('check needs the working: --steps-file FILE (one step per line) or --steps "line" for each step');
    if (stepsFile !== undefined && steps.length > 0) throw new UsageError('give the steps either with --steps-file or with --steps, not both');
  }
  return {
    ...common,
    problem: values.problem ?? '',
    stepsFile,
    steps,
    k: optionalInteger('k', values.k, 1),
    seed: optionalInteger('seed', values.seed, 0),
    threshold: optionalNumber('threshold', values.threshold, 0, 1),
    drop: optionalNumber('drop', values.drop, Number.MIN_VALUE, 1),
  };
}

export function parseEval(argv: string[]): EvalArgs {
  const { values } = parse(argv, { ...SEARCH, input: { type: 'string' }, limit: { type: 'string' } }, false);
  const common = commonArgs(values);
  if (!common.help && !values.input) throw new UsageError('eval needs --input FILE.jsonl (lines of {"question": ..., "answer": ...})');
  return { ...common, ...searchArgs(values), input: values.input ?? '', limit: optionalInteger('limit', values.limit, 1) };
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    // parseArgs messages name the offending option; add where to look.
    throw new UsageError(`${(error as Error).message}. Run tvm-tutor --help for the options.`);
  }
}

function commonArgs(values: { bundle?: string; device?: string; weights?: string; json?: boolean; help?: boolean; 'no-exact'?: boolean; server?: string; model?: string; timeout?: string }): CommonArgs {
  const device = values.device ?? 'auto';
  if (device !== 'auto' && device !== 'cpu' && device !== 'cuda') throw new UsageError(`--device must be auto, cpu or cuda, got "${device}"`);
  const weights = values.weights ?? 'auto';
  if (weights !== 'auto' && !(VARIANT_NAMES as string[]).includes(weights)) throw new UsageError(`--weights must be auto, ${VARIANT_NAMES.join(', ')}, got "${weights}"`);
  const common: CommonArgs = { bundle: values.bundle, device, weights: weights as VariantRequest, json: values.json ?? false, help: values.help ?? false, exact: values['no-exact'] !== true };
  if (values.server === undefined) {
    if (values.model !== undefined || values.timeout !== undefined) throw new UsageError('--model and --timeout go with --server URL (the remote engine)');
    return common;
  }
  if (values.model === undefined || values.model.trim() === '') throw new UsageError('--server needs --model NAME: the model name the server serves (GET URL/v1/models lists them)');
  const timeoutMs = values.timeout === undefined ? undefined : numberInRange('timeout', values.timeout, Number.MIN_VALUE, 3600) * 1000;
  return { ...common, remote: { url: values.server, model: values.model, ...(timeoutMs !== undefined && { timeoutMs }) } };
}

function searchArgs(values: {
  strategy?: string;
  verifier?: string;
  k?: string;
  b?: string;
  temperature?: string;
  'max-steps'?: string;
  seed?: string;
}): SearchArgs {
  const strategy = values.strategy ?? DEFAULT_STRATEGY;
  if (!(STRATEGY_NAMES as readonly string[]).includes(strategy)) throw new UsageError(`--strategy must be one of ${STRATEGY_NAMES.join(', ')}, got "${strategy}"`);
  const verifier = values.verifier;
  if (verifier !== undefined && !(VERIFIERS as readonly string[]).includes(verifier)) throw new UsageError(`--verifier must be one of ${VERIFIERS.join(', ')}, got "${verifier}"`);
  return {
    strategy: strategy as StrategyName,
    ...(verifier !== undefined && { verifier: verifier as VerifierName }),
    k: optionalInteger('k', values.k, 1),
    b: optionalInteger('b', values.b, 1),
    temperature: optionalNumber('temperature', values.temperature, 0, 10),
    maxSteps: optionalInteger('max-steps', values['max-steps'], 1),
    seed: optionalInteger('seed', values.seed, 0),
  };
}

function optionalInteger(name: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name} must be an integer of at least ${min}, got "${raw}"`);
  return value;
}

function optionalNumber(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  return raw === undefined ? undefined : numberInRange(name, raw, min, max);
}

/** `--name`'s value as a number in [min, max] (min = Number.MIN_VALUE: above 0), else a UsageError saying so. */
export function numberInRange(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a number between ${min === Number.MIN_VALUE ? 0 : min} and ${max}, got "${raw}"`);
  }
  return value;
}
