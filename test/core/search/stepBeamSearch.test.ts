import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stepBeamSearch, BadRequestError, type SearchProgress, type SearchTrace } from '../../../src/core/search/index.js';
import { ScriptedPolicy, ScriptedVerifier, fakeModels, fakeInfo, solutionLines, type ScriptCall } from '../fakes.js';

/** Value = NN/100 for the last "v=NN" in the text so far; 0.5 before any. */
function verifier() {
  return new ScriptedVerifier((text) => {
    const last = [...text.matchAll(/v=(\d+)/g)].at(-1);
    return last ? Number(last[1]) / 100 : 0.5;
  });
}

/** Depth d, sample j → "d<d>s<j> v=<value>" where value rises with j; depth 2 answers. */
function ladder({ prefix, sample }: ScriptCall): string {
  const depth = solutionLines(prefix).length;
  const value = 10 + 10 * sample;
  if (depth === 2) return `v=${value} The answer is ${sample}\n`;
  return `d${depth}s${sample} v=${value}\n`;
}

function withoutTimings(trace: SearchTrace) {
  return { ...trace, timings: null };
}

test('samples K from the root, then K/b from each of the b live beams, in one batched call per step', async () => {
  const policy = new ScriptedPolicy(ladder);
  await stepBeamSearch('2+3', fakeModels(policy, verifier()), { k: 8, b: 2 });
  assert.deepEqual(
    policy.calls.map((c) => [c.prompts.length, c.samplesPerPrompt]),
    [
      [1, 8],
      [2, 4],
      [2, 4],
    ],
  );
  assert.ok(policy.calls.every((c) => c.options.stopAtStepEnd && c.options.maxNewTokens === 64));
});

test('keeps exactly the b highest-valued candidates of each step and ranks all of them', async () => {
  const trace = await stepBeamSearch('2+3', fakeModels(new ScriptedPolicy(ladder), verifier()), { k: 8, b: 2 });
  const first = trace.steps[0];
  assert.ok(first);
  assert.equal(first.beams.length, 1);
  const candidates = first.beams[0]?.candidates ?? [];
  assert.equal(candidates.length, 8);
  assert.deepEqual(
    candidates.filter((c) => c.kept).map((c) => c.text),
    ['d0s6 v=70', 'd0s7 v=80'],
  );
  assert.deepEqual(candidates.map((c) => c.rank).sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7]);
  // The next step's beams continue exactly the kept candidates, best first.
  assert.deepEqual(trace.steps[1]?.beams.map((b) => b.fromCandidate), ['0.0.7', '0.0.6']);
  assert.deepEqual(trace.steps[1]?.beams.map((b) => b.value), [0.8, 0.7]);
  for (const step of trace.steps) {
    const all = step.beams.flatMap((b) => b.candidates);
    assert.equal(all.filter((c) => c.kept).length, 2);
    for (const c of all) assert.equal(c.parentBeam, step.beams.findIndex((b) => b.candidates.includes(c)));
  }
});

test('scores every candidate as prefix + step and reports per-token values ending at the step value', async () => {
  const v = verifier();
  const trace = await stepBeamSearch('2+3', fakeModels(new ScriptedPolicy(ladder), v), { k: 4, b: 2 });
  // The second scoring call sees the kept prefixes followed by the new steps.
  assert.ok(v.calls[1]?.every((s) => s.startsWith('Q: 2+3\nd0s3 v=40\n') || s.startsWith('Q: 2+3\nd0s2 v=30\n')));
  for (const c of trace.steps.flatMap((s) => s.beams.flatMap((b) => b.candidates))) {
    assert.equal(c.tokenValues?.length, c.tokenIds.length);
    assert.equal(c.tokenTexts.length, c.tokenIds.length);
    assert.equal(c.value, c.tokenValues?.at(-1));
  }
});

