// Complete solution paths, sampled in one go until EOS: the unit of greedy decoding, majority
// voting and best-of-N. Kept separate from the strategies so benchmarks can sample a pool once and
// evaluate every strategy and budget on the same samples.
import type { FinishReason, TokenForcer } from '../lm.js';
import type { SearchMeter } from './meter.js';
import type { CommonOptions, SearchModels } from './models.js';
import type { TextFormat } from './format.js';
import type { ScoredText, TracePath } from './trace.js';

export interface SampledPath {
  tokens: number[];
  finish: FinishReason;
  /** Indexes into tokens written by the calculator. */
  forced?: number[];
  /** The policy's log-probability of each token as drawn (Continuation.logprobs), when it reports them. */
  logprobs?: number[];
}

/** n complete paths from one prompt; temperature 0 means greedy (then n should be 1). */
export async function sampleFullPaths(
  models: SearchModels,
  meter: SearchMeter,
  prompt: number[],
  n: number,
  options: CommonOptions & { force?: TokenForcer },
  seed: number,
  signal: AbortSignal | undefined,
): Promise<SampledPath[]> {
  const [row] = await meter.sample(
    models.policy,
    [prompt],
    n,
    {
      temperature: options.temperature,
      topK: options.topK,
      topP: options.topP,
      seed,
      // A step budget expressed in tokens; the runtime also stops at maxPositions.
      maxNewTokens: options.maxSteps * options.maxStepTokens,
      stopAtStepEnd: false,
      ...(options.force && { force: options.force }),
    },
    signal,
  );
  return (row ?? []).map((c) => ({ tokens: c.tokens, finish: c.finish, ...(c.forced && { forced: c.forced }), ...(c.logprobs && { logprobs: c.logprobs }) }));
}

/** Per-token verifier values of each path's own tokens (the prompt's values are dropped). */
export async function scorePaths(
  models: SearchModels,
  meter: SearchMeter,
  prompt: number[],
  paths: readonly SampledPath[],
  signal: AbortSignal | undefined,
): Promise<number[][] | null> {
  if (!models.verifier || paths.length === 0) return null;
  const values = await meter.score(
    models.verifier.model,
    paths.map((p) => [...prompt, ...p.tokens]),
    signal,
  );
  return values.map((row) => row.slice(prompt.length));
}

/**
 * The policy's own score of a path: the mean log-probability of the tokens it sampled (the
 * calculator's forced tokens left out: the policy did not choose them, and a corrected result
 * it found unlikely must not count against the path); null when the policy reported none.
 */
export function meanLogprob(path: SampledPath): number | null {
  const forced = new Set(path.forced ?? []);
  const sampled = (path.logprobs ?? []).filter((logprob, i) => !forced.has(i) && Number.isFinite(logprob));
  return sampled.length === 0 ? null : sampled.reduce((sum, logprob) => sum + logprob, 0) / sampled.length;
}

/** Splits a path into its lines and attaches values; `value` is the value at the path's last token. */
export function toTracePath(format: TextFormat, path: SampledPath, values: number[] | null, index: number): TracePath {
  const texts = format.codec.tokenTexts(path.tokens);
  const steps: ScoredText[] = [];
  let start = 0;
  const close = (end: number) => {
    if (end <= start) return;
    const ids = path.tokens.slice(start, end);
    const text = format.stepText(ids);
    const tokenValues = values ? values.slice(start, end) : null;
    const previous = steps[steps.length - 1];
    // A blank line (or a lone EOS) is not a step of its own: it belongs to the line before it or,
    // at the very start, to the line after it (so start stays put and the next close takes it).
    if (text === '' && !previous && end < path.tokens.length) return;
    if (text === '' && previous) {
      previous.tokenIds.push(...ids);
      previous.tokenTexts.push(...format.tokenTexts(ids));
      if (previous.tokenValues && tokenValues) previous.tokenValues.push(...tokenValues);
      previous.value = tokenValues?.at(-1) ?? previous.value;
    } else {
      const calculated = (path.forced ?? []).filter((k) => k >= start && k < end).map((k) => k - start);
      steps.push({ text, tokenIds: ids, tokenTexts: format.tokenTexts(ids), tokenValues, value: tokenValues?.at(-1) ?? null, ...(calculated.length > 0 && { calculated }) });
    }
    start = end;
  };
  path.tokens.forEach((id, i) => {
    if (format.endsStep(texts[i] ?? '', id)) close(i + 1);
  });
  close(path.tokens.length);
  return {
    index,
    steps,
    finish: path.finish,
    answer: format.extractAnswer(format.codec.decode(path.tokens)),
    value: values?.at(-1) ?? null,
    meanLogprob: meanLogprob(path),
    chosen: false,
  };
}
