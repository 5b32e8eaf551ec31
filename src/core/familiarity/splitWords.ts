// Words of a problem that the tokenizer has no whole-word token for. Its merges were learnt from
// the training curriculum, where every common word became one token, so such a word never (or
// hardly ever) appeared there. With the policy's surprise (problemSurprise.ts) it is one of the two
// features of a problem's familiarity: measured on val and natural, the count separates them better
// than the surprise of a policy trained without a loss on problem statements
// (bench/results/calibration-ood/). Capitalised words are left out (names), and so is math, where
// letters are variables.
import type { TextCodec } from '../lm.js';

const MATH = /\$\$[\s\S]*?\$\$|\$[^$\n]*\$/g;
const LOWERCASE_WORD = /\b[a-z]{2,}\b/g;

/** Distinct lowercase words outside math that the tokenizer splits into pieces, in order of appearance. */
export function splitWords(codec: TextCodec, problem: string): string[] {
  const words = new Set(problem.replace(MATH, ' ').match(LOWERCASE_WORD) ?? []);
  return [...words].filter((word) => codec.encode(` ${word}`).length > 1 && codec.encode(word).length > 1);
}
