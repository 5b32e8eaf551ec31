// "Find the mean of 4, 8, 15, 16 and 23.", "whats the average of 3.5 and 6": the value asked is the
// listed numbers' mean, read as the arithmetic expression (a + b + …) ÷ n. Only where the list holds
// every number of the statement, so "the mean of 3, 5 and x is 7" and "a mean height of 155 cm … a
// friend 162 cm tall joins" have no such reading; numbers with thousands separators are not read
// ("1,000" would split into two).
import { add, div, fromDecimal, rational, ZERO, type Rational } from './rational.js';

const NUMBER = /-?\d+(?:\.\d+)?/g;
const MEAN_OF_LIST = /\b(?:average|mean)(?: value)? of (?:the numbers )?(-?\d+(?:\.\d+)?(?:\s*(?:,\s*and|,|and)\s*-?\d+(?:\.\d+)?)+)/i;

export function meanOfList(problem: string): { text: string; value: Rational } | null {
  const text = problem.replace(/\$/g, ' ').replace(/\s+/g, ' ');
  if (/\d,\d/.test(text)) return null;
  const match = MEAN_OF_LIST.exec(text);
  if (!match) return null;
  const listed = (match[1] as string).match(NUMBER) ?? [];
  if (listed.length !== (text.match(NUMBER) ?? []).length) return null;
  const values = listed.map(fromDecimal);
  if (values.some((v) => v === null)) return null;
  const sum = (values as Rational[]).reduce(add, ZERO);
  return { text: `(${listed.join(' + ')}) ÷ ${listed.length}`, value: div(sum, rational(BigInt(listed.length))) };
}
