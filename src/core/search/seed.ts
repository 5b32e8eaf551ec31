// Per-call seeds. Every PolicyModel.sample call gets its own seed derived from the user's seed
// and the call's position in the search, so a search is reproducible and no two calls repeat
// the same random stream.

/** A 31-bit seed mixed from the base seed and call coordinates (FNV-1a over 32-bit words). */
export function deriveSeed(base: number, ...parts: number[]): number {
  let hash = 0x811c9dc5;
  for (const word of [base, ...parts]) {
    for (let shift = 0; shift < 32; shift += 8) {
      hash ^= (word >>> shift) & 0xff;
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return hash >>> 1;
}
