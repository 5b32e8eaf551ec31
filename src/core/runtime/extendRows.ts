// Runs a batch of sequences of different lengths, each possibly continuing from its own cached
// prefix, in one forward pass — without holes in the attention mask.
//
// Row r has L tokens, c of them cached. With S = the widest number of new tokens in the batch,
// every row feeds exactly its last min(L, S) tokens and takes the rest (L - S ≥ 0 positions,
// never more than c) from its cache; a row shorter than S is left-padded. Rows whose new part
// is narrower than S thus recompute a few cached tokens, but every row stays "left padding,
// then real tokens", the one layout every exported decoder handles (whether it takes
// position_ids or derives positions from attention_mask).
import type { DecoderModel, ForwardOutput } from './decoderModel.js';
import { BatchedKv, type RowKv } from './kvCache.js';

export interface ExtendRow {
  /** The whole sequence. */
  tokens: readonly number[];
  /**
   * A cache of a prefix of `tokens`, if any. At least the last token is always fed (its output is
   * wanted), so a cache of the whole sequence is used minus its last position.
   */
  cached?: RowKv;
  /** Use at most this many positions of `cached` (to get the output of a cached position again). */
  maxCached?: number;
  /** The model's `token_logprobs` input for every token of `tokens`, when it takes one. */
  tokenLogprobs?: Float32Array;
}

export interface ExtendResult extends ForwardOutput {
  /** Number of new positions per row. */
  width: number;
  /** firstFed[r] = index in row r's tokens of the first token fed (cached before it). */
  firstFed: number[];
}

/** Index into `head` of row r's token at sequence index k (valid for k ≥ firstFed[r]). */
export function headIndex(result: ExtendResult, row: number, tokenIndex: number, length: number): number {
  const column = result.width - (length - tokenIndex);
  return (row * result.width + column) * result.headWidth;
}

export async function extendRows(model: DecoderModel, rows: readonly ExtendRow[]): Promise<ExtendResult> {
  if (rows.some((row) => row.tokens.length === 0)) throw new Error('extendRows needs at least one token per row');
  const usable = (row: ExtendRow): number => Math.max(0, Math.min(row.cached?.length ?? 0, row.tokens.length - 1, row.maxCached ?? Infinity));
  const width = Math.max(...rows.map((row) => row.tokens.length - usable(row)));
  const firstFed = rows.map((row) => Math.max(0, row.tokens.length - width));
  const pastLength = Math.max(0, ...firstFed);
  const past = BatchedKv.fromRows(
    model.signature,
    rows.map((row) => row.cached),
    firstFed,
    pastLength,
  );

  const tokenIds = new Int32Array(rows.length * width);
  const newMask = new Uint8Array(rows.length * width);
  const positions = new Int32Array(rows.length * width);
  const tokenLogprobs = model.signature.hasTokenLogprobs ? new Float32Array(rows.length * width) : undefined;
  rows.forEach((row, r) => {
    if (tokenLogprobs && row.tokenLogprobs?.length !== row.tokens.length) {
      throw new Error(`row ${r} has ${row.tokens.length} tokens but ${row.tokenLogprobs?.length ?? 'no'} token log-probabilities`);
    }
    const start = firstFed[r] as number;
    const fed = row.tokens.length - start;
    for (let i = 0; i < fed; i++) {
      const column = width - fed + i;
      tokenIds[r * width + column] = row.tokens[start + i] as number;
      newMask[r * width + column] = 1;
      positions[r * width + column] = start + i;
      if (tokenLogprobs) tokenLogprobs[r * width + column] = row.tokenLogprobs?.[start + i] as number;
    }
  });
  const output = await model.forward({ past, tokenIds, width, newMask, positions, ...(tokenLogprobs && { tokenLogprobs }) });
  return { ...output, width, firstFed };
}
