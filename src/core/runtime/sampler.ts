// Token choice from one row of logits: greedy, temperature, top-k and top-p, driven by a seeded
// PRNG so the same seed gives the same continuation.

/** mulberry32: a tiny 32-bit PRNG with good enough statistics for sampling; returns [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a user seed with a stream number so each sampled row gets its own independent stream. */
export function streamSeed(seed: number, stream: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export interface TokenChoice {
  temperature: number;
  topK?: number;
  topP?: number;
}

/** Indices of the `count` largest values of logits[offset .. offset+width), largest first. */
export function topIndices(logits: Float32Array, offset: number, width: number, count: number): number[] {
  // A min-heap of the best `count` seen so far: O(width · log count).
  const heap: number[] = [];
  const value = (i: number): number => logits[offset + (heap[i] as number)] as number;
  const swap = (a: number, b: number): void => {
    const t = heap[a] as number;
    heap[a] = heap[b] as number;
    heap[b] = t;
  };
  const siftDown = (start: number): void => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && value(left) < value(smallest)) smallest = left;
      if (right < heap.length && value(right) < value(smallest)) smallest = right;
      if (smallest === i) return;
      swap(i, smallest);
      i = smallest;
    }
  };
  for (let token = 0; token < width; token++) {
    const v = logits[offset + token] as number;
    if (heap.length < count) {
      heap.push(token);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (value(parent) <= value(i)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (count > 0 && v > value(0)) {
      heap[0] = token;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (logits[offset + b] as number) - (logits[offset + a] as number) || a - b);
}

export function argmax(logits: Float32Array, offset: number, width: number): number {
  let best = 0;
  for (let token = 1; token < width; token++) {
    if ((logits[offset + token] as number) > (logits[offset + best] as number)) best = token;
  }
  return best;
}

/** log softmax(logits[offset .. offset+width))[token]: the token's log-probability at temperature 1. */
export function logProbability(logits: Float32Array, offset: number, width: number, token: number): number {
  const max = logits[offset + argmax(logits, offset, width)] as number;
  let sum = 0;
  for (let v = 0; v < width; v++) sum += Math.exp((logits[offset + v] as number) - max);
  return (logits[offset + token] as number) - max - Math.log(sum);
}

/** Scratch for softmax weights, reused across calls (sampling runs once per row per step). */
let scratch = new Float64Array(0);

/**
 * Picks a token id in [0, width) from logits[offset .. offset+width).
 * temperature ≤ 0 → argmax. Otherwise softmax(logits / temperature) restricted to the topK most
 * likely tokens, then to the smallest most-likely set whose mass reaches topP, and one draw.
 */
export function chooseToken(
  logits: Float32Array,
  offset: number,
  width: number,
  choice: TokenChoice,
  random: () => number,
): number {
  if (choice.temperature <= 0) return argmax(logits, offset, width);
  const topK = choice.topK && choice.topK > 0 ? Math.min(choice.topK, width) : width;
  const topP = choice.topP !== undefined && choice.topP > 0 && choice.topP < 1 ? choice.topP : 1;

  // Unnormalised softmax weights, each exp computed once.
  if (scratch.length < width) scratch = new Float64Array(width);
  const weights = scratch;
  const maxLogit = logits[offset + argmax(logits, offset, width)] as number;
  const inverseTemperature = 1 / choice.temperature;
  let total = 0;
  for (let token = 0; token < width; token++) {
    const w = Math.exp(((logits[offset + token] as number) - maxLogit) * inverseTemperature);
    weights[token] = w;
    total += w;
  }
  if (topK === width && topP === 1) return draw(width, (i) => i, weights, total, random);

  let candidates: number[];
  if (topK < width) {
    candidates = topIndices(logits, offset, width, topK);
    total = candidates.reduce((sum, token) => sum + (weights[token] as number), 0);
  } else {
    // The nucleus is usually a handful of tokens: sort only a growing pool of the best ones.
    let pool = Math.min(64, width);
    for (;;) {
      candidates = topIndices(logits, offset, width, pool);
      const poolMass = candidates.reduce((sum, token) => sum + (weights[token] as number), 0);
      if (pool === width || poolMass >= topP * total) break;
      pool = Math.min(pool * 4, width);
    }
  }
  let kept = candidates.length;
  let keptMass = total;
  if (topP < 1) {
    keptMass = 0;
    for (kept = 0; kept < candidates.length && keptMass < topP * total; kept++) keptMass += weights[candidates[kept] as number] as number;
  }
  return draw(kept, (i) => candidates[i] as number, weights, keptMass, random);
}

/** One draw among tokenAt(0..count) with probability weights[token] / mass. */
function draw(count: number, tokenAt: (i: number) => number, weights: Float64Array, mass: number, random: () => number): number {
  let target = random() * mass;
  for (let i = 0; i < count; i++) {
    target -= weights[tokenAt(i)] as number;
    if (target < 0) return tokenAt(i);
  }
  return tokenAt(count - 1);
}
