// A division-with-remainder question, read exactly: "What is the remainder when 365 is divided by
// 7?", "Find the quotient and remainder when 250 is divided by 12.", "47 ÷ 5 = ? (with remainder)".
// The curriculum's remainder problems stop at quotients of 22, and the policy answers larger ones
// with a confident wrong remainder (365 ÷ 7 → 330 at 97 %): checking the answer is cheap and
// certain. Only a statement with exactly two whole numbers in digits, one written division between
// them and the word "remainder" is read; anything else ("what is left when …") has no reading here,
// nor (problem.ts decides) one with numbers in words.

export interface RemainderQuestion {
  readonly dividend: bigint;
  readonly divisor: bigint;
  /** What a right answer states: the remainder alone, or "q remainder r". */
  readonly asks: 'remainder' | 'quotient-and-remainder';
}

/** The written division, dividend first: "365 is divided by 7", "365 ÷ 7", "divide 365 by 7". */
const DIVISIONS = [/(\d+) (?:is )?divided by (\d+)/i, /(\d+) ?(?:÷|\\div|\/) ?(\d+)/, /\bdivide (\d+) by (\d+)/i] as const;
const REMAINDER = /\bremainder\b/i;
/** The quotient is asked too ("quotient and remainder", "with remainder", "as a quotient and a remainder"). */
const BOTH_ASKED = /\bquotient\b|\bwith (?:a )?remainder\b/i;
/** "20 remainder 10", "20 r 10", "20 R10", "20, remainder 10", "20 rem 10". */
const QUOTIENT_AND_REMAINDER = /^(\d+)\s*,?\s*(?:with\s+)?(?:a\s+)?(?:remainder|rem\.?|r)\s*(\d+)$/i;

export function remainderQuestion(problem: string): RemainderQuestion | null {
  if (!REMAINDER.test(problem)) return null;
  const text = problem.replace(/\$/g, ' ').replace(/\s+/g, ' ');
  const numbers = text.match(/\d+(?:[.,]\d+)*/g) ?? [];
  if (numbers.length !== 2 || numbers.some((n) => !/^\d+$/.test(n))) return null;
  for (const pattern of DIVISIONS) {
    const division = pattern.exec(text);
    if (!division) continue;
    const [dividend, divisor] = [BigInt(division[1] as string), BigInt(division[2] as string)];
    return divisor === 0n ? null : { dividend, divisor, asks: BOTH_ASKED.test(problem) ? 'quotient-and-remainder' : 'remainder' };
  }
  return null;
}

/**
 * Whether `answer` is right: "q remainder r" is checked whole whatever was asked; a lone integer is
 * the remainder where only the remainder was asked, and where the quotient was asked too it is
 * wrong if negative and says nothing (null) otherwise. Anything else: null.
 */
export function remainderAnswerSatisfies(question: RemainderQuestion, answer: string): boolean | null {
  const quotient = question.dividend / question.divisor;
  const remainder = question.dividend % question.divisor;
  const text = answer.replace(/\$/g, '').trim();
  const both = QUOTIENT_AND_REMAINDER.exec(text);
  if (both) return BigInt(both[1] as string) === quotient && BigInt(both[2] as string) === remainder;
  if (!/^-?\d+$/.test(text)) return null;
  if (question.asks === 'remainder') return BigInt(text) === remainder;
  // Neither the quotient nor the remainder of two whole numbers is negative.
  return BigInt(text) < 0n ? false : null;
}
