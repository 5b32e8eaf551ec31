// KV caches of a batch of rows. Every row keeps its real tokens RIGHT-aligned (padding on the
// left, masked out by attention_mask), so a row's cache is always "the last n positions".
import { Tensor } from 'onnxruntime-node';
import type { KvLayout, KvType } from '../bundle/manifest.js';

/** A cache tensor's elements: float32 values, or float16 bit patterns (Node 20 has no Float16Array). */
export type KvArray = Float32Array | Uint16Array;

/** A cache's layout and element type (float32 unless the graph says otherwise). */
export type KvFormat = KvLayout & { readonly kvType?: KvType };

/** One row's cache on its own: per layer key then value, each [kvHeads, length, headDim]. */
export interface RowKv {
  readonly length: number;
  readonly tensors: readonly KvArray[];
}

const newKvArray = (format: KvFormat, length: number): KvArray => (format.kvType === 'float16' ? new Uint16Array(length) : new Float32Array(length));
const kvTensor = (format: KvFormat, data: KvArray, dims: readonly number[]): Tensor =>
  format.kvType === 'float16' ? new Tensor('float16', data as Uint16Array, dims) : new Tensor('float32', data as Float32Array, dims);

/** Bytes of key and value cache that one position takes across all layers. */
export function kvBytesPerPosition(format: KvFormat): number {
  return 2 * format.layers * format.kvHeads * format.headDim * (format.kvType === 'float16' ? 2 : 4);
}

export function rowKvBytes(row: RowKv): number {
  return row.tensors.reduce((sum, t) => sum + t.byteLength, 0);
}

/**
 * A batched cache: `tensors` are, per layer, key then value [rows, kvHeads, length, headDim] —
 * the model's `present.*` outputs, fed back as `past_key_values.*` without copying —
 * and `mask` is the matching attention mask (rows × length, 1n = real token), kept as int64 so
 * each step only appends a column instead of converting the whole mask.
 */
export class BatchedKv {
  constructor(
    readonly layout: KvFormat,
    readonly tensors: readonly Tensor[],
    readonly rows: number,
    readonly length: number,
    readonly mask: BigInt64Array,
  ) {}

  static empty(layout: KvFormat, rows: number): BatchedKv {
    const tensors: Tensor[] = [];
    for (let i = 0; i < 2 * layout.layers; i++) {
      tensors.push(kvTensor(layout, newKvArray(layout, 0), [rows, layout.kvHeads, 0, layout.headDim]));
    }
    return new BatchedKv(layout, tensors, rows, 0, new BigInt64Array(0));
  }

  /**
   * Builds a left-padded batched cache of `length` positions from per-row caches, using the
   * first `used[r]` positions of row r (the rest of that row is recomputed by the caller).
   */
  static fromRows(layout: KvFormat, rows: readonly (RowKv | undefined)[], used: readonly number[], length: number): BatchedKv {
    if (length === 0) return BatchedKv.empty(layout, rows.length);
    const { kvHeads, headDim } = layout;
    const mask = new BigInt64Array(rows.length * length);
    const tensors: Tensor[] = [];
    for (let t = 0; t < 2 * layout.layers; t++) {
      const data = newKvArray(layout, rows.length * kvHeads * length * headDim);
      rows.forEach((row, r) => {
        const n = used[r] ?? 0;
        if (n === 0 || !row) return;
        const source = row.tensors[t] as KvArray;
        for (let h = 0; h < kvHeads; h++) {
          const from = h * row.length * headDim;
          const to = ((r * kvHeads + h) * length + (length - n)) * headDim;
          data.set(source.subarray(from, from + n * headDim), to);
        }
      });
      tensors.push(kvTensor(layout, data, [rows.length, kvHeads, length, headDim]));
    }
    rows.forEach((_, r) => mask.fill(1n, r * length + length - (used[r] ?? 0), (r + 1) * length));
    return new BatchedKv(layout, tensors, rows.length, length, mask);
  }

  /**
   * A cache whose row i is this cache's row `indices[i]` (rows may repeat): forks beams and
   * drops finished rows. Copies, since rows must be contiguous in the batch dimension.
   */
  gatherRows(indices: readonly number[]): BatchedKv {
    const { kvHeads, headDim } = this.layout;
    const stride = kvHeads * this.length * headDim;
    const tensors = this.tensors.map((tensor) => {
      const source = tensor.data as KvArray;
      const data = newKvArray(this.layout, indices.length * stride);
      indices.forEach((row, i) => data.set(source.subarray(row * stride, (row + 1) * stride), i * stride));
      return kvTensor(this.layout, data, [indices.length, kvHeads, this.length, headDim]);
    });
    const mask = new BigInt64Array(indices.length * this.length);
    indices.forEach((row, i) => mask.set(this.mask.subarray(row * this.length, (row + 1) * this.length), i * this.length));
    return new BatchedKv(this.layout, tensors, indices.length, this.length, mask);
  }

  /** Copies out the last `length` positions of `row` (its real tokens, being right-aligned). */
  extractRow(row: number, length: number): RowKv {
    const { kvHeads, headDim } = this.layout;
    const tensors = this.tensors.map((tensor) => {
      const source = tensor.data as KvArray;
      const data = newKvArray(this.layout, kvHeads * length * headDim);
      for (let h = 0; h < kvHeads; h++) {
        const from = ((row * kvHeads + h) * this.length + (this.length - length)) * headDim;
        data.set(source.subarray(from, from + length * headDim), h * length * headDim);
      }
      return data;
    });
    return { length, tensors };
  }
}
