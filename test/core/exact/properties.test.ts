// Property tests: random expressions against an independent exact evaluator (fraction.js), the
// same line in different notations gives the same verdict, and a line made unreadable stays
// unknown (never turned into a claim). FC_SEED fixes the seed (test/helpers/fastCheckSeed.cjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { judgeSteps, problemContext, verifyAnswer } from '../../../src/core/exact/index.js';
import { judgeLine } from './helpers.js';

type Frac = InstanceType<typeof Fraction>;
type Num = { kind: 'num'; text: string; value: Frac };
type Tree = Num | { kind: 'op'; op: '+' | '-' | '*' | '/'; left: Tree; right: Tree } | { kind: 'pow'; base: Num; exponent: number };

const integer = fc.integer({ min: -999, max: 999 }).map((n): Tree => ({ kind: 'num', text: String(n), value: new Fraction(n) }));
const decimal = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 999 })).map(([whole, cents]): Tree => {
  const text = `${whole}.${String(cents).padStart(3, '0')}`;
  return { kind: 'num', text, value: new Fraction(text) };
});
const leaf = fc.oneof({ weight: 3, arbitrary: integer }, { weight: 1, arbitrary: decimal });
const power = fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: 3 })).map(([n, exponent]): Tree => ({
  kind: 'pow',
  base: { kind: 'num', text: String(n), value: new Fraction(n) },
  exponent,
}));

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    power,
    fc.record({ kind: fc.constant('op' as const), op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const), left: tie('tree'), right: tie('tree') }),
  ),
})).tree;

function evaluate(t: Tree): Frac | null {
  if (t.kind === 'num') return t.value;
  if (t.kind === 'pow') return t.base.value.equals(0) && t.exponent === 0 ? null : t.base.value.pow(t.exponent);
  const l = evaluate(t.left);
  const r = evaluate(t.right);
  if (!l || !r) return null;
  if (t.op === '/' && r.equals(0)) return null;
  return t.op === '+' ? l.add(r) : t.op === '-' ? l.sub(r) : t.op === '*' ? l.mul(r) : l.div(r);
}

const depth = (t: Tree): number => (t.kind === 'op' ? 1 + Math.max(depth(t.left), depth(t.right)) : 1);

interface Style {
  times: string;
  divide: string;
  minus: string;
  frac: boolean;
  spaces: boolean;
  dollars: boolean;
}

const style: fc.Arbitrary<Style> = fc.record({
  times: fc.constantFrom('\\times', '\\cdot', '*', '×', '·'),
  divide: fc.constantFrom('\\div', '÷', '/'),
  minus: fc.constantFrom('-', '−'),
  frac: fc.boolean(),
  spaces: fc.boolean(),
  dollars: fc.boolean(),
});

function render(t: Tree, s: Style): string {
  const sp = s.spaces ? ' ' : '';
  const num = (text: string): string => (text.startsWith('-') ? `(${s.minus}${text.slice(1)})` : text);
  if (t.kind === 'num') return num(t.text);
  if (t.kind === 'pow') return `${num(t.base.text)}^{${t.exponent}}`;
  const l = render(t.left, s);
  const r = render(t.right, s);
  if (t.op === '/' && s.frac) return `\\frac{${l}}{${r}}`;
  const op = t.op === '+' ? '+' : t.op === '-' ? s.minus : t.op === '*' ? s.times : s.divide;
  // A letter command needs a space before a digit.
  const gap = /[a-z]$/.test(op) ? ' ' : sp;
  return `(${l}${sp}${op}${gap}${r})`;
}

const valueText = (f: Frac, s: Style): string => {
  const [n, d] = [f.s * f.n, f.d];
  if (d === 1n) return n < 0n ? `${s.minus}${-n}` : String(n);
  const sign = n < 0n ? s.minus : '';
  const abs = n < 0n ? -n : n;
  return s.frac ? `${sign}\\frac{${abs}}{${d}}` : `${sign}${abs}/${d}`;
};

