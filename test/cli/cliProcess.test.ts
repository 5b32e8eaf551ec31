// The CLI as users run it: a separate process, exit codes 0/2, JSON on stdout. Model-backed cases
// use the real bundle (models/default) when present, else the tiny random fixture bundle; they
// check shapes and exit codes, not answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BUNDLE = 'models/default';

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ORT_DISABLE_TELEMETRY: '1' },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temp = mkdtempSync(join(tmpdir(), 'tvm-cli-'));
// Worded as the bundled policy's curriculum words it (its first validation problem), so familiar to it.
const CURRICULUM_PROBLEM = 'Calculate 1198 - 60.';

test('bad input exits 2 with a message that says what to change', () => {
  const cases: Array<[string[], RegExp]> = [
    [['solve'], /solve needs the problem text/],
    [['solve', '--strategy', 'mcts', 'x'], /--strategy must be one of/],
    [['solve', '-k', 'many', 'x'], /--k must be an integer/],
    [['solve', '--device', 'tpu', 'x'], /--device must be auto, cpu or cuda/],
    [['check', '--problem', 'x'], /--steps-file FILE .* or --steps/],
    [['eval', '--input', join(temp, 'missing.jsonl')], /cannot read --input/],
    [['solve', '--bundle', join(temp, 'nowhere'), 'x'], /is not a folder/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ];
  writeFileSync(join(temp, 'bad.jsonl'), '{"question": "q"}\n');
  cases.push([['eval', '--input', join(temp, 'bad.jsonl')], /line 1 needs a string "question" and a string or number "answer"/]);
  for (const [args, message] of cases) {
    const { status, stderr } = cli(...args);
    assert.equal(status, 2, `${args.join(' ')} → ${stderr}`);
    assert.match(stderr, message);
  }
});

test('--help prints the usage and exits 0', () => {
  const { status, stdout } = cli('--help');
  assert.equal(status, 0);
  assert.match(stdout, /tvm-tutor solve/);
});

test('solve --json prints the answer, valued steps, the strategy and the trace', () => {
  const { status, stdout, stderr } = cli('solve', '--bundle', BUNDLE, '--json', '-k', '4', '-b', '2', '--max-steps', '4', CURRICULUM_PROBLEM);
  assert.equal(status, 0, stderr);
  const out = JSON.parse(stdout);
  assert.deepEqual(Object.keys(out).sort(), ['answer', 'familiarity', 'steps', 'strategy', 'trace', 'verified']);
  assert.deepEqual([out.familiarity.unfamiliar, out.familiarity.calibrated, out.familiarity.splitWords], [false, true, 0]);
  assert.ok(out.familiarity.surprise > 0);
  // The answer checked against the problem itself: 1198 - 60 is exactly 1138.
  assert.equal(out.verified, out.answer === null ? null : out.answer.trim() === '1138');
  assert.equal(out.strategy, 'beam');
  assert.ok(out.answer === null || typeof out.answer === 'string');
  for (const step of out.steps) {
    assert.equal(typeof step.text, 'string');
    assert.ok(step.value >= 0 && step.value <= 1);
  }
  assert.deepEqual([out.trace.params.k, out.trace.params.b, out.trace.params.verifier], [4, 2, 'tvm']);
});

test('solve prints readable steps with percentages', () => {
  const { status, stdout, stderr } = cli('solve', '--bundle', BUNDLE, '--strategy', 'greedy', '--max-steps', '4', CURRICULUM_PROBLEM);
  assert.equal(status, 0, stderr);
  assert.match(stdout, /^greedy decoding, seed 0 \(\d+\.\d s\): steps valued by the TVM\n/);
  assert.match(stdout, /\[\s*\d+%\]/);
  assert.doesNotMatch(stdout, /Note:/, 'a curriculum problem gets no caution');
});

test('solve and check say "unfamiliar problem" for a problem unlike the curriculum', () => {
  const problem = 'Sam has 60 zorbly apples and qwimble 3 of them. How many are left?';
  const solved = cli('solve', '--bundle', BUNDLE, '--strategy', 'greedy', '--max-steps', '3', problem);
  assert.equal(solved.status, 0, solved.stderr);
  assert.match(solved.stdout, /\nNote: Unfamiliar problem: .* the percentages are lowered to match\.\n$/);
  const checked = cli('check', '--bundle', BUNDLE, '--json', '-k', '2', '--problem', problem, '--steps', '$60 - 3 = 57$');
  assert.equal(checked.status, 0, checked.stderr);
  const { familiarity } = JSON.parse(checked.stdout);
  assert.deepEqual([familiarity.unfamiliar, familiarity.calibrated, familiarity.splitWords], [true, true, 2]);
});

test('check --json scores each step and token, names the first suspicious step and gives a hint', () => {
  const { status, stdout, stderr } = cli('check', '--bundle', BUNDLE, '--json', '-k', '2', '--problem', 'What is 2 + 3?', '--steps', '$2 + 3 = 6$', '--steps', 'The answer is 6');
  assert.equal(status, 0, stderr);
  const out = JSON.parse(stdout);
  assert.deepEqual(Object.keys(out).sort(), ['familiarity', 'firstFalse', 'firstSuspicious', 'hint', 'reason', 'steps', 'verified']);
  assert.equal(out.steps.length, 2);
  out.steps.forEach((step: { text: string; value: number; tokens: { text: string; value: number }[] }, i: number) => {
    assert.ok(step.tokens.length > 0);
    assert.equal(step.tokens.at(-1)?.value, step.value);
    // Every line ends with its line break, but the final answer ends as the policy ends one: EOS.
    assert.equal(step.tokens.map((t) => t.text).join(''), `${step.text}${i === out.steps.length - 1 ? '<|eos|>' : '\n'}`);
  });
  assert.ok(out.firstSuspicious === null || Number.isInteger(out.firstSuspicious));
  assert.equal(typeof out.reason, 'string');
  if (out.hint !== null) assert.deepEqual(Object.keys(out.hint).sort(), ['exact', 'outcome', 'position', 'rejected', 'text', 'value']);
});

const TIMES = ['--problem', 'What is $23 \\times 4$?', '--steps', '$23 \\times 4 = 91$', '--steps', '$91 + 1 = 92$', '--steps', 'The answer is 92'];

test('check --json gives each step its exact verdict: a planted false line with the right value, the line after it judged on its own', () => {
  const { status, stdout, stderr } = cli('check', '--bundle', BUNDLE, '--json', '-k', '2', ...TIMES);
  assert.equal(status, 0, stderr);
  const out = JSON.parse(stdout);
  assert.deepEqual(out.steps[0].exact, { verdict: 'false', expected: '92', message: '23 \\times 4 = 91 is false: 23 \\times 4 = 92' });
  assert.equal(out.steps[1].exact.verdict, 'true');
  assert.equal(out.steps[2].exact.verdict, 'true');
  assert.equal(out.firstFalse, 0);
  assert.equal(out.verified, true);
  // The hint replaces the false line, and is never a line exact math contradicts.
  assert.equal(out.hint.position, 0);
  assert.ok(out.hint.exact === null || !['false', 'does-not-follow'].includes(out.hint.exact.verdict), JSON.stringify(out.hint));
});

test('check text names the false line with the fact; --no-exact turns exact verdicts off', () => {
  const text = cli('check', '--bundle', BUNDLE, '-k', '2', ...TIMES);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /1\. \[\s*\d+%\] \$23 \\times 4 = 91\$ {2}<- 23 \\times 4 = 91 is false: 23 \\times 4 = 92/);
  assert.match(text.stdout, /3\. \[\s*\d+%\] The answer is 92 {2}<- verified$/m);

  const { status, stdout, stderr } = cli('check', '--bundle', BUNDLE, '--json', '--no-exact', '-k', '2', ...TIMES);
  assert.equal(status, 0, stderr);
  const out = JSON.parse(stdout);
  assert.deepEqual(out.steps.map((s: { exact: unknown }) => s.exact), [null, null, null]);
  assert.deepEqual([out.firstFalse, out.verified], [null, null]);
  if (out.hint !== null) assert.deepEqual([out.hint.exact, out.hint.rejected], [null, 0]);
});

