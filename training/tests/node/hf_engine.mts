// For the Python suite (training/tests/test_hf_parity.py): loads a Hugging Face folder (Optimum
// layout) with the engine's own loader and runs its own code paths on the prompts Python gives:
// greedy continuations through PolicySession (the batch left-padded inside the engine) and the
// logits of one left-padded forward pass through DecoderModel. Prints one JSON object.
// Usage: node --import tsx training/tests/node/hf_engine.mts FOLDER VARIANT REQUEST.json
//   REQUEST.json: { "batches": [[ids, …], …], "maxNewTokens": n }
import { readFileSync } from 'node:fs';
import { loadBundle } from '../../../src/core/bundle/loadBundle.js';
import type { VariantRequest } from '../../../src/core/bundle/huggingFaceFolder.js';
import { createEngineModels } from '../../../src/core/runtime/engineModels.js';
import { BatchedKv } from '../../../src/core/runtime/kvCache.js';
import type { DecoderModel } from '../../../src/core/runtime/decoderModel.js';

interface Request {
  batches: number[][][];
  maxNewTokens: number;
}

/** Logits of every real (non-padding) position of each prompt, one left-padded forward pass. */
async function promptLogits(model: DecoderModel, prompts: number[][]): Promise<number[][][]> {
  const width = Math.max(...prompts.map((p) => p.length));
  const rows = prompts.length;
  const ids = new Int32Array(rows * width);
  const mask = new Uint8Array(rows * width);
  const positions = new Int32Array(rows * width);
  prompts.forEach((prompt, r) => {
    const pad = width - prompt.length;
    prompt.forEach((id, j) => {
      ids[r * width + pad + j] = id;
      mask[r * width + pad + j] = 1;
      positions[r * width + pad + j] = j;
    });
  });
  const output = await model.forward({ past: BatchedKv.empty(model.signature, rows), tokenIds: ids, width, newMask: mask, positions });
  const vocab = output.headWidth;
  return prompts.map((prompt, r) => {
    const pad = width - prompt.length;
    return prompt.map((_, j) => Array.from(output.head.subarray((r * width + pad + j) * vocab, (r * width + pad + j + 1) * vocab)));
  });
}

const [dir, variant, requestPath] = process.argv.slice(2) as [string, VariantRequest, string];
const request = JSON.parse(readFileSync(requestPath, 'utf8')) as Request;
const bundle = await loadBundle(dir, { device: 'cpu', variant });
try {
  const models = createEngineModels(bundle);
  const batches = [];
  for (const prompts of request.batches) {
    const continuations = await models.policy.sample(prompts, 1, { temperature: 0, seed: 0, maxNewTokens: request.maxNewTokens, stopAtStepEnd: false });
    batches.push({
      tokens: continuations.map(([continuation]) => continuation?.tokens ?? []),
      logits: await promptLogits(bundle.models.policy, prompts),
    });
  }
  console.log(
    JSON.stringify({
      weights: bundle.manifest.models.policy.file,
      eosId: bundle.tokenizer.eosId,
      promptTemplate: bundle.info.promptTemplate,
      verifiers: Object.keys(bundle.models).filter((slot) => slot !== 'policy'),
      kv: bundle.models.policy.signature,
      batches,
    }),
  );
} finally {
  await bundle.release();
}