const line = (left: string, right: string, s: Style): string => {
  const sp = s.spaces ? ' ' : '';
  const text = `${left}${sp}=${sp}${right}`;
  return s.dollars ? `$${text}$` : text;
};

const digits = (f: Frac): number => Math.max(String(f.n).length, String(f.d).length);

test('random expressions: the true value is true, a neighbour is false with the right value (fraction.js agrees)', () => {
  fc.assert(
    fc.property(tree, style, (t, s) => {
      fc.pre(depth(t) <= 4);
      const value = evaluate(t);
      const left = render(t, s);
      if (value === null) {
        // Division by zero (or 0^0): never a claim.
        assert.equal(judgeLine(line(left, '1', s)).verdict, 'unknown');
        return;
      }
      fc.pre(digits(value) <= 50 && left.length < 200);
      assert.equal(judgeLine(line(left, valueText(value, s), s)).verdict, 'true', line(left, valueText(value, s), s));
      const wrong = judgeLine(line(left, valueText(value.add(1), s), s));
      assert.equal(wrong.verdict, 'false');
    }),
    { numRuns: 300 },
  );
});

test('notation variants of the same line give the same verdict', () => {
  fc.assert(
    fc.property(tree, style, style, fc.integer({ min: -3, max: 3 }), (t, a, b, offset) => {
      fc.pre(depth(t) <= 4);
      const value = evaluate(t);
      const right = value ? value.add(offset) : new Fraction(offset);
      fc.pre(digits(right) <= 50);
      const first = judgeLine(line(render(t, a), valueText(right, a), a)).verdict;
      const second = judgeLine(line(render(t, b), valueText(right, b), b)).verdict;
      assert.equal(first, second, `${line(render(t, a), valueText(right, a), a)} vs ${line(render(t, b), valueText(right, b), b)}`);
    }),
    { numRuns: 200 },
  );
});

const CORRUPTIONS: Array<(line: string) => string> = [
  (l) => `${l} apples`,
  (l) => `so ${l}`,
  (l) => l.replace('=', '= \\sqrt{4} +'),
  (l) => l.replace('=', '! ='),
  (l) => l.replace('=', '<'),
  (l) => l.replace('=', '+ \\pi ='),
  (l) => l.replace('=', `+ ${'9'.repeat(80)} =`),
  (l) => l.replace('=', '+ 2^{10^{10}} ='),
];

test('unknown is never turned into a claim: a line made unreadable stays unknown, in any context', () => {
  fc.assert(
    fc.property(tree, style, fc.integer({ min: 0, max: CORRUPTIONS.length - 1 }), fc.boolean(), (t, s, which, inDerivation) => {
      const value = evaluate(t) ?? new Fraction(1);
      fc.pre(digits(value) <= 50);
      const corrupted = (CORRUPTIONS[which] as (l: string) => string)(line(render(t, s), valueText(value, s), s));
      const steps = inDerivation ? ['2x + 3 = 7', corrupted] : [corrupted];
      const judged = judgeSteps(inDerivation ? 'Solve 2x + 3 = 7.' : '', steps).at(-1);
      assert.equal(judged?.verdict, 'unknown', corrupted);
    }),
    { numRuns: 200 },
  );
});

test('arbitrary text: judging, reading a problem and verifying an answer never throw', () => {
  const mathy = fc.stringMatching(/^[0-9xy+\-−*/×÷^=().{}\\a-z%$ ]{0,60}$/);
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), mathy), fc.oneof(fc.string({ maxLength: 20 }), mathy), (text, answer) => {
      const judged = judgeSteps(text, [text, answer]);
      for (const j of judged) assert.ok(['true', 'false', 'follows', 'does-not-follow', 'unknown'].includes(j.verdict));
      problemContext(text);
      const verdict = verifyAnswer(text, answer);
      assert.ok(verdict === true || verdict === false || verdict === null);
    }),
    { numRuns: 400 },
  );
});
