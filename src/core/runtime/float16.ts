// Half-precision (IEEE 754 binary16) tensors on Node 20, which has no Float16Array:
// onnxruntime-node passes float16 tensors as Uint16Array bit patterns (as transformers.js does).
// The KV cache stays in those bits (only copied), and fp16 logits/values become float32 here.

const exponentScale = (exponent: number): number => 2 ** exponent;

/** float32 values of binary16 bit patterns. */
export function halfBitsToFloat32(bits: Uint16Array): Float32Array {
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) {
    const h = bits[i] as number;
    const sign = h & 0x8000 ? -1 : 1;
    const exponent = (h >> 10) & 0x1f;
    const fraction = h & 0x3ff;
    if (exponent === 0) out[i] = sign * fraction * exponentScale(-24);
    else if (exponent === 0x1f) out[i] = fraction === 0 ? sign * Infinity : NaN;
    else out[i] = sign * (1 + fraction / 1024) * exponentScale(exponent - 15);
  }
  return out;
}

/** A tensor's data as float32, whether the graph gave float32 or float16 (bits or a Float16Array). */
export function asFloat32(type: string, data: unknown): Float32Array {
  if (type === 'float32') return data as Float32Array;
  if (data instanceof Uint16Array) return halfBitsToFloat32(data);
  return Float32Array.from(data as ArrayLike<number>);
}
