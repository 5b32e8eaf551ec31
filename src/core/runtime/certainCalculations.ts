// What a verifier reads for a token the calculator could have written: the policy's
// log-probability of a correct result of closed arithmetic after "=" is taken as 0 nats (certain).
// The verifiers weigh how likely the policy found each token, so without this a result written by
// the calculator where the policy would have slipped reads as a slip (−10 nats or less) and drags
// the value down on exactly the lines that are right. The rule looks at the text alone, so a
// student's correct calculation and the calculator's read the same, and a scored sequence's
// inputs depend only on its tokens (the prefix caches stay keyed by tokens). A wrong result keeps
// the policy's own log-probability.
import type { TextCodec } from '../lm.js';
import { calculatorResult } from '../exact/index.js';
import type { TokenScorer } from './prefixScorer.js';
import { tokenText } from '../tokenText.js';

export function certainCalculations(inner: TokenScorer, codec: TextCodec, stepEndTokens: Uint8Array): TokenScorer {
  return {
    async score(sequences, signal) {
      const logprobs = await inner.score(sequences, signal);
      return logprobs.map((row, i) => {
        const positions = calculatedPositions(codec, sequences[i] as readonly number[], stepEndTokens);
        if (positions.length === 0) return row;
        const copy = row.slice();
        for (const k of positions) copy[k] = 0;
        return copy;
      });
    },
  };
}

/** Positions (after the prompt's first line) of tokens lying inside a correct calculated result. */
export function calculatedPositions(codec: TextCodec, tokens: readonly number[], stepEndTokens: Uint8Array): number[] {
  const promptEnd = tokens.findIndex((id) => stepEndTokens[id] === 1);
  if (promptEnd < 0) return [];
  const solution = tokens.slice(promptEnd + 1);
  const texts = pieces(codec, solution);
  if (!texts.some((piece) => piece.includes('='))) return [];
  const starts: number[] = [];
  let text = '';
  for (const piece of texts) {
    starts.push(text.length);
    text += piece;
  }
  const positions: number[] = [];
  for (let at = text.indexOf('='); at >= 0; at = text.indexOf('=', at + 1)) {
    const line = text.slice(text.lastIndexOf('\n', at) + 1, at + 1);
    const result = calculatorResult(line);
    if (result === null || !text.startsWith(result, at + 1)) continue;
    const end = at + 1 + result.length;
    // "16416" must not be the start of a longer number ("164160", "16416.5").
    if (/^\.?\d/.test(text.slice(end))) continue;
    texts.forEach((piece, k) => {
      const start = starts[k] as number;
      if (start > at && start + piece.length <= end && piece !== '') positions.push(promptEnd + 1 + k);
    });
  }
  return positions;
}

/** Each token's text: one id at a time, or tokenTexts around a multi-byte character split over tokens. */
function pieces(codec: TextCodec, ids: readonly number[]): string[] {
  const texts = ids.map((id) => tokenText(codec, id));
  return texts.some((text) => text.includes('\uFFFD')) ? codec.tokenTexts(ids) : texts;
}
