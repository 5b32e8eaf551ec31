import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle, type LoadedBundle } from '../../../src/core/bundle/loadBundle.js';
import { BundleError } from '../../../src/core/bundle/bundleError.js';
import { DEFAULT_ANSWER_PATTERN } from '../../../src/core/bundle/huggingFaceFolder.js';
import { createEngineModels } from '../../../src/core/runtime/engineModels.js';
import { solve } from '../../../src/core/solve.js';
import { checkDerivation } from '../../../src/core/check/derivation.js';
import { BadRequestError } from '../../../src/core/search/models.js';
import { TextFormat } from '../../../src/core/search/format.js';
import { extractAnswer, compileAnswerPattern } from '../../../src/core/grading/index.js';
import { availableStrategies } from '../../../src/shared/engineProtocol.js';
import { FIXTURE_BUNDLES, skipUnlessFixture } from '../../helpers/bundles.js';
import { addFixtureTvm, CHATML, FIXTURE_CONFIG, makeHuggingFaceFolder, type HfFolder } from '../../helpers/huggingFaceFolders.js';

const fixture = skipUnlessFixture('mqa');
const PROBLEM = 'Tom has 3 apples and buys 4 more. How many apples does he have?';

async function withFolder(edit: (folder: HfFolder) => void, use: (bundle: LoadedBundle) => Promise<void>, variant?: 'auto' | 'fp32' | 'int8'): Promise<void> {
  const folder = makeHuggingFaceFolder();
  try {
    edit(folder);
    const bundle = await loadBundle(folder.dir, { device: 'cpu', ...(variant && { variant }) });
    try {
      await use(bundle);
    } finally {
      await bundle.release();
    }
  } finally {
    folder.cleanup();
  }
}

/** The BundleError a broken folder fails with. */
async function loadError(edit: (folder: HfFolder) => void, variant?: 'int8'): Promise<BundleError> {
  const folder = makeHuggingFaceFolder();
  try {
    edit(folder);
    await loadBundle(folder.dir, { device: 'cpu', ...(variant && { variant }) });
  } catch (error) {
    assert.ok(error instanceof BundleError, `expected a BundleError, got ${String(error)}`);
    return error;
  } finally {
    folder.cleanup();
  }
  assert.fail('the broken folder loaded');
}

test('a Hugging Face folder loads with its manifest inferred from config, generation config and chat template', fixture, async () => {
  await withFolder(
    (folder) => folder.write('tokenizer_config.json', { eos_token: '<|eos|>', chat_template: CHATML }),
    async (bundle) => {
      assert.equal(bundle.manifest.models.policy.file, join('onnx', 'model.onnx'));
      assert.deepEqual(bundle.manifest.models.policy.kv, { layers: 2, kvHeads: 1, headDim: 8 });
      assert.equal(bundle.models.policy.signature.kvHeads, 1, 'multi-query: one KV head, from the graph');
      assert.equal(bundle.info.promptTemplate, '<|im_start|>user\n{problem}<|im_end|>\n<|im_start|>assistant\n');
      assert.equal(bundle.info.eosToken, '<|eos|>', 'generation_config.json eos_token_id 511, as text');
      assert.equal(bundle.info.stepDelimiter, '\n');
      assert.equal(bundle.info.maxPositions, FIXTURE_CONFIG.n_positions);
      assert.equal(bundle.info.answerPattern, DEFAULT_ANSWER_PATTERN);
      assert.equal(bundle.models.tvm, undefined, 'no tutor.json: a policy alone');
    },
  );
});

test('the default answer pattern reads \\boxed{…} and "The answer is …"', () => {
  const pattern = compileAnswerPattern(DEFAULT_ANSWER_PATTERN);
  assert.equal(extractAnswer('So $x = \\boxed{42}$.', pattern), '42');
  assert.equal(extractAnswer('The final answer is: 7', pattern), '7');
  assert.equal(extractAnswer('The answer is 1/2', pattern), '1/2');
});

