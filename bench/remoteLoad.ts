// Load test of the remote engine on loopback: N concurrent beam-search solves through llama.cpp's
// llama-server (serving the default bundle's policy as GGUF, training/remote/prepare.sh) against
// the same solves on the local engine, in one run. Reports wall time, solves/s, p50/p95 latency
// and errors for each, and the remote p50 ÷ local p50 (issue 17's target: ≤ 1.5 at 16 concurrent).
//
//   npm run bench:remote -- [--concurrency 16] [--problems 16] [--parallel 4]
// The report also goes to bench/results/remote-load.md; the run fails if a solve failed or the
// ratio is over the target.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadBundle } from '../src/core/bundle/loadBundle.js';
import type { EngineModels } from '../src/core/lm.js';
import { connectRemoteEngineModels } from '../src/core/remote/remoteEngineModels.js';
import { remoteServer } from '../src/core/remote/remoteServer.js';
import { createEngineModels } from '../src/core/runtime/engineModels.js';
import { DEFAULT_BEAM } from '../src/core/search/index.js';
import { solve } from '../src/core/solve.js';
import { SERVED_MODEL, llamaServerFiles, startLlamaServer } from '../test/helpers/llamaServer.js';
import { requiredSplit } from './lib/problems.js';
import { percentile } from './lib/stats.js';

const BUNDLE = 'models/default';
/** Issue 17: a remote solve within 1.5× the local engine's p50. */
const P50_RATIO_TARGET = 1.5;

interface Run {
  wallMs: number;
  latencies: number[];
  errors: string[];
}

async function load(models: EngineModels, problems: string[], concurrency: number): Promise<Run> {
  const latencies: number[] = [];
  const errors: string[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < problems.length) {
      const problem = problems[next++] as string;
      const t0 = performance.now();
      try {
        await solve(models, { problem, strategy: 'beam', ...DEFAULT_BEAM });
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { wallMs: performance.now() - started, latencies, errors };
}

function row(name: string, run: Run): string {
  const p50 = percentile(run.latencies, 50);
  const p95 = percentile(run.latencies, 95);
  return `| ${name} | ${(run.wallMs / 1000).toFixed(1)} s | ${((run.latencies.length / run.wallMs) * 1000).toFixed(2)} | ${(p50 / 1000).toFixed(2)} s | ${(p95 / 1000).toFixed(2)} s | ${run.errors.length} |`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { concurrency: { type: 'string', default: '16' }, problems: { type: 'string', default: '16' }, parallel: { type: 'string', default: '4' } } });
  const files = llamaServerFiles();
  if (typeof files === 'string') throw new Error(files);
  const concurrency = Number(values.concurrency);
  const problems = requiredSplit(BUNDLE, 'test', Number(values.problems)).items.map((item) => item.question);
  const server = await startLlamaServer(files, { parallel: Number(values.parallel) });
  const bundle = await loadBundle(BUNDLE, { device: 'cpu' });
  try {
    const local = await load(createEngineModels(bundle), problems, concurrency);
    const remote = await load(await connectRemoteEngineModels(bundle, remoteServer({ url: server.url, model: SERVED_MODEL, timeoutMs: 120_000 })), problems, concurrency);
    const ratio = percentile(remote.latencies, 50) / percentile(local.latencies, 50);
    const errors = [...new Set([...local.errors, ...remote.errors])];
    const report = [
      `# Remote engine load test (\`npm run bench:remote\`, ${new Date().toISOString().slice(0, 10)})`,
      '',
      `${problems.length} beam solves (K ${DEFAULT_BEAM.k}, b ${DEFAULT_BEAM.b}) of the test split, ${concurrency} at a time, through the local engine and then through llama.cpp's llama-server (-np ${values.parallel}) on loopback, in one run; ${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)} at the end.`,
      '',
      '| engine | wall | solves/s | p50 | p95 | errors |',
      '|---|---|---|---|---|---|',
      row('local (ONNX, in-process)', local),
      row('remote (llama-server, loopback)', remote),
      '',
      `remote p50 ÷ local p50: ${ratio.toFixed(2)} (target ≤ ${P50_RATIO_TARGET}: ${ratio <= P50_RATIO_TARGET ? 'met' : 'not met'}); errors: ${errors.length === 0 ? 'none' : errors.map((e) => `\n- ${e}`).join('')}`,
      '',
    ].join('\n');
    console.log(report);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/remote-load.md', report);
    if (errors.length > 0 || ratio > P50_RATIO_TARGET) process.exitCode = 1;
  } finally {
    await server.stop();
    await bundle.release();
  }
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
