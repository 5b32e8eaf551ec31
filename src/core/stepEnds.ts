// Which token ids end a step: those whose text holds the step delimiter (EOS never does). One
// definition for the engine (engineModels.ts) and the training pipeline's calculator process.
import type { BundleTokenizer } from './tokenizer.js';

/** flags[id] = 1 when token `id`'s text contains `delimiter` (e.g. "\n", ".\n", "\n\n"). */
export function stepEndFlags(tokenizer: Pick<BundleTokenizer, 'eosId' | 'vocabSize' | 'idText'>, delimiter: string): Uint8Array {
  const flags = new Uint8Array(tokenizer.vocabSize);
  for (let id = 0; id < tokenizer.vocabSize; id++) {
    if (id !== tokenizer.eosId && tokenizer.idText(id).includes(delimiter)) flags[id] = 1;
  }
  return flags;
}