test('without a TVM greedy, vote and best-of-N (by likelihood) run, beam search, the weighted vote and Check my steps say what is missing', fixture, async () => {
  await withFolder(
    () => undefined,
    async (bundle) => {
      const models = createEngineModels(bundle);
      assert.equal(models.tvm, undefined);
      assert.deepEqual(availableStrategies([]), ['greedy', 'vote', 'bon']);
      const greedy = await solve(models, { problem: PROBLEM, strategy: 'greedy', maxSteps: 2, maxStepTokens: 8 });
      assert.equal(greedy.trace.params.verifier, null);
      assert.ok(greedy.trace.paths.length === 1);
      const vote = await solve(models, { problem: PROBLEM, strategy: 'vote', k: 2, maxSteps: 2, maxStepTokens: 8 });
      assert.equal(vote.trace.paths.length, 2);
      const bon = await solve(models, { problem: PROBLEM, strategy: 'bon', k: 3, maxSteps: 2, maxStepTokens: 8 });
      assert.deepEqual([bon.trace.params.verifier, bon.trace.params.ranking, bon.trace.paths.length], [null, 'likelihood', 3]);
      const best = Math.max(...bon.trace.paths.map((p) => p.meanLogprob as number));
      assert.equal(bon.trace.paths.find((p) => p.chosen)?.meanLogprob, best, 'the likeliest path is chosen');
      for (const strategy of ['beam', 'wvote'] as const) {
        await assert.rejects(solve(models, { problem: PROBLEM, strategy, k: 2, b: 1, maxSteps: 1 }), (error: unknown) => {
          return error instanceof BadRequestError && /has no value model \(TVM\)/.test(error.message) && /use greedy, vote or bon/.test(error.message);
        });
      }
      await assert.rejects(checkDerivation(models, { problem: PROBLEM, steps: ['3 + 4 = 7'] }), /no value model \(TVM\), which Check my steps needs/);
    },
  );
});

test('tutor.json names a TVM, which makes beam search and Check my steps available; it overrides the prompt', fixture, async () => {
  await withFolder(
    (folder) => {
      addFixtureTvm(folder);
      folder.write('tutor.json', { verifiers: { tvm: { file: 'tvm/model.onnx' } }, promptTemplate: 'Q: {problem}\n', name: 'tiny', stepDelimiter: '\n' });
    },
    async (bundle) => {
      assert.equal(bundle.info.name, 'tiny');
      assert.equal(bundle.info.promptTemplate, 'Q: {problem}\n');
      assert.equal(bundle.models.tvm?.signature.headOutput, 'values');
      const models = createEngineModels(bundle);
      const beam = await solve(models, { problem: PROBLEM, strategy: 'beam', k: 2, b: 1, maxSteps: 1, maxStepTokens: 8 });
      assert.equal(beam.trace.params.verifier, 'tvm');
      const checked = await checkDerivation(models, { problem: PROBLEM, steps: ['3 + 4 = 7'] });
      assert.equal(checked.steps.length, 1);
    },
  );
});

test('the weights setting picks onnx/model_quantized.onnx, and the folder itself is searched as optimum-cli writes it', fixture, async () => {
  await withFolder(
    (folder) => renameSync(join(folder.dir, 'onnx', 'model.onnx'), join(folder.dir, 'model.onnx')),
    async (bundle) => assert.equal(bundle.manifest.models.policy.file, 'model.onnx'),
  );
  const error = await loadError(() => undefined, 'int8');
  assert.match(error.file, /onnx\/model_quantized\.onnx$/);
  assert.match(error.message, /is missing \(the int8 weights were asked for\)\. Choose one of the variants present: fp32/);
});

test('a folder without tokenizer.json names the file', fixture, async () => {
  const error = await loadError((folder) => folder.remove('tokenizer.json'));
  assert.match(error.file, /tokenizer\.json$/);
  assert.match(error.message, /is missing/);
});

