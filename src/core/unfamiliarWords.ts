// Words of a problem that the tokenizer has no whole-word token for. Its merges were learnt from
// the training curriculum, where every common word became one token, so such a word never (or
// hardly ever) appeared there: the models are reading a phrasing they were not trained on, and
// their answer and success estimates deserve less trust. Capitalised words are left out (names:
// a new one rarely changes what a problem asks), and so is math, where letters are variables.
import type { TextCodec } from './lm.js';

const MATH = /\$\$[\s\S]*?\$\$|\$[^$\n]*\$/g;
const LOWERCASE_WORD = /\b[a-z]{2,}\b/g;

/** Distinct lowercase words outside math that the tokenizer splits into pieces, in order of appearance. */
export function unfamiliarWords(codec: TextCodec, problem: string): string[] {
  const words = new Set(problem.replace(MATH, ' ').match(LOWERCASE_WORD) ?? []);
  return [...words].filter((word) => codec.encode(` ${word}`).length > 1 && codec.encode(word).length > 1);
}

/** One sentence for the user, or null when every word is familiar. */
export function unfamiliarWordsNotice(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  const shown = words.slice(0, 6).map((w) => `“${w}”`).join(', ');
  const more = words.length > 6 ? ` and ${words.length - 6} more` : '';
  return `The models never saw ${words.length === 1 ? 'the word' : 'the words'} ${shown}${more}: they know the phrasing of their training curriculum only, so the answer and its percentages may be wrong here.`;
}
