// The remote engine's request logic (n, stop at the delimiter, calculator cut-and-continue,
// token log-probabilities by echo or per position) against a loopback server that answers like
// llama.cpp's llama-server — token-id prompts, the stop token left out of the reply, echo refused —
// computing its completions with the same ONNX policy as the local engine. A scripted stand-in
// for unit tests: the real-server suite is test/remote-server (npm run test:remote).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBundle, type LoadedBundle } from '../../../src/core/bundle/loadBundle.js';
import { checkDerivation } from '../../../src/core/check/index.js';
import type { Continuation, EngineModels } from '../../../src/core/lm.js';
import { CompletionsClient } from '../../../src/core/remote/completionsClient.js';
import { createRemoteModels } from '../../../src/core/remote/remoteEngineModels.js';
import { remoteServer } from '../../../src/core/remote/remoteServer.js';
import { bundleTokenLogprobs, createEngineModels, stepEndTokens } from '../../../src/core/runtime/engineModels.js';
import { PolicySession } from '../../../src/core/runtime/policySession.js';
import { solve } from '../../../src/core/solve.js';
import { json, scriptedServer, type ScriptedServer } from '../../helpers/scriptedServer.js';

const BUNDLE = 'models/default';
/** Both sides compute log-probabilities in JS from the same logits; only summation order may differ. */
const TOLERANCE = 1e-5;

interface Body {
  prompt: number[];
  max_tokens: number;
  n?: number;
  temperature: number;
  seed: number;
  stop?: string[];
  echo?: boolean;
  n_probs?: number;
}

/** A llama-server look-alike over `bundle`'s policy; `honourN: false` answers one choice whatever `n` is (llama-cpp-python's server). */
function llamaLikeServer(bundle: LoadedBundle, honourN: boolean): Promise<ScriptedServer> {
  const recorded = new Map<string, Float32Array>();
  const policy = new PolicySession(bundle.models.policy, {
    eosId: bundle.tokenizer.eosId,
    stepEndTokens: stepEndTokens(bundle),
    vocabSize: bundle.tokenizer.vocabSize,
    maxPositions: bundle.info.maxPositions,
    onContinuation: (prompt, tokens, logprobs) => recorded.set([...prompt, ...tokens].join(','), logprobs),
  });
  // One batch per scored position (the whole vocabulary after one prompt).
  const scorer = bundleTokenLogprobs(bundle, 1024);
  const vocab = Array.from({ length: bundle.tokenizer.vocabSize }, (_, id) => id);
  return scriptedServer([
    (request, res) => {
      if (request.url === '/v1/models') return json(200, { data: [{ id: 'tvm-policy' }] })(request, res);
      const body = JSON.parse(request.body) as Body;
      if (body.echo) return json(400, { error: { code: 400, message: 'Only no echo is supported', type: 'invalid_request_error' } })(request, res);
      void (async () => {
        if (body.n_probs !== undefined && body.max_tokens === 1) {
          // The next-token distribution after the prompt: each token's log-probability as the last of prompt + token.
          const rows = await scorer.score(vocab.map((id) => [...body.prompt, id]));
          const top = vocab.map((id) => ({ id, logprob: (rows[id] as Float32Array)[body.prompt.length] as number })).sort((a, b) => b.logprob - a.logprob).slice(0, body.n_probs);
          return json(200, { choices: [{ index: 0, text: '', finish_reason: 'length', logprobs: { content: [{ ...(top[0] as object), top_logprobs: top }] } }] })(request, res);
        }
        const n = honourN ? body.n ?? 1 : 1;
        const [continuations] = (await policy.sample([body.prompt], n, { temperature: body.temperature, seed: body.seed, maxNewTokens: body.max_tokens, stopAtStepEnd: (body.stop ?? []).length > 0 })) as [Continuation[]];
        const choices = continuations.map((c, index) => {
          const logprobs = recorded.get([...body.prompt, ...c.tokens].join(',')) as Float32Array;
          // llama.cpp leaves the stop string's token out of the reply.
          const kept = c.finish === 'step' ? c.tokens.length - 1 : c.tokens.length;
          return {
            index,
            text: bundle.tokenizer.decode(c.tokens.slice(0, kept)),
            finish_reason: c.finish === 'length' ? 'length' : 'stop',
            logprobs: { content: c.tokens.slice(0, kept).map((id, k) => ({ id, logprob: logprobs[k], top_logprobs: [] })) },
          };
        });
        json(200, { choices })(request, res);
      })().catch((error: unknown) => json(500, { error: { message: String(error) } })(request, res));
    },
  ]);
}

