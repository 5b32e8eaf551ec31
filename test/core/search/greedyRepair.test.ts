// Greedy decoding with exact math's repair (src/core/search/greedyRepair.ts) when a replacement
// line fills the model's context: the path ends there, as plain greedy decoding would, instead of
// asking the policy to continue from a full context (which the real PolicySession refuses).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Continuation, PolicyModel, SamplingOptions } from '../../../src/core/lm.js';
import { solve } from '../../../src/core/solve.js';
import { EOS, ScriptedPolicy, ScriptedVerifier, charCodec, fakeEngine, fakeInfo, type ScriptCall } from '../fakes.js';

const MAX_POSITIONS = 64;

/** A scripted policy held to a context of MAX_POSITIONS tokens, refusing a full one as PolicySession does. */
class BoundedPolicy implements PolicyModel {
  private readonly inner: ScriptedPolicy;
  constructor(script: (call: ScriptCall) => string) {
    this.inner = new ScriptedPolicy(script);
  }

  async sample(prompts: number[][], samplesPerPrompt: number, options: SamplingOptions, signal?: AbortSignal): Promise<Continuation[][]> {
    const longest = Math.max(...prompts.map((p) => p.length));
    if (longest >= MAX_POSITIONS) throw new RangeError(`a prompt has ${longest} tokens; the model takes at most ${MAX_POSITIONS} in all`);
    const room = MAX_POSITIONS - longest;
    const results = await this.inner.sample(prompts, samplesPerPrompt, { ...options, maxNewTokens: Math.min(options.maxNewTokens, room) }, signal);
    return results.map((row) => row.map((c) => (c.finish === 'eos' || c.tokens.length < room ? c : { ...c, finish: 'length' })));
  }
}

test('a repaired greedy line that fills the context ends the path instead of crashing the solve', async () => {
  const problem = 'What is $2 + 2$?';
  const prompt = charCodec.encode(fakeInfo.promptTemplate.replace('{problem}', problem));
  // Greedy writes a false line; every alternative sampled for it is true but runs to the end of the context.
  const policy = new BoundedPolicy(({ options }) =>
    options.temperature === 0 ? `$2 + 2 = 5$\nThe answer is 5\n${EOS}` : `$2 + 2 = 4$ ${'and so on '.repeat(10)}`,
  );
  const models = fakeEngine(policy, new ScriptedVerifier(() => 0.5), {}, { ...fakeInfo, maxPositions: MAX_POSITIONS });
  const result = await solve(models, { problem, strategy: 'greedy' });
  const shown = result.trace.chosen.map((step) => step.text).join('\n');
  assert.ok(!shown.includes('2 + 2 = 5'), `the false line is replaced: ${shown}`);
  assert.ok(shown.startsWith('$2 + 2 = 4$'), shown);
  assert.ok(prompt.length + result.trace.chosen.reduce((n, s) => n + s.tokenIds.length, 0) <= MAX_POSITIONS);
  assert.equal(result.answer, null, 'no answer line was written before the context ran out');
});
