// For the Python suite (training/tests/test_hf_parity.py): best-of-N in a Hugging Face folder
// without a value model, through the engine's own solve(): the paths it sampled (token ids after
// the prompt), the mean log-probability it ranked each by, the one it chose and what the trace
// says it ranked by. Python recomputes each path's mean log-probability with Transformers.
// Usage: node --import tsx training/tests/node/hf_best_of_n.mts FOLDER PROBLEM N
import { loadBundle } from '../../../src/core/bundle/loadBundle.js';
import { createEngineModels } from '../../../src/core/runtime/engineModels.js';
import { solve } from '../../../src/core/solve.js';
import { scoringNote } from '../../../src/shared/scoringNote.js';
import { TextFormat } from '../../../src/core/search/format.js';

const [dir, problem, n] = process.argv.slice(2) as [string, string, string];
const bundle = await loadBundle(dir, { device: 'cpu', variant: 'fp32' });
try {
  const models = createEngineModels(bundle);
  // Exact math off: no calculator tokens, so every token of a path was sampled by the policy.
  const result = await solve(models, { problem, strategy: 'bon', k: Number(n), temperature: 1, seed: 3, maxSteps: 2, maxStepTokens: 6, exact: false });
  const { trace } = result;
  console.log(
    JSON.stringify({
      prompt: new TextFormat(models.info, models.tokenizer).encodeSearchPrefix(problem, []),
      verifier: trace.params.verifier,
      ranking: trace.params.ranking,
      note: scoringNote(trace.params),
      paths: trace.paths.map((path) => ({ tokens: path.steps.flatMap((step) => step.tokenIds), meanLogprob: path.meanLogprob, value: path.value, chosen: path.chosen })),
      stepValues: result.steps.map((step) => step.value),
    }),
  );
} finally {
  await bundle.release();
}
