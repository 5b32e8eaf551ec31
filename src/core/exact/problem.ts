// What a problem statement asks, when that can be read exactly: an arithmetic expression to
// evaluate (the mean of a list too, meanOfList.ts), an expression in a variable to expand or
// simplify, one equation in one variable, a linear system in two, or a division's remainder
// (remainder.ts). Math is found inside `$…$` and in plain text alike ("Solve 2y + 79 = 97 for
// y."); a statement that mixes kinds or reads as none of them has no exact context, and then
// nothing is claimed about it.
import { parseSide, valueOf, type Side } from './expression.js';
import { HUGE_NUMBER, toLatex, splitSides } from './notation.js';
import { difference, linearCoefficients, quadraticCoefficients, solutionSet, solveLinearSystem, type Difference, type SolutionSet } from './polynomial.js';
import type { Rational } from './rational.js';
import { remainderQuestion, type RemainderQuestion } from './remainder.js';
import { meanOfList } from './meanOfList.js';

export interface EquationLine {
  /** As written (for messages). */
  readonly text: string;
  readonly difference: Difference;
}

export type ProblemContext =
  | { kind: 'arithmetic'; text: string; value: Rational }
  | { kind: 'polynomial'; text: string; side: Side }
  | { kind: 'equation'; equation: EquationLine; variable: string; solutions: SolutionSet }
  | { kind: 'system'; equations: [EquationLine, EquationLine]; solution: ReadonlyMap<string, Rational>; asked: string | null }
  | { kind: 'remainder'; question: RemainderQuestion }
  | { kind: 'none' };

const NONE: ProblemContext = { kind: 'none' };

/** A whitespace-separated word that can be part of a formula. */
function isMathWord(word: string): boolean {
  const bare = word.replace(/\\(?:frac|dfrac|times|cdot|div|left|right)\b/g, '').replace(/\\%/g, '%');
  if (bare === '') return word !== '';
  if (!/^[0-9a-z+\-−*/×÷·=().^{}%,[\]⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+$/.test(bare)) return false;
  return !/[a-z]{2,}/.test(bare);
}

const OPERATOR = /[+\-−*/×÷·^]|\\times|\\div|\\cdot|\\frac|\)\s*\(/;
/** A percentage alone ("grew by 40%") is a rate to apply, not an expression to evaluate. */
const LONE_PERCENT = /^\\frac\{\d+(?:\.\d+)?\}\{100\}$/;
/** Calculus: the polynomial in the statement is not the answer's equal. */
const CALCULUS = /\b(?:differentiate|derivative|integrate|integral)\b|\\frac\{d\}\{d[a-z]\}|\\int\b/i;
/** Asks for something other than the value of the division it writes ("the remainder of 1000 divided by 7"). */
const NOT_THE_VALUE = /\bremainders?\b/i;
/**
 * Numbers in words: a statement that has them says more than its digits ("three quarters of 2/3",
 * "a ninth of 1/3": every fraction word, singular or plural, since "a ninth of" is a number too).
 */
const NUMBER_WORD =
  /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|elevenths?|twelfths?|hundredths?|thousandths?|twice|thrice|double|triple|quadruple|dozen)\b/i;
const DIGITS = /\d+(?:\.\d+)?/g;
/** "3 : 8 = x : 56", a proportion: each ratio reads as a fraction. */
const PROPORTION = /(?<![\w.])(\d+(?:\.\d+)?|[a-z])\s*:\s*(\d+(?:\.\d+)?|[a-z])\s*=\s*(\d+(?:\.\d+)?|[a-z])\s*:\s*(\d+(?:\.\d+)?|[a-z])(?!\w|\.\d)/g;
/** An operator at a word's edge: a lone letter beside one is a variable ("a + 3"), else the article ("a 20% discount", "6% a year"). */
const OPERATOR_EDGE = /^[+\-−*/×÷·=^(]|[+\-−*/×÷·=^)]$/;

/** Formulas in the statement, in order: maximal runs of formula words. */
export function formulas(problem: string): string[] {
  const text = problem
    .replace(/\$/g, ' ')
    // "150 + 207 = ?" and "$608 \div 16$ =" ask for the value of the left side.
    .replace(/=\s*(?:\?|$)/g, ' ')
    .replace(/(\d)\s+times\s+(?=\d)/g, '$1 × ')
    .replace(/(\d)\s+plus\s+(?=\d)/g, '$1 + ')
    .replace(/(\d)\s+minus\s+(?=\d)/g, '$1 - ')
    .replace(/(\d)\s+divided\s+by\s+(?=\d)/g, '$1 ÷ ')
    .replace(/(\d+(?:\.\d+)?)\s*(?:\\?%|\s+percent)\s+of\s+/gi, '\\frac{$1}{100} \\times ')
    .replace(PROPORTION, '\\frac{$1}{$2} = \\frac{$3}{$4}');
  const runs: string[] = [];
  let run: string[] = [];
  const close = (): void => {
    const formula = run.join(' ').replace(/[.,;:?!]+$/, '').trim();
    if (formula !== '') runs.push(formula);
    run = [];
  };
  const words = text.split(/\s+/);
  words.forEach((word, i) => {
    const bare = word.replace(/[.,;:?!]+$/, '');
    const article = bare === 'a' && !OPERATOR_EDGE.test(words[i - 1] ?? '') && !OPERATOR_EDGE.test(words[i + 1] ?? '');
    if (bare !== '' && !article && isMathWord(bare)) {
      run.push(bare);
      // Punctuation after a word ends the formula ("x + y = 12, and …").
      if (bare !== word) close();
    } else {
      close();
    }
  });
  close();
  return runs;
}

