import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDerivation, firstCollapse, hintForCheck, hintNextStep } from '../../../src/core/check/index.js';
import { BadRequestError } from '../../../src/core/search/index.js';
import { ScriptedPolicy, ScriptedVerifier, fakeEngine, solutionLines } from '../fakes.js';

/** 0.8 while the working is right; 0.1 from the token where "= 7" appears; 0.95 after "answer is 8". */
const arithmeticVerifier = () =>
  new ScriptedVerifier((text) => {
    if (/= 7/.test(text)) return 0.1;
    if (/answer is 8/.test(text)) return 0.95;
    return 0.8;
  });

const policy = () =>
  new ScriptedPolicy(({ prefix, sample }) => {
    const lines = solutionLines(prefix);
    if (lines.length === 0) return sample === 0 ? '3 + 5 = 7\n' : '3 + 5 = 8\n';
    return 'The answer is 8\n';
  });

const problem = 'What is 3 + 5?';

test('gives every token and every step the verifier value, the step value being its last token', async () => {
  const result = await checkDerivation(fakeEngine(policy(), arithmeticVerifier()), { problem, steps: ['3 + 5 = 8', 'The answer is 8'] });
  assert.equal(result.problemValue, 0.8);
  assert.deepEqual(result.steps.map((s) => s.value), [0.8, 0.95]);
  assert.deepEqual(result.steps.map((s) => s.before), [0.8, 0.8]);
  const first = result.steps[0];
  assert.equal(first?.tokens.map((t) => t.text).join(''), '3 + 5 = 8\n');
  assert.equal(first?.tokens.at(-1)?.value, first?.value);
  assert.equal(result.firstSuspicious, null);
  assert.equal(result.finished, true);
  assert.equal(result.reason, 'No step lowers the success estimate sharply; it ends at 95%.');
});

test('a final answer line ends with EOS, as the policy ends a solution; other lines with their line break', async () => {
  const engine = fakeEngine(policy(), arithmeticVerifier());
  const done = await checkDerivation(engine, { problem, steps: ['3 + 5 = 8', 'The answer is 8'] });
  assert.deepEqual(done.steps.map((s) => s.tokens.at(-1)?.id), [engine.tokenizer.encode('\n').at(-1), engine.tokenizer.eosId]);
  const unfinished = await checkDerivation(engine, { problem, steps: ['The answer is 8', '3 + 5 = 8'] });
  assert.deepEqual(unfinished.steps.map((s) => s.tokens.at(-1)?.text), ['\n', '\n']);
});

test('flags the first step whose value collapses and names the token where it falls', async () => {
  const result = await checkDerivation(fakeEngine(policy(), arithmeticVerifier()), {
    problem,
    steps: ['Add the numbers.', '3 + 5 = 7', 'The answer is 7'],
  });
  assert.equal(result.firstSuspicious, 1);
  assert.equal(result.steps[1]?.tokens[result.suspiciousToken ?? -1]?.text, '7');
  assert.equal(result.reason, 'Step 2 drops the success estimate from 80% to 10% (mostly at “7”): check the arithmetic in this line.');
});

test('collapse means a large relative drop, or falling below the threshold from above it', () => {
  const options = { threshold: 0.5, relativeDrop: 0.5, minDrop: 0.1 };
  assert.equal(firstCollapse(0.9, [0.85, 0.8, 0.3], options), 2); // crosses 0.5
  assert.equal(firstCollapse(0.52, [0.49, 0.47], options), null); // crosses, but by less than minDrop
  assert.equal(firstCollapse(0.9, [0.6, 0.55, 0.52], options), null); // declines but stays above
  assert.equal(firstCollapse(0.3, [0.28, 0.25, 0.1], options), 2); // hard problem: only the halving counts
  assert.equal(firstCollapse(0.3, [0.28, 0.25, 0.2], options), null);
  assert.equal(firstCollapse(0.9, [0.9, 0.5], { threshold: 0.2, relativeDrop: 0.4, minDrop: 0.1 }), 1);
});

test('a derivation that stays low without a sharp drop gets a different explanation', async () => {
  const low = new ScriptedVerifier(() => 0.2);
  const result = await checkDerivation(fakeEngine(policy(), low), { problem, steps: ['Guess.', 'Guess again.'] });
  assert.equal(result.firstSuspicious, null);
  assert.match(result.reason, /stays low \(20%\)/);
});

test('rejects an empty problem, no steps, blank steps and out-of-range options', async () => {
  const engine = fakeEngine(policy(), arithmeticVerifier());
  await assert.rejects(checkDerivation(engine, { problem: ' ', steps: ['a'] }), BadRequestError);
  await assert.rejects(checkDerivation(engine, { problem, steps: [] }), /no steps/);
  await assert.rejects(checkDerivation(engine, { problem, steps: ['a', ' '] }), /step 2 is empty/);
  await assert.rejects(checkDerivation(engine, { problem, steps: ['a'] }, { threshold: 2 }), BadRequestError);
  await assert.rejects(checkDerivation(engine, { problem, steps: ['a'] }, { verifier: 'orm' }), /has no orm verifier/);
});

test('the hint continues the user prefix by one step and picks the best-valued candidate', async () => {
  const p = policy();
  const hint = await hintNextStep(fakeEngine(p, arithmeticVerifier()), { problem, steps: [] }, { k: 2 });
  assert.equal(p.calls.length, 1);
  assert.equal(p.calls[0]?.samplesPerPrompt, 2);
  assert.equal(hint.text, '3 + 5 = 8');
  assert.equal(hint.value, 0.8);
  assert.equal(hint.position, 0);
  assert.equal(hint.finished, false);
});

test('a check hint replaces the first suspicious step, continues sound working, and is absent when done', async () => {
  const engine = fakeEngine(policy(), arithmeticVerifier());
  const wrong = { problem, steps: ['3 + 5 = 7', 'The answer is 7'] };
  const replacement = await hintForCheck(engine, wrong, await checkDerivation(engine, wrong), { k: 2 });
  assert.deepEqual([replacement?.position, replacement?.text], [0, '3 + 5 = 8']);

  const partial = { problem, steps: ['3 + 5 = 8'] };
  const next = await hintForCheck(engine, partial, await checkDerivation(engine, partial), { k: 2 });
  assert.deepEqual([next?.position, next?.text, next?.finished], [1, 'The answer is 8', true]);

  const done = { problem, steps: ['3 + 5 = 8', 'The answer is 8'] };
  assert.equal(await hintForCheck(engine, done, await checkDerivation(engine, done)), null);
});

test('checking aborts with an AbortError', async () => {
  await assert.rejects(
    checkDerivation(fakeEngine(policy(), arithmeticVerifier()), { problem, steps: ['a'] }, {}, AbortSignal.abort()),
    { name: 'AbortError' },
  );
});
