// Scripted stand-ins for the ONNX models: a character-level codec, a policy whose continuations
// come from a script function, and a verifier whose value is a function of the text so far.
// Deterministic, fast, and they record every call so tests can check what the search asked for.
import { AbortError, type BundleInfo, type Continuation, type EngineModels, type PolicyModel, type SamplingOptions, type TextCodec, type ValueModel } from '../../src/core/lm.js';
import type { SearchModels } from '../../src/core/search/index.js';

/** EOS is written as this character in scripts; it becomes token id 0. */
export const EOS = '\u0000';

export const fakeInfo: BundleInfo = {
  name: 'fake',
  promptTemplate: 'Q: {problem}\n',
  promptFormat: 'v1',
  stepDelimiter: '\n',
  eosToken: '<|eos|>',
  answerPattern: 'The answer is (.+)',
  maxPositions: 4096,
  training: {},
};

/** One token per UTF-16 code unit; id = char code, EOS = 0. */
export const charCodec: TextCodec = {
  eosId: 0,
  vocabSize: 65536,
  encode: (text) => [...text].map((c) => c.charCodeAt(0)),
  decode: (ids) => ids.filter((id) => id !== 0).map((id) => String.fromCharCode(id)).join(''),
  tokenTexts: (ids) => ids.map((id) => (id === 0 ? '' : String.fromCharCode(id))),
};

export interface ScriptCall {
  /** Text of the prompt (prefix) this continuation extends. */
  prefix: string;
  /** Index of this sample among samplesPerPrompt. */
  sample: number;
  options: SamplingOptions;
}

export interface SampleRecord {
  prompts: string[];
  samplesPerPrompt: number;
  options: SamplingOptions;
}

/**
 * A policy that returns `script(call)` as text (with EOS as "\u0000"). With stopAtStepEnd it cuts
 * after the first newline, as the real sampler does; maxNewTokens truncates with finish 'length'.
 * With `logprobOf` every continuation reports log p of each of its tokens, as the runtime does.
 */
export class ScriptedPolicy implements PolicyModel {
  readonly calls: SampleRecord[] = [];
  constructor(
    private readonly script: (call: ScriptCall) => string,
    private readonly logprobOf?: (call: ScriptCall, tokenIndex: number) => number,
  ) {}

  async sample(prompts: number[][], samplesPerPrompt: number, options: SamplingOptions, signal?: AbortSignal): Promise<Continuation[][]> {
    await Promise.resolve(); // behave like the real, asynchronous model
    if (signal?.aborted) throw new AbortError();
    const texts = prompts.map((p) => charCodec.decode(p));
    this.calls.push({ prompts: texts, samplesPerPrompt, options });
    return texts.map((prefix) =>
      Array.from({ length: samplesPerPrompt }, (_, sample) => {
        const call = { prefix, sample, options };
        const drawn = continuation(this.script(call), options);
        const { logprobOf } = this;
        return logprobOf ? { ...drawn, logprobs: drawn.tokens.map((_, i) => logprobOf(call, i)) } : drawn;
      }),
    );
  }
}

function continuation(text: string, options: SamplingOptions): Continuation {
  const tokens: number[] = [];
  for (const char of text) {
    if (tokens.length >= options.maxNewTokens) return { tokens, finish: 'length' };
    const id = char.charCodeAt(0);
    tokens.push(id);
    if (id === 0) return { tokens, finish: 'eos' };
    if (options.stopAtStepEnd && char === '\n') return { tokens, finish: 'step' };
  }
  return { tokens, finish: 'length' };
}

/** A verifier whose value after each token is `valueOf(text so far, including the prompt)`. */
export class ScriptedVerifier implements ValueModel {
  readonly calls: string[][] = [];
  constructor(private readonly valueOf: (textSoFar: string) => number) {}

  async tokenValues(sequences: number[][], signal?: AbortSignal): Promise<number[][]> {
    await Promise.resolve();
    if (signal?.aborted) throw new AbortError();
    this.calls.push(sequences.map((s) => charCodec.decode(s)));
    return sequences.map((seq) => seq.map((_, k) => this.valueOf(charCodec.decode(seq.slice(0, k + 1)))));
  }
}

export function fakeModels(policy: PolicyModel, verifier?: ValueModel): SearchModels {
  return { policy, verifier: verifier ? { name: 'tvm', model: verifier } : undefined, codec: charCodec, info: fakeInfo };
}

/** Lines of the solution written so far (after the prompt line). */
export function solutionLines(prefix: string): string[] {
  return prefix.split('\n').slice(1, -1);
}

/** Engine models (as the runtime would hand them over) built from scripted parts. */
export function fakeEngine(policy: PolicyModel, tvm: ValueModel, extra: { orm?: ValueModel; prm?: ValueModel } = {}, info: BundleInfo = fakeInfo): EngineModels {
  return { info, tokenizer: charCodec, policy, tvm, ...extra, device: 'cpu' };
}
