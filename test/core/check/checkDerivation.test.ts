import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDerivation, firstCollapse, firstFlagged, hintForCheck, hintNextStep, tvmWarningStands } from '../../../src/core/check/index.js';
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
  const tvmAlone = await checkDerivation(fakeEngine(policy(), arithmeticVerifier()), { problem, steps: ['Add the numbers.', '3 + 5 = 7', 'The answer is 7'] }, { exact: false });
  assert.deepEqual([tvmAlone.firstSuspicious, tvmAlone.warningStands, tvmAlone.firstFlagged], [1, true, 1], 'no exact verdict explains the collapse');
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

// ── Exact math beside the TVM ──────────────────────────────────────────────────────────────────

const timesProblem = 'What is $23 \\times 4$?';

test('every line gets its exact verdict; a false line states the right value, and the line after a slip is judged on its own', async () => {
  const flat = new ScriptedVerifier(() => 0.7);
  const steps = ['$23 \\times 4 = 91$', '$91 + 1 = 92$', 'The answer is 92'];
  const result = await checkDerivation(fakeEngine(policy(), flat), { problem: timesProblem, steps });
  // The answer line is checked against the problem: 92 is 23 × 4.
  assert.deepEqual(result.steps.map((s) => s.exact?.verdict), ['false', 'true', 'true']);
  assert.equal(result.steps[0]?.exact?.expected, '92');
  assert.match(result.steps[0]?.exact?.message ?? '', /^23 \\times 4 = 91 is false: 23 \\times 4 = 92$/);
  assert.equal(result.firstFalse, 0);
  // The TVM saw nothing: the exact verdict does not depend on its values.
  assert.equal(result.firstSuspicious, null);
  assert.equal(result.verified, true, '92 is 23 × 4');
  // The engine's decisions travel in the result, for the extension to read rather than recompute.
  assert.deepEqual([result.warningStands, result.firstFlagged], [false, 0]);
  const wrongAnswer = await checkDerivation(fakeEngine(policy(), flat), { problem: timesProblem, steps: ['$23 \\times 4 = 91$', 'The answer is 91'] });
  assert.equal(wrongAnswer.verified, false);
  const unfinished = await checkDerivation(fakeEngine(policy(), flat), { problem: timesProblem, steps: ['$23 \\times 4 = 92$'] });
  assert.deepEqual([unfinished.firstFalse, unfinished.verified, unfinished.firstFlagged], [null, null, null]);
});

test('an equation that does not follow names a witness', async () => {
  const result = await checkDerivation(fakeEngine(policy(), new ScriptedVerifier(() => 0.7)), { problem: 'Solve $3x + 7 = 22$.', steps: ['$3x = 15$', '$x = 6$', 'The answer is 6'] });
  assert.deepEqual(result.steps.map((s) => s.exact?.verdict), ['follows', 'does-not-follow', 'false']);
  assert.equal(result.steps[2]?.exact?.message, '6 does not satisfy the problem');
  assert.equal(result.steps[1]?.exact?.witness, 'x = 6');
  assert.deepEqual([result.firstFalse, result.verified, result.firstFlagged], [1, false, 1]);
});

test('exact: false computes no exact verdicts (the TVM alone)', async () => {
  const result = await checkDerivation(fakeEngine(policy(), new ScriptedVerifier(() => 0.7)), { problem: timesProblem, steps: ['$23 \\times 4 = 91$', 'The answer is 91'] }, { exact: false });
  assert.deepEqual(result.steps.map((s) => s.exact), [null, null]);
  assert.deepEqual([result.firstFalse, result.verified], [null, null]);
});