test('a config naming an unsupported architecture names config.json and the supported types', fixture, async () => {
  const error = await loadError((folder) => folder.write('config.json', { ...FIXTURE_CONFIG, model_type: 't5', architectures: ['T5ForConditionalGeneration'] }));
  assert.match(error.file, /config\.json$/);
  assert.match(error.message, /names model_type "t5" \(T5ForConditionalGeneration\), which the tutor cannot run/);
  assert.match(error.message, /qwen2, qwen3, llama/);
});

test('an ONNX graph whose KV heads or layers differ from config.json names both', fixture, async () => {
  const heads = await loadError((folder) => folder.write('config.json', { ...FIXTURE_CONFIG, multi_query: false }));
  assert.match(heads.file, /onnx\/model\.onnx$/);
  assert.match(heads.problem, /the graph has kvHeads = 1 but config\.json n_head gives 4/);
  const layers = await loadError((folder) => folder.write('config.json', { ...FIXTURE_CONFIG, n_layer: 3 }));
  assert.match(layers.problem, /the graph has layers = 2 but config\.json n_layer gives 3/);
});

test('a tokenizer much smaller than the model vocabulary names tokenizer.json and config.json', fixture, async () => {
  const error = await loadError((folder) => folder.write('config.json', { ...FIXTURE_CONFIG, vocab_size: 32000 }));
  assert.match(error.file, /tokenizer\.json$/);
  assert.match(error.problem, /has 512 tokens but .*config\.json gives vocab_size 32000, so the tokenizer belongs to another model/);
});

test('logits narrower than config.json vocab_size, a broken chat template and a missing EOS are named', fixture, async () => {
  const logits = await loadError((folder) => folder.write('config.json', { ...FIXTURE_CONFIG, vocab_size: 600 }));
  assert.match(logits.problem, /predicts 512 tokens but .*config\.json gives vocab_size 600/);
  const template = await loadError((folder) => folder.write('tokenizer_config.json', { chat_template: '{% for m in messages %}{{ m.content }' }));
  assert.match(template.file, /tokenizer_config\.json$/);
  assert.match(template.problem, /chat template that does not render/);
  const eos = await loadError((folder) => folder.write('generation_config.json', {}));
  assert.match(eos.problem, /gives no eos_token_id/);
});

test('verifier subfolders tvm/ as training/hf_export.py writes them are found without tutor.json', fixture, async () => {
  await withFolder(
    (folder) => {
      mkdirSync(join(folder.dir, 'tvm', 'onnx'), { recursive: true });
      copyFileSync(join(FIXTURE_BUNDLES.mqa, 'tvm.onnx'), join(folder.dir, 'tvm', 'onnx', 'model.onnx'));
      folder.write(join('tvm', 'config.json'), { ...FIXTURE_CONFIG, architectures: ['GPTBigCodeForTokenClassification'] });
    },
    async (bundle) => {
      assert.equal(bundle.manifest.models.tvm?.file, join('tvm', 'onnx', 'model.onnx'));
      assert.equal(bundle.models.tvm?.signature.headOutput, 'values');
      assert.equal(bundle.models.orm, undefined);
    },
  );
});

test('tutor.json "promptFormat": "v2" makes the engine write the problem canonically; an unknown one names tutor.json', fixture, async () => {
  await withFolder(
    () => undefined,
    async (bundle) => assert.equal(bundle.info.promptFormat, 'v1', 'no tutor.json: as written'),
  );
  await withFolder(
    (folder) => folder.write('tutor.json', { promptFormat: 'v2' }),
    async (bundle) => {
      assert.equal(bundle.info.promptFormat, 'v2');
      const format = new TextFormat(bundle.info, bundle.tokenizer);
      assert.equal(format.prompt('  Solve 5x = 35 .'), 'Problem: Solve 5x = 35'); // Jinja drops the template's final line break
    },
  );
  const error = await loadError((folder) => folder.write('tutor.json', { promptFormat: 'canonical' }));
  assert.match(error.file, /tutor\.json$/);
  assert.match(error.problem, /field "promptFormat" "canonical", this version of the tutor reads "v1" or "v2"/);
});
