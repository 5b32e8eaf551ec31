// Just enough ONNX protobuf for the speed benchmark: count a model's parameters (the sizes of its
// initializers) and build a one-node MatMul model to measure onnxruntime's FLOP/s on this machine.

/** Wire-format reader over one message's bytes. */
class Reader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  done(): boolean {
    return this.pos >= this.bytes.length;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.pos++];
      if (byte === undefined) throw new Error('truncated varint');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  }

  /** Reads one field: [number, wire type, payload for length-delimited fields or the varint]. */
  field(): { number: number; wire: number; bytes?: Uint8Array; value?: number } {
    const key = this.varint();
    const number = Math.floor(key / 8);
    const wire = key & 7;
    switch (wire) {
      case 0:
        return { number, wire, value: this.varint() };
      case 1:
        this.pos += 8;
        return { number, wire };
      case 2: {
        const length = this.varint();
        const bytes = this.bytes.subarray(this.pos, this.pos + length);
        this.pos += length;
        return { number, wire, bytes };
      }
      case 5:
        this.pos += 4;
        return { number, wire };
      default:
        throw new Error(`unsupported wire type ${wire}`);
    }
  }
}

function* fields(bytes: Uint8Array) {
  const reader = new Reader(bytes);
  while (!reader.done()) yield reader.field();
}

/** Total number of elements over all initializers (ModelProto.graph = 7, GraphProto.initializer = 5, TensorProto.dims = 1). */
export function countParameters(model: Uint8Array): number {
  let total = 0;
  for (const f of fields(model)) {
    if (f.number !== 7 || !f.bytes) continue;
    for (const g of fields(f.bytes)) {
      if (g.number !== 5 || !g.bytes) continue;
      const dims: number[] = [];
      for (const t of fields(g.bytes)) {
        if (t.number !== 1) continue;
        if (t.value !== undefined) dims.push(t.value);
        else if (t.bytes) {
          const packed = new Reader(t.bytes);
          while (!packed.done()) dims.push(packed.varint());
        }
      }
      total += dims.reduce((a, b) => a * b, 1);
    }
  }
  return total;
}

// ---- writer

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

const field = (number: number, payload: number[]) => [...varint(number * 8 + 2), ...varint(payload.length), ...payload];
const intField = (number: number, value: number) => [...varint(number * 8), ...varint(value)];
const text = (s: string) => [...new TextEncoder().encode(s)];

/** ValueInfoProto for a float32 tensor of fixed shape. */
function floatTensorInfo(name: string, shape: number[]): number[] {
  const dims = shape.flatMap((d) => field(1, intField(1, d))); // TensorShapeProto.dim{dim_value}
  const tensorType = [...intField(1, 1 /* FLOAT */), ...field(2, dims)];
  return [...field(1, text(name)), ...field(2, field(1, tensorType))];
}

/** An ONNX model (IR 8, opset 17) computing C = A·B for n×n float32 inputs. */
export function matmulModel(n: number): Uint8Array {
  const node = [...field(1, text('A')), ...field(1, text('B')), ...field(2, text('C')), ...field(4, text('MatMul'))];
  const graph = [
    ...field(1, node),
    ...field(2, text('matmul')),
    ...field(11, floatTensorInfo('A', [n, n])),
    ...field(11, floatTensorInfo('B', [n, n])),
    ...field(12, floatTensorInfo('C', [n, n])),
  ];
  const opset = [...field(1, []), ...intField(2, 17)];
  return Uint8Array.from([...intField(1, 8), ...field(8, opset), ...field(7, graph)]);
}