test('sets finished beams aside, shrinks the beam width, and answers with the highest-valued finished path', async () => {
  const policy = new ScriptedPolicy(({ prefix, sample }) => {
    const depth = solutionLines(prefix).length;
    if (depth === 0) return ['v=90 The answer is 7\n', 'go on v=80\n', 'meh v=20\n', 'meh v=10\n'][sample] as string;
    return `v=${50 + sample} The answer is 8\n`;
  });
  const trace = await stepBeamSearch('x', fakeModels(policy, verifier()), { k: 4, b: 2 });
  assert.deepEqual(
    policy.calls.map((c) => [c.prompts.length, c.samplesPerPrompt]),
    [
      [1, 4],
      [1, 2],
    ],
  );
  const first = trace.steps[0]?.beams[0]?.candidates ?? [];
  assert.equal(first[0]?.finished, true);
  assert.equal(first[0]?.answer, '7');
  assert.equal(trace.answer, '7'); // 0.90 beats the later finished path's 0.51
  assert.equal(trace.outcome, 'answered');
  assert.deepEqual(trace.chosen.map((s) => s.candidateId), ['0.0.0']);
});

test('a later finished path wins when its value is higher', async () => {
  const policy = new ScriptedPolicy(({ prefix, sample }) => {
    const depth = solutionLines(prefix).length;
    if (depth === 0) return ['v=60 The answer is 7\n', 'go on v=80\n', 'meh v=20\n', 'meh v=10\n'][sample] as string;
    return `v=${95 - sample} The answer is 8\n`;
  });
  const trace = await stepBeamSearch('x', fakeModels(policy, verifier()), { k: 4, b: 2 });
  assert.equal(trace.answer, '8');
  assert.deepEqual(trace.chosen.map((s) => s.text), ['go on v=80', 'v=95 The answer is 8']);
  assert.equal(trace.chosen[1]?.value, 0.95);
});

test('an EOS ends a path even without an answer line', async () => {
  const policy = new ScriptedPolicy(() => 'gives up v=70\u0000');
  const trace = await stepBeamSearch('x', fakeModels(policy, verifier()), { k: 2, b: 2 });
  assert.equal(trace.steps.length, 1);
  assert.ok(trace.steps[0]?.beams[0]?.candidates.every((c) => c.finished && c.finish === 'eos' && c.answer === null));
  assert.equal(trace.outcome, 'no-answer');
});

test('stops after maxSteps and returns the best live beam when nothing finished', async () => {
  const policy = new ScriptedPolicy(({ sample }) => `more v=${40 + sample}\n`);
  const trace = await stepBeamSearch('x', fakeModels(policy, verifier()), { k: 4, b: 2, maxSteps: 3 });
  assert.equal(trace.steps.length, 3);
  assert.equal(trace.chosen.length, 3);
  assert.equal(trace.answer, null);
  assert.equal(trace.outcome, 'no-answer');
});

test('a path that reaches maxPositions ends', async () => {
  const policy = new ScriptedPolicy(() => 'a long line v=50\n');
  const models = { ...fakeModels(policy, verifier()), info: { ...fakeInfo, maxPositions: 20 } };
  const trace = await stepBeamSearch('x', models, { k: 2, b: 1 });
  assert.equal(trace.steps.length, 1);
  assert.ok(trace.steps[0]?.beams[0]?.candidates.every((c) => c.finished));
});

test('continues the given prefix steps (hint mode)', async () => {
  const policy = new ScriptedPolicy(ladder);
  const trace = await stepBeamSearch('2+3', fakeModels(policy, verifier()), { k: 2, b: 1, maxSteps: 1, prefixSteps: ['first', 'second'] });
  assert.equal(policy.calls[0]?.prompts[0], 'Q: 2+3\nfirst\nsecond\n');
  assert.deepEqual(trace.prefixSteps, ['first', 'second']);
  // The script saw two lines already written, so it answered (depth 2).
  assert.equal(trace.steps[0]?.beams[0]?.candidates[0]?.text, 'v=10 The answer is 0');
});

