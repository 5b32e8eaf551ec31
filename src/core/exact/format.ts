// Printing exact values the way the step being judged writes numbers, so an expected value or a
// calculated result reads like the rest of the line (`\frac{7}{6}` in LaTeX, `7/6` plainly,
// `3.5` where the line uses decimals or has no fractions at all).
import { isTerminating, toDecimalText, type Rational } from './rational.js';

export interface NumberStyle {
  /** The line is written with LaTeX (`$…$`, `\times`, `\frac`). */
  latexStyle: boolean;
  /** The line uses fraction notation (`\frac`, `/`): non-integers stay fractions. */
  fractions: boolean;
}

export function formatValue(value: Rational, style: NumberStyle): string {
  if (value.den === 1n) return value.num.toString();
  if (!style.fractions && isTerminating(value)) return toDecimalText(value);
  const negative = value.num < 0n;
  const num = negative ? -value.num : value.num;
  if (style.latexStyle) return `${negative ? '-' : ''}\\frac{${num}}{${value.den}}`;
  return `${negative ? '-' : ''}${num}/${value.den}`;
}

export const styleOf = (line: string): NumberStyle => ({
  latexStyle: /[$\\]/.test(line),
  fractions: /\\[dt]?frac|\d\s*\/\s*\d/.test(line),
});
