// One forward pass of a decoder graph (policy or verifier) over a batch: new tokens on top of a
// batched KV cache. Feeds `present.*` of the previous call straight back as `past_key_values.*`.
import { Tensor, type InferenceSession } from 'onnxruntime-node';
import {
  pastKeyName,
  pastValueName,
  presentKeyName,
  presentValueName,
  type DecoderSignature,
} from '../bundle/decoderSignature.js';
import { BatchedKv } from './kvCache.js';
import { asFloat32, float32ToHalfBits } from './float16.js';

export interface ForwardInput {
  past: BatchedKv;
  /** rows × width token ids (row-major); padding entries are ignored. */
  tokenIds: Int32Array | number[];
  /** Number of new positions per row. */
  width: number;
  /** rows × width, 1 for real tokens, 0 for (left) padding. */
  newMask: Uint8Array;
  /** rows × width position of each new token (its index among the row's real tokens). */
  positions: Int32Array;
  /** rows × width policy log-probability of each new token, for graphs with a `token_logprobs` input. */
  tokenLogprobs?: Float32Array;
}

export interface ForwardOutput {
  /** `logits` [rows, width, vocab] or `values` [rows, width], row-major. */
  head: Float32Array;
  /** Last dimension of `head` per position (vocab size for logits, 1 for values). */
  headWidth: number;
  /** The cache including the new tokens, or undefined when the graph has no present.* outputs. */
  present?: BatchedKv;
}

export class DecoderModel {
  constructor(
    readonly session: InferenceSession,
    readonly signature: DecoderSignature,
  ) {}

  async forward(input: ForwardInput): Promise<ForwardOutput> {
    const { past, width } = input;
    const rows = past.rows;
    const total = past.length + width;
    const ids = new BigInt64Array(rows * width);
    const mask = new BigInt64Array(rows * total);
    for (let r = 0; r < rows; r++) {
      mask.set(past.mask.subarray(r * past.length, (r + 1) * past.length), r * total);
      for (let j = 0; j < width; j++) {
        ids[r * width + j] = BigInt(input.tokenIds[r * width + j] ?? 0);
        if (input.newMask[r * width + j] === 1) mask[r * total + past.length + j] = 1n;
      }
    }

    const feeds: Record<string, Tensor> = {
      input_ids: new Tensor('int64', ids, [rows, width]),
      attention_mask: new Tensor('int64', mask, [rows, total]),
    };
    if (this.signature.hasPositionIds) {
      feeds.position_ids = new Tensor('int64', BigInt64Array.from(input.positions, (p) => BigInt(p)), [rows, width]);
    }
    if (this.signature.hasTokenLogprobs) {
      if (input.tokenLogprobs?.length !== rows * width) throw new Error('this verifier needs the policy\'s log-probability of every new token (token_logprobs)');
      feeds.token_logprobs =
        this.signature.tokenLogprobsType === 'float16'
          ? new Tensor('float16', float32ToHalfBits(input.tokenLogprobs), [rows, width])
          : new Tensor('float32', input.tokenLogprobs, [rows, width]);
    }
    for (let layer = 0; layer < this.signature.layers; layer++) {
      feeds[pastKeyName(layer)] = past.tensors[2 * layer] as Tensor;
      feeds[pastValueName(layer)] = past.tensors[2 * layer + 1] as Tensor;
    }

    const outputs = await this.session.run(feeds);
    const head = outputs[this.signature.headOutput] as Tensor;
    const headWidth = this.signature.headOutput === 'logits' ? (head.dims[2] as number) : 1;
    if (head.dims[0] !== rows || head.dims[1] !== width) {
      throw new Error(`"${this.signature.headOutput}" has shape [${head.dims.join(',')}], expected [${rows},${width},…]`);
    }
    const headData = asFloat32(this.signature.headType, head.data);
    if (!this.signature.hasPresent) return { head: headData, headWidth };

    const tensors: Tensor[] = [];
    for (let layer = 0; layer < this.signature.layers; layer++) {
      tensors.push(outputs[presentKeyName(layer)] as Tensor, outputs[presentValueName(layer)] as Tensor);
    }
    const expected = [rows, this.signature.kvHeads, total, this.signature.headDim].join(',');
    const first = tensors[0] as Tensor;
    if (first.dims.join(',') !== expected) {
      throw new Error(`present.0.key has shape [${first.dims.join(',')}], expected [${expected}]`);
    }
    return { head: headData, headWidth, present: new BatchedKv(this.signature, tensors, rows, total, mask) };
  }
}
