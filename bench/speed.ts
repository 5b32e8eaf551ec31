// Speed of the runtime on this machine, each number next to a compute bound measured in the same
// run: onnxruntime's own MatMul throughput (GFLOP/s) divided by 2·parameters FLOPs per token.
// The ratio says how far a measurement is from what the arithmetic alone would allow.
//
//   npm run bench:speed -- [--bundle DIR] [--device auto|cpu|cuda] [--problems 10] [--out bench/results]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { loadBundle } from '../src/core/bundle/loadBundle.js';
import { createEngineModels } from '../src/core/runtime/engineModels.js';
import { BatchedKv } from '../src/core/runtime/kvCache.js';
import type { DecoderModel } from '../src/core/runtime/decoderModel.js';
import { solve } from '../src/core/solve.js';
import { checkDerivation } from '../src/core/check/index.js';
import { DEFAULT_BEAM } from '../src/core/search/index.js';
import { defaultBundleDir } from '../src/cli/models.js';
import { countParameters, matmulModel } from './lib/onnxProto.js';
import { percentile } from './lib/stats.js';
import { bundleSplit } from './lib/problems.js';
import { createRandom } from '../src/core/runtime/sampler.js';

const CONTEXT = 64;
const DECODE_STEPS = 64;
const BATCHES = [1, 8, 32, 64];
const SCORE_ROWS = 32;
const SCORE_LENGTH = 128;
const PREFILL_LENGTH = 128;