describe('remote engine against a llama-server look-alike over the same ONNX policy', () => {
  let bundle: LoadedBundle;
  let local: EngineModels;
  const servers: ScriptedServer[] = [];
  const remoteModels = async (honourN: boolean): Promise<{ models: EngineModels; server: ScriptedServer }> => {
    const server = await llamaLikeServer(bundle, honourN);
    servers.push(server);
    return { models: createRemoteModels(bundle, new CompletionsClient(remoteServer({ url: server.url, model: 'tvm-policy' }))), server };
  };

  before(async () => {
    bundle = await loadBundle(BUNDLE, { device: 'cpu' });
    // The remote policy cannot report its surprise at a problem, so the remote engine shows raw
    // values ("uncalibrated"): the local ones it must match are the raw ones too.
    const { calibration: _calibration, ...raw } = bundle.info;
    local = { ...createEngineModels(bundle), info: raw };
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await bundle?.release();
  });

  test('greedy and beam at temperature 0: the local steps, answer and values (calculator on)', async () => {
    const { models } = await remoteModels(true);
    for (const problem of ['What is $23 \\times 4$?', 'Solve $3x + 7 = 22$.']) {
      for (const strategy of ['greedy', 'beam'] as const) {
        const request = { problem, strategy, k: 4, b: 2, maxSteps: 8, temperature: 0 };
        const mine = await solve(local, request);
        const theirs = await solve(models, request);
        assert.deepEqual([theirs.familiarity.surprise, theirs.familiarity.calibrated], [null, false]);
        assert.deepEqual(theirs.steps, mine.steps, `${strategy}: ${problem}`);
        assert.equal(theirs.trace.answer, mine.trace.answer);
        theirs.trace.chosen.forEach((step, i) => assert.ok(Math.abs((step.value ?? 0) - (mine.trace.chosen[i]?.value ?? 0)) <= TOLERANCE, `${strategy} step ${i}`));
      }
    }
  });

  test('a server that ignores n: the missing samples come from parallel requests', async () => {
    const { models, server } = await remoteModels(false);
    const prompt = bundle.tokenizer.encode('Q: What is $23 \\times 4$?\n');
    const [samples] = (await models.policy.sample([prompt], 4, { temperature: 1, seed: 3, maxNewTokens: 32, stopAtStepEnd: true })) as [Continuation[]];
    assert.equal(samples.length, 4);
    assert.equal(server.seen.filter((r) => r.url === '/v1/completions').length >= 4, true);
    for (const sample of samples) assert.ok(sample.finish !== 'step' || stepEndTokens(bundle)[sample.tokens.at(-1) as number] === 1, 'a step ends with its delimiter token');
  });

  test('check my steps: the student\'s lines scored per position (echo refused), the local values', async () => {
    const { models } = await remoteModels(true);
    const params = { problem: 'What is $23 \\times 4$?', steps: ['$23 \\times 4 = 82$', 'The answer is 82'] };
    const mine = await checkDerivation(local, params, {});
    const theirs = await checkDerivation(models, params, {});
    assert.equal(theirs.firstSuspicious, mine.firstSuspicious);
    assert.equal(theirs.firstFalse, mine.firstFalse);
    theirs.steps.forEach((step, i) => assert.ok(Math.abs(step.value - (mine.steps[i]?.value as number)) <= TOLERANCE, `line ${i}: ${step.value} vs ${mine.steps[i]?.value}`));
  });
});
