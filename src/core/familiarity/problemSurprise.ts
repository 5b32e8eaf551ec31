// The policy's surprise at a problem statement: the negative log-probability it gives each token
// of the problem, read from the prompt's prefill (PolicyModel.promptLogprobs). A problem worded
// unlike anything the policy was trained on surprises it more, token by token, than one of its own
// curriculum; that is the out-of-distribution signal behind "unfamiliar problem"
// (bench/results/calibration-ood/ measures it against the hand-written natural split).
import type { PolicyModel } from '../lm.js';
import type { TextFormat } from '../search/format.js';

export interface ProblemSurprise {
  /** Mean negative log-probability per problem token, in nats: the signal. */
  meanNats: number;
  /** The most surprising single token, in nats (measured as a candidate feature). */
  maxNats: number;
  /** Problem tokens it was read over. */
  tokens: number;
}

/** Null when the policy cannot report its log-probabilities (the remote engine). */
export async function problemSurprise(policy: PolicyModel, format: TextFormat, problem: string, signal?: AbortSignal): Promise<ProblemSurprise | null> {
  if (!policy.promptLogprobs) return null;
  const prompt = format.codec.encode(format.prompt(problem));
  const logprobs = await policy.promptLogprobs(prompt, signal);
  return surpriseOver(logprobs, problemTokenIndexes(format, problem, prompt));
}

/** Mean and max of −logprobs[k] over `indexes` (k ≥ 1: the first token has no log-probability). */
export function surpriseOver(logprobs: Float32Array, indexes: readonly number[]): ProblemSurprise {
  const nats = indexes.filter((k) => k >= 1 && Number.isFinite(logprobs[k])).map((k) => -(logprobs[k] as number));
  if (nats.length === 0) return { meanNats: 0, maxNats: 0, tokens: 0 };
  return { meanNats: nats.reduce((sum, x) => sum + x, 0) / nats.length, maxNats: Math.max(...nats), tokens: nats.length };
}

/**
 * Indexes of the prompt's tokens that hold text of the problem itself, not of the template around
 * it ("Q: " and the line end): a token counts when its text overlaps the problem's characters, so a
 * token merging the template's space with the first word counts and the template's own do not.
 */
export function problemTokenIndexes(format: TextFormat, problem: string, prompt: readonly number[]): number[] {
  const templated = format.prompt(problem);
  const start = format.info.promptTemplate.indexOf('{problem}');
  const end = templated.length - (format.info.promptTemplate.length - start - '{problem}'.length);
  const indexes: number[] = [];
  let offset = 0;
  format.codec.tokenTexts(prompt).forEach((text, k) => {
    const tokenEnd = offset + text.length;
    // A token holding part of a multi-byte character has no text of its own (tokenTexts): it counts where it stands.
    const overlaps = text.length === 0 ? offset >= start && offset < end : tokenEnd > start && offset < end;
    if (overlaps) indexes.push(k);
    offset = tokenEnd;
  });
  return indexes;
}
