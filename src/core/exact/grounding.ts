// Numbers "from nowhere": a number a step uses that is neither in the problem (in digits or in
// words), nor in an earlier step, nor the result this step calculates (what follows its "="), nor
// a constant the problem's units imply (60 minutes in an hour, 100 for a percentage). A policy
// that misreads a problem often brings in such a number (`25 × 3 = 75` for a problem with no 3).
import { fromDecimal, type Rational } from './rational.js';

const WORD_NUMBERS: Record<string, number[]> = {
  zero: [0], one: [1], two: [2], three: [3], four: [4], five: [5], six: [6], seven: [7], eight: [8], nine: [9], ten: [10],
  eleven: [11], twelve: [12], thirteen: [13], fourteen: [14], fifteen: [15], sixteen: [16], seventeen: [17], eighteen: [18],
  nineteen: [19], twenty: [20], thirty: [30], forty: [40], fifty: [50], hundred: [100], thousand: [1000],
  twice: [2], double: [2], doubles: [2], half: [2], halves: [2], triple: [3], triples: [3], third: [3], quarter: [4], dozen: [12],
  percent: [100], '%': [100], hour: [60], hours: [60], minute: [60], minutes: [60], day: [24, 7], days: [24, 7], week: [7], weeks: [7],
  month: [12], months: [12], year: [12, 365], years: [12, 365], km: [1000], kilometers: [1000], meters: [100, 1000], cm: [100], kg: [1000],
};

/** Numbers written in digits (a leading minus dropped: "−7" uses 7). */
const NUMBER = /\d+(?:\.\d+)?/g;

const key = (value: Rational): string => `${value.num}/${value.den}`;

function numbersIn(text: string): string[] {
  return [...text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1').matchAll(NUMBER)].map(([n]) => n);
}

/** The numbers a problem makes available: its own (digits and words) and its units' constants, with 0 and 1. */
export function availableNumbers(problem: string): Set<string> {
  const available = new Set<string>(['0/1', '1/1']);
  for (const n of numbersIn(problem)) {
    const value = fromDecimal(n);
    if (value) available.add(key(value));
  }
  for (const word of problem.toLowerCase().match(/[a-z]+|%/g) ?? []) {
    for (const n of WORD_NUMBERS[word] ?? []) available.add(`${n}/1`);
  }
  return available;
}

/**
 * The numbers of `line` from nowhere, given what the problem and the earlier lines made available.
 * `available` is extended with this line's numbers, so the caller can pass it on to the next line.
 */
export function ungroundedNumbers(line: string, available: Set<string>): string[] {
  const stripped = line.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  // What follows each "=" is the line's own result (or an equation's right side): it needs no source.
  const results = new Set<number>();
  for (const match of stripped.matchAll(/=\s*-?\s*(\d+(?:\.\d+)?)/g)) results.add((match.index ?? 0) + match[0].length - (match[1] as string).length);
  const ungrounded: string[] = [];
  for (const match of stripped.matchAll(NUMBER)) {
    const value = fromDecimal(match[0]);
    if (!value) continue;
    if (!results.has(match.index ?? -1) && !available.has(key(value))) ungrounded.push(match[0]);
  }
  for (const match of stripped.matchAll(NUMBER)) {
    const value = fromDecimal(match[0]);
    if (value) available.add(key(value));
  }
  return ungrounded;
}
