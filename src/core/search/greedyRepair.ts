// Greedy decoding with exact math on: the greedy path, except that a line an exact fact
// contradicts (a false equality, an equation that does not follow, an answer that does not
// satisfy the problem) is replaced. At the first contradicted line a handful of alternatives for
// that line are sampled; the first one no fact contradicts takes its place and greedy decoding
// goes on from there (when none holds, the line before it is replaced instead, and so on). Greedy
// has one path and nothing to choose among, so this is how it keeps false lines off the page;
// after maxSteps rounds the path stays as decoded, its contradicted line marked.
import type { SearchMeter } from './meter.js';
import type { CommonOptions, SearchModels } from './models.js';
import type { TextFormat } from './format.js';
import { sampleFullPaths, toTracePath, type SampledPath } from './paths.js';
import { deriveSeed } from './seed.js';
import { judgePath, type ExactSearch } from './exactSearch.js';
import { isContradicted } from '../exact/index.js';

/** Alternatives sampled for a contradicted line. */
export const REPAIR_SAMPLES = 8;
/** Temperature of those alternatives (the search default). */
const REPAIR_TEMPERATURE = 0.7;

export async function repairedGreedyPath(
  models: SearchModels,
  meter: SearchMeter,
  format: TextFormat,
  prompt: number[],
  options: CommonOptions,
  exact: ExactSearch,
  signal: AbortSignal | undefined,
): Promise<SampledPath> {
  const prefixSteps = options.prefixSteps ?? [];
  const greedyFrom = async (accepted: SampledPath): Promise<SampledPath> => {
    // A replacement that fills the model's context ends the path there, as greedy decoding would.
    if (prompt.length + accepted.tokens.length >= models.info.maxPositions) return { ...accepted, finish: 'length' };
    const [rest] = await sampleFullPaths(models, meter, [...prompt, ...accepted.tokens], 1, { ...options, temperature: 0, force: exact.force }, options.seed, signal);
    const shift = (rest?.forced ?? []).map((k) => k + accepted.tokens.length);
    return { tokens: [...accepted.tokens, ...(rest?.tokens ?? [])], finish: rest?.finish ?? 'length', forced: [...(accepted.forced ?? []), ...shift] };
  };
  let path = await greedyFrom({ tokens: [], finish: 'length' });
  let rounds = 0;
  while (rounds < options.maxSteps) {
    const steps = judgePath(toTracePath(format, path, null, 0), exact, prefixSteps).steps;
    const bad = steps.findIndex((step) => isContradicted(step.exact));
    if (bad < 0) return path;
    // Replace the contradicted line; when no alternative holds there (the lines before it lead
    // only to it, as a wrong answer after a misread problem), the line before it, and so on.
    let replaced: SampledPath | null = null;
    for (let at = bad; at >= 0 && !replaced && rounds < options.maxSteps; at--, rounds++) {
      const keep = steps.slice(0, at).reduce((sum, step) => sum + step.tokenIds.length, 0);
      if (prompt.length + keep >= models.info.maxPositions) continue;
      const accepted = path.tokens.slice(0, keep);
      const [alternatives = []] = await meter.sample(
        models.policy,
        [[...prompt, ...accepted]],
        REPAIR_SAMPLES,
        { temperature: REPAIR_TEMPERATURE, seed: deriveSeed(options.seed, rounds), maxNewTokens: options.maxStepTokens, stopAtStepEnd: true, force: exact.force },
        signal,
      );
      const before = [...prefixSteps, ...steps.slice(0, at).map((step) => step.text)];
      const original = steps[at]?.text;
      const holding = alternatives.find((c) => {
        const text = format.stepText(c.tokens);
        return text !== original && !isContradicted(exact.after(before).judge(text).exact);
      });
      if (holding) {
        replaced = {
          tokens: [...accepted, ...holding.tokens],
          finish: holding.finish,
          forced: [...(path.forced ?? []).filter((k) => k < keep), ...(holding.forced ?? []).map((k) => k + keep)],
        };
      }
    }
    if (!replaced) return path;
    path = replaced.finish === 'eos' ? replaced : await greedyFrom(replaced);
  }
  return path;
}
