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

/** binary16 bit patterns of float32 values, rounded to nearest even (inputs of fp16 graphs such as token_logprobs). */
export function float32ToHalfBits(values: Float32Array): Uint16Array {
  const floatView = new Float32Array(1);
  const intView = new Uint32Array(floatView.buffer);
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    floatView[0] = values[i] as number;
    const x = intView[0] as number;
    const sign = (x >>> 16) & 0x8000;
    const exponent = ((x >>> 23) & 0xff) - 127 + 15;
    const mantissa = x & 0x7fffff;
    if (((x >>> 23) & 0xff) === 0xff) out[i] = sign | 0x7c00 | (mantissa ? 0x200 : 0);
    else if (exponent >= 0x1f) out[i] = sign | 0x7c00;
    else if (exponent <= 0) {
      // Subnormal or zero: shift the implicit bit in, round to nearest even.
      if (exponent < -10) out[i] = sign;
      else {
        const m = mantissa | 0x800000;
        const shift = 14 - exponent;
        const half = 1 << (shift - 1);
        const rest = m & ((1 << shift) - 1);
        let bits = m >>> shift;
        if (rest > half || (rest === half && bits & 1)) bits += 1;
        out[i] = sign | bits;
      }
    } else {
      let bits = (exponent << 10) | (mantissa >>> 13);
      const rest = mantissa & 0x1fff;
      if (rest > 0x1000 || (rest === 0x1000 && bits & 1)) bits += 1;
      out[i] = sign | bits;
    }
  }
  return out;
}

/** A tensor's data as float32, whether the graph gave float32 or float16 (bits or a Float16Array). */
export function asFloat32(type: string, data: unknown): Float32Array {
  if (type === 'float32') return data as Float32Array;
  if (data instanceof Uint16Array) return halfBitsToFloat32(data);
  return Float32Array.from(data as ArrayLike<number>);
}
