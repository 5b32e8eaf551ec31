// The answer normaliser and the tokenizer on hostile text. Both see user text (a benchmark file's
// reference answers, the user's steps, problem statements) and model output: they must never
// throw, never hang, and the tokenizer must give back exactly what it was given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { answersEquivalent, compileAnswerPattern, extractAnswer, parseAnswer, referenceAnswer } from '../../src/core/grading/index.js';
import { BundleTokenizer } from '../../src/core/tokenizer.js';
import { TextFormat } from '../../src/core/search/format.js';
import { FIXTURE_BUNDLES, skipUnlessFixture } from '../helpers/bundles.js';
import { LIMIT_MS, MB, loneSurrogates, randomLatin1, randomUtf8, repeatTo, within } from './helpers.js';

// ─── answer normaliser ───────────────────────────────────────────────────────────────────────────

/** Inputs that made regular expressions or recursion in the normaliser quadratic or worse. */
const HOSTILE_ANSWERS: ReadonlyArray<[string, string]> = [
  ['1 MB of digits', '1'.repeat(MB)],
  ['1 MB of digits then a space', `${'7'.repeat(MB)} `],
  ['1 MB of dots then a letter', `${'.'.repeat(MB)}x`],
  ['1 MB of spaces inside', `1${' '.repeat(MB)}2`],
  ['nested \\frac{ 100 000 deep', '\\frac{'.repeat(100_000)],
  ['\\sqrt[ 100 000 times', '\\sqrt['.repeat(100_000)],
  ['unclosed \\text{ 100 000 times', '\\text{'.repeat(100_000)],
  ['1 MB of backslashes', '\\'.repeat(MB)],
  ['degrees with a space run', `30^${' '.repeat(MB)}`],
  ['percent with a space run', `50%${' '.repeat(MB)}x`],
  ['an expression power tower', '9^'.repeat(50_000) + '9'],
  ['random bytes as UTF-8', randomUtf8(256 * 1024)],
  ['random bytes as Latin-1', randomLatin1(256 * 1024)],
  ['lone surrogates', loneSurrogates(100_000)],
];

for (const [label, answer] of HOSTILE_ANSWERS) {
  test(`answer normaliser: ${label} — no throw, bounded time`, () => {
    within(LIMIT_MS.answer, `${label}: parseAnswer`, () => parseAnswer(answer));
    within(LIMIT_MS.answer, `${label}: answersEquivalent`, () => answersEquivalent(answer, `${answer}!`));
    within(LIMIT_MS.answer, `${label}: referenceAnswer`, () => referenceAnswer(`#### ${answer}`));
    within(LIMIT_MS.answer, `${label}: extractAnswer`, () => extractAnswer(`The answer is ${answer}\n#### ${answer}`, compileAnswerPattern('The answer is (.+)')));
  });
}

test('answer normaliser: a huge answer is text and still equals itself', () => {
  const huge = repeatTo('x + 1 ', MB);
  assert.equal(parseAnswer(huge).kind, 'text');
  assert.ok(answersEquivalent(huge, huge));
  assert.ok(!answersEquivalent(huge, `${huge}2`));
});

