// The text of one token id on its own, cached per tokenizer: the search's calculator and the
// verifiers' input rule look at every sampled token's text, and decoding ids one by one is linear
// where prefix-diff decoding (TextCodec.tokenTexts) is quadratic. A multi-byte character split
// over tokens decodes to replacement characters here; callers that need it whole use tokenTexts.
import type { TextCodec } from './lm.js';

const caches = new WeakMap<TextCodec, Map<number, string>>();

export function tokenText(codec: TextCodec, id: number): string {
  let cache = caches.get(codec);
  if (!cache) caches.set(codec, (cache = new Map()));
  let text = cache.get(id);
  if (text === undefined) cache.set(id, (text = codec.decode([id])));
  return text;
}