test('solve --no-exact: no calculator, no verdicts, nothing verified', () => {
  const { status, stdout, stderr } = cli('solve', '--bundle', BUNDLE, '--json', '--no-exact', '--strategy', 'greedy', '--max-steps', '3', 'What is 2 + 3?');
  assert.equal(status, 0, stderr);
  const out = JSON.parse(stdout);
  assert.equal(out.verified, null);
  assert.equal(out.trace.params.exact, false);
  assert.ok(out.trace.chosen.every((s: { exact?: unknown; calculated?: unknown }) => s.exact === undefined && s.calculated === undefined));
});

test('check reads steps from a file', () => {
  const file = join(temp, 'steps.txt');
  writeFileSync(file, '$2 + 3 = 5$\n\nThe answer is 5\n');
  const { status, stdout, stderr } = cli('check', '--bundle', BUNDLE, '-k', '2', '--problem', 'What is 2 + 3?', '--steps-file', file);
  assert.equal(status, 0, stderr);
  assert.match(stdout, /1\. \[\s*\d+%\] \$2 \+ 3 = 5\$/);
  assert.match(stdout, /2\. \[\s*\d+%\] The answer is 5/);
});

test('eval --json reports accuracy over a JSONL file with bare and GSM8K-style answers', () => {
  const file = join(temp, 'eval.jsonl');
  writeFileSync(file, ['{"question": "What is 2 + 3?", "answer": "5"}', '{"question": "What is 4 + 4?", "answer": "4 + 4 = 8\\n#### 8"}', '{"question": "skipped by --limit", "answer": 1}'].join('\n'));
  const { status, stdout, stderr } = cli('eval', '--bundle', BUNDLE, '--json', '--strategy', 'greedy', '--max-steps', '4', '--limit', '2', '--input', file);
  assert.equal(status, 0, stderr);
  const out = JSON.parse(stdout);
  assert.equal(out.n, 2);
  assert.equal(out.accuracy, out.correct / 2);
  assert.deepEqual(out.results.map((r: { reference: string }) => r.reference), ['5', '8']);
});

test('a verifier the bundle lacks is bad input', () => {
  // The shipped extension's bundle has no PRM: the fixture bundle has only the policy and the TVM.
  const { status, stderr } = cli('solve', '--bundle', 'test/fixtures/bundle-mqa', '--verifier', 'prm', 'x');
  assert.equal(status, 2);
  assert.match(stderr, /has no prm verifier/);
});