const mathAlphabet = fc.constantFrom(
  ...'0123456789 .,+-*/^()[]{}=%$\\_!;:xyzabcπ√×÷−'.split(''),
  '\\frac', '\\dfrac', '\\sqrt', '\\text{', '\\boxed{', '\\circ', '\\left(', '\\right)', '\\pi', '\\cdot', '\\$', '$$', 'sqrt(', 'log(', 'e', '1/3',
  ' cm', ' dollars', ' percent', 'ln', 'The answer is ', '#### ', '\n',
);
const answerText = fc.oneof(
  { weight: 4, arbitrary: fc.array(mathAlphabet, { maxLength: 25 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((c) => String.fromCharCode(...c)) },
);

test('property: on 4000 generated answers the normaliser never throws, is deterministic and symmetric', () => {
  fc.assert(
    fc.property(answerText, answerText, (a, b) => {
      const parsed = parseAnswer(a);
      assert.ok(['number', 'expression', 'text'].includes(parsed.kind));
      if (parsed.kind === 'number') assert.ok(Number.isFinite(parsed.value), `finite value for ${JSON.stringify(a)}`);
      assert.equal(parseAnswer(a).kind, parsed.kind, 'deterministic');
      assert.equal(answersEquivalent(a, b), answersEquivalent(b, a), `symmetric: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      if (parsed.kind !== 'expression') assert.ok(answersEquivalent(a, a), `reflexive: ${JSON.stringify(a)}`);
      const stated = extractAnswer(`The answer is ${a}`, compileAnswerPattern('The answer is (.+)'));
      assert.ok(stated === null || typeof stated === 'string');
      assert.equal(typeof referenceAnswer(a), 'string');
    }),
    { numRuns: 4000 },
  );
});

// ─── tokenizer ───────────────────────────────────────────────────────────────────────────────────

const fixture = skipUnlessFixture('mqa');
const EOS = '<|eos|>';
let tokenizer: BundleTokenizer | undefined;
const load = (): BundleTokenizer =>
  (tokenizer ??= BundleTokenizer.fromFile(join(FIXTURE_BUNDLES.mqa, 'tokenizer.json'), EOS, { clean_up_tokenization_spaces: false }));

/** Well-formed text (no lone surrogates) without the EOS marker, which encodes to a special token. */
const wellFormed = fc
  .oneof(
    { weight: 3, arbitrary: fc.array(mathAlphabet, { maxLength: 30 }).map((parts) => parts.join('')) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom('  ', '\n\n', ' \n ', '\t', '\r\n', '\u00a0', 'é', 'e\u0301', '👩‍👩‍👧', '\u200b', '\ufeff', '\u0000') },
  )
  .filter((text) => !text.includes(EOS));

test('property: decode(encode(x)) === x and token texts concatenate to x, over 3000 strings', fixture, () => {
  const tok = load();
  fc.assert(
    fc.property(wellFormed, (text) => {
      const ids = tok.encode(text);
      assert.ok(ids.every((id) => Number.isInteger(id) && id >= 0 && id < tok.vocabSize), 'ids inside the vocabulary');
      assert.equal(tok.decode(ids), text);
      const texts = tok.tokenTexts(ids);
      assert.equal(texts.length, ids.length);
      assert.equal(texts.join(''), text);
    }),
    { numRuns: 3000 },
  );
});

test('property: arbitrary UTF-16 (lone surrogates) encodes and decodes without throwing', fixture, () => {
  const tok = load();
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 60 }), (codes) => {
      const text = String.fromCharCode(...codes);
      const ids = tok.encode(text);
      assert.equal(typeof tok.decode(ids), 'string');
      // A lone surrogate cannot be encoded as UTF-8: it comes back as U+FFFD, nothing else changes.
      assert.equal(tok.decode(ids), text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
    }),
    { numRuns: 1000 },
  );
});

test('property: any id sequence decodes, and prompt encoding handles any problem text', fixture, () => {
  const tok = load();
  const format = new TextFormat(
    { name: 'x', promptTemplate: 'Q: {problem}\n', promptFormat: 'v1', stepDelimiter: '\n', eosToken: EOS, answerPattern: 'The answer is (.+)', maxPositions: 256, training: {} },
    tok,
  );
  fc.assert(
    fc.property(fc.array(fc.nat(tok.vocabSize - 1), { maxLength: 50 }), answerText, (ids, problem) => {
      assert.equal(tok.tokenTexts(ids).join(''), tok.decode(ids));
      const { tokens, promptLength } = format.encodePrefix(problem, [problem]);
      assert.ok(promptLength <= tokens.length);
    }),
    { numRuns: 1000 },
  );
});

test('tokenizer: 1 MB of text, random bytes and a 1 MB space run encode in bounded time', fixture, () => {
  const tok = load();
  for (const [label, text] of [
    ['1 MB of prose', repeatTo('apples and pears ', MB)],
    ['1 MB without spaces', repeatTo('abcdefghij', MB)],
    ['random bytes', randomUtf8(256 * 1024)],
    ['a space run', `a${' '.repeat(MB)}b`],
  ] as const) {
    const ids = within(LIMIT_MS.parse * 3, `encode ${label}`, () => tok.encode(text));
    assert.ok(ids.length > 0);
  }
  const format = new TextFormat(
    { name: 'x', promptTemplate: 'Q: {problem}\n', promptFormat: 'v1', stepDelimiter: '\n', eosToken: EOS, answerPattern: 'The answer is (.+)', maxPositions: 256, training: {} },
    tok,
  );
  within(LIMIT_MS.answer, 'prompt() of a 1 MB space run', () => format.prompt(`a${' '.repeat(MB)}\nb`));
  within(LIMIT_MS.answer, 'stepLine() of a 1 MB space run', () => format.stepLine(`a${' '.repeat(MB)}b`));
});