/** The exact reading of a problem statement (see the module comment). */
export function problemContext(problem: string): ProblemContext {
  // A number too large to check also makes the statement's rewriting patterns slow.
  if (CALCULUS.test(problem) || HUGE_NUMBER.test(problem)) return NONE;
  // Numbers in words say more than the digits a reading would use.
  const inWords = NUMBER_WORD.test(problem);
  const mean = inWords ? null : meanOfList(problem);
  if (mean) return { kind: 'arithmetic', ...mean };
  if (NOT_THE_VALUE.test(problem)) {
    const question = inWords ? null : remainderQuestion(problem);
    return question ? { kind: 'remainder', question } : NONE;
  }
  const equations: EquationLine[] = [];
  const expressions: Array<{ text: string; side: Side }> = [];
  for (const formula of formulas(problem)) {
    if (/(?<![a-z])[a-z]\s*\(/.test(formula)) return NONE; // function notation: f(x) = …
    const notation = toLatex(formula);
    if (!notation.ok) {
      // A formula it cannot read ("(x^3)^2": too large to check) may be what is asked: then the
      // statement has no exact reading, rather than the reading of what is left ("x = 2").
      if (OPERATOR.test(formula)) return NONE;
      continue;
    }
    const sides = splitSides(notation.latex);
    if (sides.length === 2) {
      const [left, right] = sides.map(parseSide);
      if (!left || !right) return NONE;
      equations.push({ text: formula, difference: difference(left, right) });
    } else if (sides.length === 1 && OPERATOR.test(notation.latex.replace(LONE_PERCENT, '1')) && /\d/.test(notation.latex)) {
      const side = parseSide(notation.latex);
      if (side) expressions.push({ text: formula, side });
    } else if (sides.length > 2) {
      return NONE;
    }
  }
  if (equations.length === 0 && expressions.length === 1) {
    const [{ text, side }] = expressions as [{ text: string; side: Side }];
    // The expression is the question only if it holds every number the statement gives.
    if (inWords || !numbersWithin(problem, text)) return NONE;
    if (side.variables.length === 0) {
      const value = valueOf(side);
      return value ? { kind: 'arithmetic', text, value } : NONE;
    }
    return { kind: 'polynomial', text, side };
  }
  if (expressions.length > 0) return NONE;
  if (equations.length === 1) {
    const [equation] = equations as [EquationLine];
    const coefficients = quadraticCoefficients(equation.difference);
    if (!coefficients) return NONE;
    return { kind: 'equation', equation, variable: equation.difference.variables[0] as string, solutions: solutionSet(coefficients) };
  }
  if (equations.length === 2) {
    const [first, second] = equations as [EquationLine, EquationLine];
    const variables = [...new Set([...first.difference.variables, ...second.difference.variables])].sort();
    if (variables.length !== 2) return NONE;
    const padded = (e: EquationLine): Difference => ({ variables, at: (a) => e.difference.at(a) });
    const c1 = linearCoefficients(padded(first));
    const c2 = linearCoefficients(padded(second));
    const solved = c1 && c2 && solveLinearSystem(c1, c2);
    if (!solved) return NONE;
    const solution = new Map(variables.map((name, i) => [name, solved[i] as Rational]));
    return { kind: 'system', equations: [first, second], solution, asked: askedVariable(problem, [first.text, second.text], variables) };
  }
  return NONE;
}

/** Every number written in digits in the statement also appears in the formula (as many times). */
function numbersWithin(problem: string, formula: string): boolean {
  const available: string[] = [...(formula.match(DIGITS) ?? [])];
  return (problem.match(DIGITS) ?? []).every((n) => {
    const at = available.indexOf(n);
    if (at < 0) return false;
    available.splice(at, 1);
    return true;
  });
}

/**
 * The variable a system problem asks for: the last lone variable letter mentioned outside its
 * equations ("… Find x.", "Find y when x = -4, given y = x - 3"); where an equation is not found
 * as formulas() read it (a rewritten "3 times x"), the letters after the last "=" sign.
 */
function askedVariable(problem: string, equations: readonly string[], variables: readonly string[]): string | null {
  const unmarked = problem.replace(/\$/g, ' ').replace(/\s+/g, ' ');
  const rest = equations.every((e) => unmarked.includes(e))
    ? equations.reduce((text, e) => text.replace(e, ' '), unmarked)
    : problem.slice(problem.lastIndexOf('=') + 1).replace(/\$/g, ' ');
  const asked = [...rest.matchAll(/(?<![A-Za-z\\0-9])([a-z])(?![A-Za-z0-9])/g)].map((m) => m[1] as string);
  return asked.filter((v) => variables.includes(v)).at(-1) ?? null;
}