interface Row {
  name: string;
  measured: string;
  bound: string;
  /** measured ÷ bound (throughput) or bound ÷ measured (latency): the fraction of the bound reached. */
  ratio: number | null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bundle: { type: 'string' },
      device: { type: 'string', default: 'auto' },
      problems: { type: 'string', default: '10' },
      out: { type: 'string', default: join('bench', 'results') },
    },
  });
  const bundleDir = values.bundle ? resolve(values.bundle) : defaultBundleDir();
  // Other processes on a small machine move every number here; record how busy it was.
  const loadAtStart = loadavg()[0] ?? 0;
  // The policy and the TVM, as the vsix ships the bundle (the ORM and PRM would add to the memory).
  const bundle = await loadBundle(bundleDir, { device: values.device as 'auto' | 'cpu' | 'cuda', verifiers: ['tvm'] });
  const models = createEngineModels(bundle);
  const tvm = bundle.models.tvm;
  const tvmSession = models.tvm;
  if (!tvm || !tvmSession) throw new Error(`${bundleDir} has no TVM; bench:speed times the TVM too, so use one of the training pipeline's bundles`);
  const rows: Row[] = [];
  try {
    const gflops = await matmulGflops(bundle.device.device);
    const policyParams = countParameters(readFileSync(join(bundleDir, bundle.manifest.models.policy.file)));
    const tvmParams = countParameters(readFileSync(join(bundleDir, (bundle.manifest.models.tvm ?? bundle.manifest.models.policy).file)));
    const bound = (params: number) => (gflops * 1e9) / (2 * params); // tokens per second
    const vocab = models.tokenizer.vocabSize;
    const random = createRandom(1);
    const randomTokens = (n: number) => Array.from({ length: n }, () => 1 + Math.floor(random() * (vocab - 1)));
    const report = (name: string, tokensPerSecond: number, params: number) =>
      rows.push({ name, measured: `${fmt(tokensPerSecond)} tok/s`, bound: `${fmt(bound(params))} tok/s`, ratio: tokensPerSecond / bound(params) });

    // Prefill: one forward pass over a fresh context.
    const prefill = await timeBest(5, () => forwardPrefill(bundle.models.policy, 1, PREFILL_LENGTH, randomTokens));
    report(`prefill, batch 1 × ${PREFILL_LENGTH} tokens (raw forward)`, PREFILL_LENGTH / prefill, policyParams);

    // Decode: width-1 steps on a KV cache, present fed back as past (what sampling does per token).
    for (const batch of BATCHES) {
      let seconds = Infinity;
      for (let rep = 0; rep < 3; rep++) seconds = Math.min(seconds, await decodeSeconds(bundle.models.policy, batch, randomTokens));
      report(`decode, batch ${batch} (raw forward, context ${CONTEXT}→${CONTEXT + DECODE_STEPS})`, (batch * DECODE_STEPS) / seconds, policyParams);
    }
    // The same through PolicySession (sampling, EOS handling, cache bookkeeping), prefill included.
    for (const batch of BATCHES) {
      const prompts = Array.from({ length: batch }, () => randomTokens(CONTEXT));
      const t0 = performance.now();
      const out = await models.policy.sample(prompts, 1, { temperature: 1, seed: batch, maxNewTokens: DECODE_STEPS, stopAtStepEnd: false });
      const seconds = (performance.now() - t0) / 1000;
      const generated = out.flat().reduce((s, c) => s + c.tokens.length, 0);
      report(`sampling, batch ${batch} (PolicySession, incl. prefill of ${CONTEXT})`, generated / seconds, policyParams);
    }

    // Value scoring: fresh sequences (no cached prefixes), the TVM's per-token values. A TVM that
    // reads the policy's token log-probabilities needs a policy pass over the same tokens first.
    const readsPolicy = tvm.signature.hasTokenLogprobs;
    const scoreSeconds = await timeBest(3, () => tvmSession.tokenValues(Array.from({ length: SCORE_ROWS }, () => randomTokens(SCORE_LENGTH))));
    report(
      `value scoring, ${SCORE_ROWS} × ${SCORE_LENGTH} fresh tokens (ValueSession${readsPolicy ? ': policy log-probabilities, then TVM' : ''})`,
      (SCORE_ROWS * SCORE_LENGTH) / scoreSeconds,
      tvmParams + (readsPolicy ? policyParams : 0),
    );

    // End to end: solve() with the defaults (beam search, TVM, K=16, b=4) on test problems.
    const test = bundleSplit(bundleDir, 'test', Number(values.problems));
    if (test) {
      const latencies: number[] = [];
      const withoutExact: number[] = [];
      const bounds: number[] = [];
      // The same searches without exact math, and with a second policy pass for the verifiers'
      // log-probabilities instead of the record, each on models of its own (no shared caches).
      // Every engine solves one problem first (untimed: lazy initialisation), then the three take
      // turns in a rotating order, so neither warm-up nor drifting load favours one of them.
      const plainModels = createEngineModels(bundle);
      const secondPassModels = createEngineModels(bundle, { recordLogprobs: false });
      const secondPass: number[] = [];
      const warmUp = bundleSplit(bundleDir, 'val', 1)?.items[0]?.question ?? 'What is 12 + 30?';
      for (const engine of [models, plainModels, secondPassModels]) await solve(engine, { problem: warmUp });
      for (const [i, item] of test.items.entries()) {
        const runs = [
          async () => {
            const t0 = performance.now();
            const result = await solve(models, { problem: item.question, seed: i });
            latencies.push((performance.now() - t0) / 1000);
            // Every generated token passes through the policy once and the (prefix-cached) TVM once.
            const tokens = result.trace.timings.generatedTokens;
            bounds.push((tokens * 2 * policyParams + tokens * 2 * tvmParams) / (gflops * 1e9));
          },
          async () => {
            const t1 = performance.now();
            await solve(plainModels, { problem: item.question, seed: i, exact: false });
            withoutExact.push((performance.now() - t1) / 1000);
          },
          async () => {
            const t2 = performance.now();
            await solve(secondPassModels, { problem: item.question, seed: i });
            secondPass.push((performance.now() - t2) / 1000);
          },
        ];
        for (let r = 0; r < runs.length; r++) await (runs[(i + r) % runs.length] as () => Promise<void>)();
        process.stderr.write(`beam search ${i + 1}/${test.items.length}: ${latencies.at(-1)?.toFixed(2)} s\n`);
      }
      for (const p of [50, 95]) {
        const measured = percentile(latencies, p);
        const boundSeconds = percentile(bounds, p);
        rows.push({
          name: `beam search latency p${p} (K=${DEFAULT_BEAM.k}, b=${DEFAULT_BEAM.b}, TVM, ${latencies.length} test problems)`,
          measured: `${measured.toFixed(2)} s`,
          bound: `${boundSeconds.toFixed(3)} s`,
          ratio: boundSeconds / measured,
        });
      }
      const plainP50 = percentile(withoutExact, 50);
      rows.push({
        name: `beam search latency p50 without exact math (same problems; ratio: with ÷ without, target ≤ 1.2)`,
        measured: `${plainP50.toFixed(2)} s`,
        bound: '-',
        ratio: percentile(latencies, 50) / plainP50,
      });
      const secondPassP50 = percentile(secondPass, 50);
      rows.push({
        name: `beam search latency p50 with a second policy pass for the verifiers' log-probabilities (ratio: recorded ÷ second pass)`,
        measured: `${secondPassP50.toFixed(2)} s`,
        bound: '-',
        ratio: percentile(latencies, 50) / secondPassP50,
      });
    }

    // Checking a user's 10-line derivation: a test problem's reference steps, repeated to 10 lines.
    const references = readFileSync(join(bundleDir, 'splits', 'test.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { question: string; solution: string })
      .slice(0, Number(values.problems));
    const checkLatencies: number[] = [];
    for (const reference of references) {
      const lines = reference.solution.split('\n');
      const steps = Array.from({ length: 10 }, (_, i) => lines[i % lines.length]!);
      const t0 = performance.now();
      await checkDerivation(models, { problem: reference.question, steps });
      checkLatencies.push((performance.now() - t0) / 1000);
    }
    for (const p of [50, 95]) {
      rows.push({
        name: `check a 10-line derivation p${p} (TVM, ${checkLatencies.length} test problems)`,
        measured: `${(percentile(checkLatencies, p) * 1000).toFixed(1)} ms`,
        bound: '-',
        ratio: null,
      });
    }

    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    const markdown = [
      '# Runtime speed',
      '',
      `Bundle \`${bundle.info.name}\` on ${bundle.device.device} (${bundle.device.reason}); ${new Date().toISOString().slice(0, 10)}.`,
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; 1-minute load average ${loadAtStart.toFixed(2)} at the start and ${(loadavg()[0] ?? 0).toFixed(2)} at the end.`,
      `Compute bound: onnxruntime MatMul 2048² in this run = ${gflops.toFixed(1)} GFLOP/s; policy ${fmt(policyParams)} parameters,`,
      `TVM ${fmt(tvmParams)} parameters; bound = GFLOP/s ÷ (2 · parameters) tokens/s. It is approximate: attention FLOPs are left`,
      'out and the input embedding (a free lookup) is counted, so on a loaded machine prefill can land slightly above 1.',
      'Ratio = fraction of the bound reached (throughput ÷ bound; for latency, bound ÷ latency). Produced by `npm run bench:speed`.',
      '',
      '| measurement | measured | compute bound | ratio |',
      '|---|---:|---:|---:|',
      ...rows.map((r) => `| ${r.name} | ${r.measured} | ${r.bound} | ${r.ratio === null ? '-' : r.ratio.toFixed(3)} |`),
      '',
      `Peak resident memory of the benchmark process: ${peakRssMiB.toFixed(0)} MiB (the policy and the TVM open, as the vsix ships them), with the caches of the two comparison engines resident beside the default one.`,
      '',
    ].join('\n');
    mkdirSync(values.out, { recursive: true });
    writeFileSync(join(values.out, 'speed.md'), markdown);
    process.stdout.write(markdown);
  } finally {
    await bundle.release();
  }
}

/** Best-of-reps GFLOP/s of a 2048×2048 float32 MatMul on the bundle's device: the optimistic bound. */
async function matmulGflops(device: 'cpu' | 'cuda'): Promise<number> {
  const n = 2048;
  const session = await InferenceSession.create(matmulModel(n), { executionProviders: device === 'cuda' ? ['cuda', 'cpu'] : ['cpu'] });
  try {
    const data = Float32Array.from({ length: n * n }, (_, i) => ((i * 7919) % 1000) / 1000);
    const a = new Tensor('float32', data, [n, n]);
    const seconds = await timeBest(5, () => session.run({ A: a, B: a }));
    return (2 * n ** 3) / seconds / 1e9;
  } finally {
    await session.release();
  }
}

async function forwardPrefill(model: DecoderModel, rows: number, length: number, randomTokens: (n: number) => number[]) {
  const positions = new Int32Array(rows * length).map((_, i) => i % length);
  return model.forward({
    past: BatchedKv.empty(model.signature, rows),
    tokenIds: Array.from({ length: rows }, () => randomTokens(length)).flat(),
    width: length,
    newMask: new Uint8Array(rows * length).fill(1),
    positions,
  });
}

/** Seconds for DECODE_STEPS width-1 forward passes after a CONTEXT-token prefill (prefill not timed). */
async function decodeSeconds(model: DecoderModel, rows: number, randomTokens: (n: number) => number[]): Promise<number> {
  let { present } = await forwardPrefill(model, rows, CONTEXT, randomTokens);
  const t0 = performance.now();
  for (let step = 0; step < DECODE_STEPS; step++) {
    if (!present) throw new Error('the policy graph returns no present.* outputs; decoding needs a KV cache');
    const out = await model.forward({
      past: present,
      tokenIds: randomTokens(rows),
      width: 1,
      newMask: new Uint8Array(rows).fill(1),
      positions: new Int32Array(rows).fill(CONTEXT + step),
    });
    present = out.present;
  }
  return (performance.now() - t0) / 1000;
}

/** Fastest of `reps` timed runs after one warm-up, in seconds (the least disturbed by other load). */
async function timeBest(reps: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await work();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

function fmt(x: number): string {
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)}k`;
  return x.toFixed(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
