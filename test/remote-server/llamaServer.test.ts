// The remote engine against a real llama.cpp server on loopback, serving models/default's policy
// converted to GGUF (training/remote/prepare.sh). At temperature 0 a remote solve and check must
// give the local engine's answers. Tolerances: the GGUF is fp32 but llama.cpp computes in its own
// kernel order, so per-token log-probabilities may differ from onnxruntime's by up to 1e-2 nats
// (measured: 3.8e-3 on a -5.93 nats token) and the TVM's values (which read them) by up to 1e-3.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBundle, type LoadedBundle } from '../../src/core/bundle/loadBundle.js';
import { checkDerivation } from '../../src/core/check/index.js';
import { errorCode } from '../../src/core/host/errorCodes.js';
import type { EngineModels } from '../../src/core/lm.js';
import { CompletionsClient } from '../../src/core/remote/completionsClient.js';
import { connectRemoteEngineModels } from '../../src/core/remote/remoteEngineModels.js';
import { remoteServer } from '../../src/core/remote/remoteServer.js';
import { RemoteServerError } from '../../src/core/remote/remoteServerError.js';
import { bundleTokenLogprobs, createEngineModels, stepEndTokens } from '../../src/core/runtime/engineModels.js';
import { RemoteTokenScorer } from '../../src/core/remote/remoteTokenScorer.js';
import { solve } from '../../src/core/solve.js';
import { TextFormat } from '../../src/core/search/format.js';
import { SERVED_MODEL, llamaServerFiles, skipUnlessLlamaServer, startLlamaServer, type RunningLlamaServer } from '../helpers/llamaServer.js';

const BUNDLE = 'models/default';
const LOGPROB_TOLERANCE = 1e-2;
const VALUE_TOLERANCE = 1e-3;
const PROBLEMS = ['What is $23 \\times 4$?', 'Solve $3x + 7 = 22$.', 'Compute $\\frac{1}{3} + \\frac{1}{4}$.'];

const files = llamaServerFiles();

