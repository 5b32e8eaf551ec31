// For the Python suite (training/tests/test_calculator.py): greedy continuations from the engine's
// own PolicySession on a bundle folder, with the search's calculator forcing results as in a
// solve (exactSearch().force), and which token indexes it forced. Prints one JSON object.
// Usage: node --import tsx training/tests/node/calculated_greedy.mts FOLDER REQUEST.json
//   REQUEST.json: { "prompts": [ids, …], "maxNewTokens": n }
import { readFileSync } from 'node:fs';
import { loadBundle } from '../../../src/core/bundle/loadBundle.js';
import { createEngineModels } from '../../../src/core/runtime/engineModels.js';
import { exactSearch } from '../../../src/core/search/exactSearch.js';

const [dir, requestPath] = process.argv.slice(2) as [string, string];
const request = JSON.parse(readFileSync(requestPath, 'utf8')) as { prompts: number[][]; maxNewTokens: number };
const bundle = await loadBundle(dir, { device: 'cpu', variant: 'fp32' });
try {
  const models = createEngineModels(bundle);
  const { force } = exactSearch('', bundle.tokenizer);
  const continuations = await models.policy.sample(request.prompts, 1, { temperature: 0, seed: 0, maxNewTokens: request.maxNewTokens, stopAtStepEnd: false, force });
  console.log(JSON.stringify({ paths: continuations.map(([c]) => ({ tokens: c?.tokens ?? [], forced: c?.forced ?? [] })) }));
} finally {
  await bundle.release();
}