test('is reproducible for a seed and gives every step its own sampling seed', async () => {
  const a = new ScriptedPolicy(ladder);
  const b = new ScriptedPolicy(ladder);
  const traceA = await stepBeamSearch('2+3', fakeModels(a, verifier()), { k: 4, b: 2, seed: 7 });
  const traceB = await stepBeamSearch('2+3', fakeModels(b, verifier()), { k: 4, b: 2, seed: 7 });
  assert.deepEqual(withoutTimings(traceA), withoutTimings(traceB));
  const seeds = a.calls.map((c) => c.options.seed);
  assert.equal(new Set(seeds).size, seeds.length);
  assert.deepEqual(traceA.params, { strategy: 'beam', verifier: 'tvm', ranking: null, k: 4, b: 2, temperature: 0.7, topK: undefined, topP: undefined, seed: 7, maxSteps: 12, maxStepTokens: 64, exact: true });
});

test('reports progress after every step and once when done', async () => {
  const events: SearchProgress[] = [];
  const trace = await stepBeamSearch('2+3', fakeModels(new ScriptedPolicy(ladder), verifier()), { k: 4, b: 2 }, undefined, (p) => events.push(p));
  const stepEvents = events.filter((e) => e.stage === 'step');
  assert.equal(stepEvents.length, trace.steps.length);
  assert.deepEqual(stepEvents.map((e) => e.depth), [0, 1, 2]);
  assert.equal(events.at(-1)?.stage, 'done');
  assert.equal(events.at(-1)?.sampledCandidates, 4 + 4 + 4);
  assert.equal(trace.timings.sampledCandidates, 12);
});

test('aborts between steps and inside model calls with an AbortError', async () => {
  const controller = new AbortController();
  const policy = new ScriptedPolicy(ladder);
  const run = stepBeamSearch('2+3', fakeModels(policy, verifier()), { k: 4, b: 2 }, controller.signal, (p) => {
    if (p.stage === 'step') controller.abort();
  });
  await assert.rejects(run, { name: 'AbortError' });
  assert.equal(policy.calls.length, 1);

  const aborted = AbortSignal.abort();
  const idle = new ScriptedPolicy(ladder);
  await assert.rejects(stepBeamSearch('2+3', fakeModels(idle, verifier()), {}, aborted), { name: 'AbortError' });
  assert.equal(idle.calls.length, 0);
});

test('rejects K that is not a multiple of b, b above K, and a missing verifier', async () => {
  const models = fakeModels(new ScriptedPolicy(ladder), verifier());
  await assert.rejects(stepBeamSearch('x', models, { k: 6, b: 4 }), BadRequestError);
  await assert.rejects(stepBeamSearch('x', models, { k: 2, b: 4 }), BadRequestError);
  await assert.rejects(stepBeamSearch('x', models, { k: 0 }), BadRequestError);
  await assert.rejects(stepBeamSearch('x', fakeModels(new ScriptedPolicy(ladder))), /needs a verifier/);
});

test('a problem that fills the model context is a bad request, not a crash', async () => {
  const models = { ...fakeModels(new ScriptedPolicy(ladder), verifier()), info: { ...fakeInfo, maxPositions: 10 } };
  await assert.rejects(stepBeamSearch('a rather long problem', models), /take \d+ tokens, but the model reads at most 10: shorten the problem/);
});

test('never keeps two candidates of one beam with the same text; the copies point at the better one', async () => {
  // Every root sample is one of two steps; without the check the b = 3 beams would be copies.
  const policy = new ScriptedPolicy(({ prefix, sample }) => {
    const depth = solutionLines(prefix).length;
    if (depth === 0) return sample % 2 === 0 ? 'same v=60\n' : 'other v=40\n';
    return `v=${50 + sample} The answer is ${sample}\n`;
  });
  const trace = await stepBeamSearch('x', fakeModels(policy, verifier()), { k: 6, b: 3 });
  const root = trace.steps[0]?.beams[0]?.candidates ?? [];
  assert.deepEqual(root.filter((c) => c.kept).map((c) => c.text), ['same v=60', 'other v=40']);
  assert.deepEqual(
    root.filter((c) => c.duplicateOf !== null).map((c) => [c.id, c.duplicateOf]),
    [['0.0.2', '0.0.0'], ['0.0.3', '0.0.1'], ['0.0.4', '0.0.0'], ['0.0.5', '0.0.1']],
  );
  assert.equal(trace.steps[1]?.beams.length, 2);
});