test('a TVM warning stands unless an exact error at or before it explains it, the line provably follows, or the answer is verified with no false line', () => {
  const steps = (...verdicts: Array<'true' | 'false' | 'follows' | 'does-not-follow' | 'unknown' | null>) => verdicts.map((v) => ({ exact: v && { verdict: v } }));
  const check = (firstSuspicious: number | null, firstFalse: number | null, exact: ReturnType<typeof steps>, verified: boolean | null = null) => ({ steps: exact, firstSuspicious, firstFalse, verified });
  assert.equal(tvmWarningStands(check(1, null, steps('unknown', 'unknown'))), true);
  assert.equal(tvmWarningStands(check(1, 1, steps('true', 'false'))), false, 'the exact error says it');
  assert.equal(tvmWarningStands(check(2, 0, steps('false', 'true', 'unknown'))), false, 'the value stays low after a slip');
  assert.equal(tvmWarningStands(check(0, 1, steps('unknown', 'false'))), true, 'an earlier collapse the exact module cannot explain');
  assert.equal(tvmWarningStands(check(1, null, steps('follows', 'follows'))), false);
  assert.equal(tvmWarningStands(check(1, null, steps('true', 'true'))), true, 'true arithmetic can be the wrong calculation');
  assert.equal(tvmWarningStands(check(null, 0, steps('false'))), false);
  assert.equal(tvmWarningStands(check(1, null, steps('true', 'unknown', 'true'), true)), false, 'the answer is verified and no line is false: nothing collapsed');
  assert.equal(tvmWarningStands(check(0, 2, steps('unknown', 'true', 'false'), true)), true, 'a false line later keeps an earlier collapse');

  assert.equal(firstFlagged(check(2, 1, steps('true', 'false', 'unknown'))), 1);
  assert.equal(firstFlagged(check(0, 1, steps('unknown', 'false'))), 0);
  assert.equal(firstFlagged(check(1, null, steps('follows', 'follows'))), null);
  assert.equal(firstFlagged(check(null, null, steps('true', 'unknown'), false)), 1, 'a final answer that does not satisfy the problem');
  assert.equal(firstFlagged(check(null, null, steps('true', 'unknown'), true)), null);
});

/** Rates "= 7" above "= 8": the verifier prefers the false line. */
const misledVerifier = () => new ScriptedVerifier((text) => (/= 7|answer is 7/.test(text) ? 0.9 : 0.6));

test('a hint never proposes a line exact math contradicts: the best candidate that is not false wins', async () => {
  const withExact = await hintNextStep(fakeEngine(policy(), misledVerifier()), { problem, steps: [] }, { k: 2 });
  assert.deepEqual([withExact.outcome, withExact.text, withExact.rejected, withExact.exact?.verdict], ['step', '3 + 5 = 8', 1, 'true']);
  assert.equal(withExact.value, 0.6);
  const without = await hintNextStep(fakeEngine(policy(), misledVerifier()), { problem, steps: [] }, { k: 2, exact: false });
  assert.deepEqual([without.text, without.rejected, without.exact], ['3 + 5 = 7', 0, null]);
});

test('a hint that would state an answer the problem refutes is passed over too', async () => {
  const answers = new ScriptedPolicy(({ sample }) => (sample === 0 ? 'The answer is 7\n' : 'The answer is 8\n'));
  const hint = await hintNextStep(fakeEngine(answers, misledVerifier()), { problem, steps: ['3 + 5 = 8'] }, { k: 2 });
  assert.deepEqual([hint.text, hint.finished, hint.rejected], ['The answer is 8', true, 1]);
});

test('when exact math contradicts every candidate, the hint says so instead of proposing one', async () => {
  const wrongOnly = new ScriptedPolicy(() => '3 + 5 = 7\n');
  const hint = await hintNextStep(fakeEngine(wrongOnly, misledVerifier()), { problem, steps: [] }, { k: 3 });
  assert.deepEqual([hint.outcome, hint.text, hint.rejected, hint.finished], ['all-contradicted', '', 3, false]);
});

test('a check hint replaces the first exactly false line even when the TVM saw nothing', async () => {
  const engine = fakeEngine(policy(), new ScriptedVerifier(() => 0.8));
  const request = { problem, steps: ['3 + 5 = 7', '7 + 0 = 7', 'The answer is 7'] };
  const check = await checkDerivation(engine, request);
  assert.deepEqual([check.firstSuspicious, check.firstFalse], [null, 0]);
  const hint = await hintForCheck(engine, request, check, { k: 2 });
  assert.deepEqual([hint?.position, hint?.text], [0, '3 + 5 = 8']);
  assert.equal(await hintForCheck(engine, request, await checkDerivation(engine, request, { exact: false }), { k: 2, exact: false }), null, 'without exact math the working looks done');
});
