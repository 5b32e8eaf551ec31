// Reads a decoder's signature from an ONNX session's metadata (Optimum / transformers.js
// layout, docs/CONTRACTS.md) so the runtime never assumes a layout: MHA, GQA or MQA, with or
// without a position_ids input.
import type { InferenceSession } from 'onnxruntime-node';
import type { KvLayout, KvType } from './manifest.js';

export interface DecoderSignature extends KvLayout {
  /** The KV cache's element type (float16 in fp16 exports). */
  kvType: KvType;
  /** Element type of the head output (logits/values), converted to float32 after each run. */
  headType: KvType;
  /** Whether the graph takes `position_ids` (otherwise it derives positions from attention_mask). */
  hasPositionIds: boolean;
  /** Whether the graph (a verifier) takes `token_logprobs`: the policy's log-probability of each token. */
  hasTokenLogprobs: boolean;
  /** Element type of `token_logprobs` (float16 in fp16 verifier exports). */
  tokenLogprobsType: KvType;
  /** 'logits' for a policy, 'values' for a verifier. */
  headOutput: 'logits' | 'values';
  /** Whether the graph returns `present.*`, i.e. can continue from a KV cache. */
  hasPresent: boolean;
  /** Last dimension of `logits` when the graph fixes it (vocabulary size of the head). */
  logitsWidth?: number;
}

export const pastKeyName = (layer: number): string => `past_key_values.${layer}.key`;
export const pastValueName = (layer: number): string => `past_key_values.${layer}.value`;
export const presentKeyName = (layer: number): string => `present.${layer}.key`;
export const presentValueName = (layer: number): string => `present.${layer}.value`;

/** Reading failed; `problem` says why in terms of the graph. */
export class SignatureError extends Error {
  override readonly name = 'SignatureError';
}

type Metadata = InferenceSession.ValueMetadata;

function tensorMeta(list: readonly Metadata[], name: string): (Metadata & { isTensor: true }) | undefined {
  const meta = list.find((m) => m.name === name);
  return meta?.isTensor ? meta : undefined;
}

/** Dimension `index` of a tensor if the graph fixes it to a number. */
function fixedDim(meta: Metadata & { isTensor: true }, index: number): number | undefined {
  const dim = meta.shape[index];
  return typeof dim === 'number' && dim > 0 ? dim : undefined;
}

export function readDecoderSignature(session: InferenceSession, expectedHead: 'logits' | 'values'): DecoderSignature {
  const inputs = session.inputMetadata;
  const outputs = session.outputMetadata;
  const need = (name: string, type: string): void => {
    const meta = tensorMeta(inputs, name);
    if (!meta) throw new SignatureError(`the graph has no tensor input "${name}"`);
    if (meta.type !== type) throw new SignatureError(`input "${name}" is ${meta.type}, expected ${type}`);
  };
  need('input_ids', 'int64');
  need('attention_mask', 'int64');
  const hasPositionIds = tensorMeta(inputs, 'position_ids') !== undefined;
  if (hasPositionIds) need('position_ids', 'int64');
  const hasTokenLogprobs = tensorMeta(inputs, 'token_logprobs') !== undefined;
  if (hasTokenLogprobs) {
    if (expectedHead === 'logits') throw new SignatureError('the policy takes "token_logprobs", an input only verifiers have');
    const type = tensorMeta(inputs, 'token_logprobs')?.type;
    if (type !== 'float32' && type !== 'float16') throw new SignatureError(`input "token_logprobs" is ${type}, expected float32 or float16`);
  }

  const layers = inputs.filter((m) => /^past_key_values\.\d+\.key$/.test(m.name)).length;
  if (layers === 0) throw new SignatureError('the graph has no past_key_values.{i}.key inputs (exported without a KV cache?)');

  let kvHeads: number | undefined;
  let headDim: number | undefined;
  const kvType = tensorMeta(inputs, pastKeyName(0))?.type;
  if (kvType !== 'float32' && kvType !== 'float16') throw new SignatureError(`input "${pastKeyName(0)}" is ${kvType}; only float32 and float16 caches are supported`);
  for (let layer = 0; layer < layers; layer++) {
    for (const name of [pastKeyName(layer), pastValueName(layer)]) {
      const meta = tensorMeta(inputs, name);
      if (!meta) throw new SignatureError(`input "${name}" is missing (layers must be numbered 0..${layers - 1})`);
      if (meta.type !== kvType) throw new SignatureError(`input "${name}" is ${meta.type}, unlike ${pastKeyName(0)} (${kvType})`);
      if (meta.shape.length !== 4) throw new SignatureError(`input "${name}" has rank ${meta.shape.length}, expected 4 [batch, kvHeads, past, headDim]`);
      const heads = fixedDim(meta, 1);
      const dim = fixedDim(meta, 3);
      if (heads === undefined || dim === undefined) {
        throw new SignatureError(`input "${name}" does not fix its kvHeads/headDim dimensions (shape ${JSON.stringify(meta.shape)})`);
      }
      if ((kvHeads ?? heads) !== heads || (headDim ?? dim) !== dim) {
        throw new SignatureError(`input "${name}" has shape ${JSON.stringify(meta.shape)}, unlike layer 0`);
      }
      kvHeads = heads;
      headDim = dim;
    }
  }

  const head = tensorMeta(outputs, expectedHead);
  if (!head) throw new SignatureError(`the graph has no "${expectedHead}" output`);
  if (head.type !== 'float32' && head.type !== 'float16') throw new SignatureError(`output "${expectedHead}" is ${head.type}, expected float32 or float16`);
  const presentCount = outputs.filter((m) => /^present\.\d+\.(key|value)$/.test(m.name)).length;
  const hasPresent = presentCount > 0;
  if (hasPresent) {
    for (let layer = 0; layer < layers; layer++) {
      for (const name of [presentKeyName(layer), presentValueName(layer)]) {
        if (!tensorMeta(outputs, name)) throw new SignatureError(`output "${name}" is missing (the graph has ${layers} past layers)`);
      }
    }
    if (presentCount !== 2 * layers) throw new SignatureError(`the graph has ${presentCount} present.* outputs for ${layers} layers`);
  }
  const logitsWidth = expectedHead === 'logits' ? fixedDim(head, 2) : undefined;
  return {
    layers,
    kvType,
    headType: head.type,
    kvHeads: kvHeads as number,
    headDim: headDim as number,
    hasPositionIds,
    hasTokenLogprobs,
    tokenLogprobsType: tensorMeta(inputs, 'token_logprobs')?.type === 'float16' ? 'float16' : 'float32',
    headOutput: expectedHead,
    hasPresent,
    ...(logitsWidth !== undefined && { logitsWidth }),
  };
}
