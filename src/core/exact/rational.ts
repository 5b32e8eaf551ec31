// Exact rationals as bigint pairs: the exact checks compare and print numbers without floating
// point, so 0.1 + 0.2 is 3/10 and a 30-digit product is compared digit for digit.

export interface Rational {
  /** Sign carried here; the denominator is always positive and the pair is reduced. */
  readonly num: bigint;
  readonly den: bigint;
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(num: bigint, den = 1n): Rational {
  if (den === 0n) throw new RangeError('zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

export const ZERO = rational(0n);

export const add = (a: Rational, b: Rational): Rational => rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Rational, b: Rational): Rational => rational(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);
export const div = (a: Rational, b: Rational): Rational => rational(a.num * b.den, a.den * b.num);
export const equal = (a: Rational, b: Rational): boolean => a.num === b.num && a.den === b.den;
export const isZero = (a: Rational): boolean => a.num === 0n;
export const sign = (a: Rational): number => (a.num === 0n ? 0 : a.num > 0n ? 1 : -1);

/** Exact value of a decimal literal ("-12.50", "3e-2", "7"); null for anything else. */
export function fromDecimal(text: string): Rational | null {
  const match = /^([-+]?)(\d*)(?:\.(\d*))?(?:e([-+]?\d+))?$/i.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const [, signText, whole = '', fraction = '', exponentText] = match;
  const exponent = Number(exponentText ?? 0) - fraction.length;
  if (Math.abs(exponent) > 400) return null;
  let num = BigInt((whole + fraction).replace(/^0+(?=\d)/, '') || '0');
  let den = 1n;
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den = 10n ** BigInt(-exponent);
  return rational(signText === '-' ? -num : num, den);
}

/** Number of decimal digits of the larger of numerator and denominator. */
export const digitCount = (a: Rational): number => Math.max(abs(a.num).toString().length, a.den.toString().length);

/** Whether the value has a finite decimal expansion (denominator of the form 2^a·5^b). */
export function isTerminating(a: Rational): boolean {
  let d = a.den;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

/** Decimal text of a terminating value ("16.5", "-0.25"); call only when isTerminating. */
export function toDecimalText(a: Rational): string {
  let places = 0n;
  while ((10n ** places) % a.den !== 0n) places++;
  const scaled = abs(a.num) * (10n ** places / a.den);
  const width = Number(places);
  let digits = scaled.toString().padStart(width + 1, '0');
  if (width > 0) digits = `${digits.slice(0, -width)}.${digits.slice(-width)}`;
  return (a.num < 0n ? '-' : '') + digits;
}