describe('remote engine on llama.cpp\'s llama-server (loopback)', skipUnlessLlamaServer(files), () => {
  let server: RunningLlamaServer;
  let bundle: LoadedBundle;
  let local: EngineModels;
  let remote: EngineModels;

  before(async () => {
    if (typeof files === 'string') return;
    server = await startLlamaServer(files);
    bundle = await loadBundle(BUNDLE, { device: 'cpu' });
    // The remote engine has no policy surprise, so it shows the verifier's raw values (uncalibrated):
    // the local engine is compared without the bundle's calibration map.
    local = createEngineModels({ ...bundle, info: { ...bundle.info, calibration: undefined } });
    remote = await connectRemoteEngineModels(bundle, remoteServer({ url: server.url, model: SERVED_MODEL }));
  });
  after(async () => {
    await server?.stop();
    await bundle?.release();
  });

  test('greedy steps and their token log-probabilities equal the local engine\'s', async () => {
    const prompt = bundle.tokenizer.encode('Q: What is $23 \\times 4$?\n');
    const options = { temperature: 0, seed: 0, maxNewTokens: 64, stopAtStepEnd: true };
    const mine = await local.policy.sample([prompt], 1, options);
    const theirs = await remote.policy.sample([prompt], 1, options);
    // Tokens and finish exactly; log-probabilities within llama.cpp's own arithmetic (the file's tolerance note).
    const strip = (rows: typeof mine) => rows.map((row) => row.map(({ logprobs: _logprobs, ...rest }) => rest));
    assert.deepEqual(strip(theirs), strip(mine));
    const [ours, server] = [mine[0]![0]!.logprobs ?? [], theirs[0]![0]!.logprobs ?? []];
    assert.equal(server.length, ours.length);
    // The step's last token (the stop string) has none from the server: llama-server drops a stop
    // word's probabilities from a non-streamed reply (tools/server/server-context.cpp, `safe_offset`),
    // so the remote policy reports it as NaN (unknown) and the scorer asks for it when a verifier needs it.
    assert.ok(Number.isNaN(server.at(-1)!), 'the stop token is the one without a log-probability');
    ours.slice(0, -1).forEach((lp, k) => assert.ok(Math.abs(lp - server[k]!) < 5e-3, `token ${k}: ${lp} vs ${server[k]}`));
  });

  // With exact math on, a greedy line that exact math contradicts is replaced by one of 8 sampled
  // alternatives (greedyRepair.ts): those are random draws, from the server's generator remotely,
  // so they cannot equal the local ones. Parity is therefore asserted with exact math off on every
  // problem (greedy decoding and beam search at temperature 0 are deterministic), and with it on
  // (the calculator's cut-and-continue included) where no repair happens.
  const CASES = [...PROBLEMS.map((problem) => ({ problem, exact: false })), ...PROBLEMS.slice(0, 2).map((problem) => ({ problem, exact: true }))];
  for (const { problem, exact } of CASES) {
    test(`greedy and beam solve "${problem}" give the local answer at temperature 0, exact math ${exact ? 'on' : 'off'}`, async () => {
      for (const strategy of ['greedy', 'beam'] as const) {
        const request = { problem, strategy, k: 4, b: 2, maxSteps: 8, temperature: 0, exact };
        const mine = await solve(local, request);
        const theirs = await solve(remote, request);
        assert.deepEqual(theirs.steps.map((s) => s.text), mine.steps.map((s) => s.text), strategy);
        assert.equal(theirs.trace.answer, mine.trace.answer);
        const values = (r: typeof mine) => r.trace.chosen.map((step) => step.value ?? 0);
        values(theirs).forEach((value, i) => assert.ok(Math.abs(value - (values(mine)[i] as number)) <= VALUE_TOLERANCE, `${strategy} step ${i}: ${value} vs ${values(mine)[i]}`));
      }
    });
  }

  test('check my steps: the same verdicts, values within tolerance (the student\'s lines scored by the server)', async () => {
    const params = { problem: 'What is $23 \\times 4$?', steps: ['$23 \\times 4 = 82$', 'The answer is 82'] };
    const mine = await checkDerivation(local, params, {});
    const theirs = await checkDerivation(remote, params, {});
    assert.equal(theirs.firstSuspicious, mine.firstSuspicious);
    assert.equal(theirs.firstFalse, mine.firstFalse);
    assert.deepEqual(theirs.steps.map((s) => s.exact), mine.steps.map((s) => s.exact));
    theirs.steps.forEach((step, i) => assert.ok(Math.abs(step.value - (mine.steps[i]?.value as number)) <= VALUE_TOLERANCE, `line ${i}: ${step.value} vs ${mine.steps[i]?.value}`));
  });

  test('the server\'s token log-probabilities of a student\'s line match the local policy\'s', async () => {
    const client = new CompletionsClient(remoteServer({ url: server.url, model: SERVED_MODEL }));
    const stepEnds = stepEndTokens(bundle);
    const remoteScorer = new RemoteTokenScorer(client, { stepEndTokens: stepEnds, alternatives: bundle.tokenizer.vocabSize });
    const sequence = bundle.tokenizer.encode('Q: What is $23 \\times 4$?\n$23 \\times 4 = 82$\n');
    const [theirs] = await remoteScorer.score([sequence]);
    const [mine] = await bundleTokenLogprobs(bundle).score([sequence]);
    mine?.forEach((value, k) => assert.ok(Math.abs((theirs?.[k] as number) - value) <= LOGPROB_TOLERANCE, `token ${k}: ${theirs?.[k]} vs ${value}`));
  });

  test('the GGUF\'s chat template, applied by the server, writes the prompt the engine writes', async () => {
    // A client that sends text rather than token ids gets the policy's own prompt (curriculum v2's
    // canonical statement): final punctuation, spacing and \\( \\) delimiters written one way.
    const format = new TextFormat(bundle.info, bundle.tokenizer);
    for (const problem of [...PROBLEMS, '  Solve 5x = 35 ?  ', 'Compute \\(3 + 4\\).', 'Tom\u2019s 12 apples \u2212 5 .', 'a , b ; c !', '...']) {
      const response = await fetch(`${server.url}/apply-template`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: problem }] }),
      });
      const body = await response.text();
      assert.equal(response.status, 200, body);
      assert.equal((JSON.parse(body) as { prompt: string }).prompt, format.prompt(problem), problem);
    }
  });

  test('an unknown model name: a clear message naming the served one', async () => {
    await assert.rejects(
      connectRemoteEngineModels(bundle, remoteServer({ url: server.url, model: 'no-such-model' })),
      (error: unknown) => error instanceof RemoteServerError && errorCode(error) === 'server' && /has no model "no-such-model" \(it serves "tvm-policy"\)/.test(error.message),
    );
  });

  test('cancel stops a remote beam search promptly', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    await assert.rejects(solve(remote, { problem: PROBLEMS[1] as string, strategy: 'beam', k: 16, b: 4, maxSteps: 12, temperature: 1 }, controller.signal), { name: 'AbortError' });
    assert.ok(performance.now() - started < 3000);
  });
});
