// Property tests: every way of writing the same number is the same answer, and neighbouring
// numbers are never confused. fast-check generates the values; the renderings are the formats
// models and users actually write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { answersEquivalent } from '../../../src/core/grading/index.js';

const RUNS = 1500;

function withThousands(n: bigint): string {
  const sign = n < 0n ? '-' : '';
  const digits = (n < 0n ? -n : n).toString();
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const integerRenderings: Array<(n: bigint) => string> = [
  (n) => n.toString(),
  (n) => withThousands(n),
  (n) => `${n}.0`,
  (n) => `${n}.00`,
  (n) => (n < 0n ? `-$${withThousands(-n)}` : `$${withThousands(n)}`),
  (n) => `${withThousands(n)} dollars`,
  (n) => `${n} cm`,
  (n) => `$${n}$`,
  (n) => `\\boxed{${n}}`,
  (n) => `x = ${n}`,
  (n) => `${n}.`,
  (n) => `\\frac{${n * 2n}}{2}`,
  (n) => `${n * 3n}/3`,
  (n) => (n < 0n ? `−${-n}` : `${n}`),
];

test('every rendering of an integer equals the integer and no rendering equals its neighbour', () => {
  fc.assert(
    fc.property(
      fc.bigInt({ min: -10_000_000n, max: 10_000_000n }),
      fc.integer({ min: 0, max: integerRenderings.length - 1 }),
      (n, which) => {
        const rendered = (integerRenderings[which] as (n: bigint) => string)(n);
        assert.ok(answersEquivalent(rendered, n.toString()), `${rendered} should equal ${n}`);
        assert.ok(!answersEquivalent(rendered, (n + 1n).toString()), `${rendered} should differ from ${n + 1n}`);
      },
    ),
    { numRuns: RUNS },
  );
});

test('fractions, LaTeX fractions, mixed numbers and terminating decimals agree', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 1, max: 40 }),
      fc.constantFrom(2, 4, 5, 8, 10, 16, 20, 25),
      fc.boolean(),
      (whole, numeratorRaw, denominator, negative) => {
        const numerator = (numeratorRaw % (denominator - 1)) + 1; // proper fraction, 1 ≤ num < den
        const sign = negative ? '-' : '';
        const improper = `${sign}${whole * denominator + numerator}/${denominator}`;
        const value = (negative ? -1 : 1) * (whole + numerator / denominator);
        const decimal = value.toFixed(6).replace(/0+$/, '');
        const forms = [
          `${sign}\\frac{${whole * denominator + numerator}}{${denominator}}`,
          decimal,
          whole > 0 ? `${sign}${whole} ${numerator}/${denominator}` : `${sign}${numerator}/${denominator}`,
          whole > 0 ? `${sign}${whole}\\frac{${numerator}}{${denominator}}` : `${sign}\\frac{${numerator}}{${denominator}}`,
        ];
        for (const form of forms) assert.ok(answersEquivalent(form, improper), `${form} should equal ${improper}`);
        assert.ok(!answersEquivalent(decimal, `${sign}${whole * denominator + numerator + 1}/${denominator}`));
      },
    ),
    { numRuns: RUNS },
  );
});

test('percentages equal their number and their fraction of one', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1000 }), (p) => {
      assert.ok(answersEquivalent(`${p}%`, `${p}`));
      assert.ok(answersEquivalent(`${p}\\%`, `${p / 100}`));
      assert.ok(!answersEquivalent(`${p}%`, `${p + 1}`));
    }),
    { numRuns: RUNS },
  );
});

test('a polynomial equals any reordering of its terms and differs when a coefficient changes', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -9, max: 9 }).filter((c) => c !== 0), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 0, max: 1000 }),
      (coefficients, shuffleSeed) => {
        const terms = coefficients.map((c, power) => `${c}${power === 0 ? '' : power === 1 ? 'x' : `x^${power}`}`);
        const shuffled = [...terms].sort((a, b) => ((a.length * 31 + shuffleSeed) % 7) - ((b.length * 31 + shuffleSeed) % 7));
        const join = (parts: string[]) => parts.join(' + ').replace(/\+ -/g, '- ');
        assert.ok(answersEquivalent(join(terms), join(shuffled)), `${join(terms)} vs ${join(shuffled)}`);
        const changed = [...terms];
        changed[0] = `${(coefficients[0] as number) + 1}`;
        assert.ok(!answersEquivalent(join(terms), join(changed) + (coefficients.length === 1 ? ' + x' : '')));
      },
    ),
    { numRuns: RUNS },
  );
});
