// Exact verdicts on the lines of a derivation, in order: an arithmetic equality or chain is true
// or false (with the right value); an equation is checked against the previous equation in the
// same variable, or else the problem's own equation or system: it follows when it keeps the
// solutions (a line may pick one root of a quadratic), and does not follow otherwise, with a value
// that tells them apart. Each line is compared with the line before it, so lines after a slip are
// judged on their own. Anything else is unknown: no claim is made, and nothing throws.
import { expandedLatex, parseSide, valueOf, type Side } from './expression.js';
import { formatValue, styleOf, type NumberStyle } from './format.js';
import { splitSides, toLatex } from './notation.js';
import { difference, isIdentity, quadraticCoefficients, solutionSet, type SolutionSet } from './polynomial.js';
import { problemContext, type ProblemContext } from './problem.js';
import { equal, isZero, type Rational } from './rational.js';
import { answerSatisfies } from './answer.js';
import type { ExactCheck, ExactVerdict } from '../../shared/engineProtocol.js';

export type { ExactVerdict };
/** One line's verdict: the wire type itself (src/shared owns it), so what is judged is what is sent. */
export type ExactJudgement = ExactCheck;

interface EquationState {
  text: string;
  solutions: SolutionSet;
}

interface WrittenSide {
  latex: string;
  /** As the student wrote it (without `$`), for messages. */
  text: string;
}

const ANSWER_LINE = /^\W*the answer is\b/i;

const unknown = (message: string): ExactJudgement => ({ verdict: 'unknown', message });

/** Judges every step; `context` defaults to the reading of `problem`. */
export function judgeSteps(problem: string, steps: readonly string[], context: ProblemContext = problemContext(problem)): ExactJudgement[] {
  const walker = new DerivationWalker(context);
  return steps.map((step) => walker.judge(step));
}

/** Judges lines one after another, remembering the last equation per variable and the last side written. */
export class DerivationWalker {
  private readonly equations = new Map<string, EquationState>();
  /** Per variable, the last equation that followed (or the problem's): where a correction is compared. */
  private readonly good = new Map<string, EquationState>();
  private lastSide: WrittenSide | null = null;

  constructor(private readonly context: ProblemContext) {}

  /** A walker in the same state, for judging one of several candidate next lines. */
  clone(): DerivationWalker {
    const copy = new DerivationWalker(this.context);
    for (const [name, state] of this.equations) copy.equations.set(name, state);
    for (const [name, state] of this.good) copy.good.set(name, state);
    copy.lastSide = this.lastSide;
    return copy;
  }

  judge(step: string): ExactJudgement {
    try {
      return this.judgeLine(step);
    } catch (error) {
      this.lastSide = null;
      return unknown(`could not be checked (${(error as Error).message})`);
    }
  }

  private judgeLine(step: string): ExactJudgement {
    if (ANSWER_LINE.test(step)) return this.answerLine(step);
    const notation = toLatex(step);
    if (!notation.ok) {
      this.lastSide = null;
      return unknown(notation.reason);
    }
    const sides = writtenSides(step, notation.latex);
    const previous = this.lastSide;
    this.lastSide = sides.at(-1) ?? null;
    if (sides.length < 2) return unknown('no equals sign');
    if ((sides[0] as WrittenSide).latex === '') {
      if (!previous) return unknown('nothing before “=” to compare with');
      sides[0] = previous;
    }
    if (sides.some((s) => s.latex === '')) return unknown('an empty side');
    const parsed = sides.map((s) => parseSide(s.latex));
    if (parsed.some((p) => p === null)) return unknown('could not be read');
    const expressions = parsed as Side[];
    const style = styleOf(step);
    const variables = [...new Set(expressions.flatMap((e) => e.variables))].sort();
    if (variables.length === 0) return arithmetic(sides, expressions, style);

    const identities = expressions.slice(1).map((e, i) => isIdentity(difference(expressions[i] as Side, e)));
    if (identities.every((same) => same === true)) return { verdict: 'true', message: 'true for every value of the variables' };
    if (identities.some((same) => same === null)) return unknown('not a polynomial expression');
    if (this.context.kind === 'polynomial') {
      const first = sides[0] as WrittenSide;
      const other = (sides[identities.indexOf(false) + 1] as WrittenSide).text;
      const expanded = expandedLatex(expressions[0] as Side);
      const expandedSide = expanded === null ? null : parseSide(expanded);
      // Expanding an already expanded side gives it back: then only say the sides differ. The
      // expansion is shown only when it is checked to be the same polynomial (exactly, at sample points).
      const expected =
        expanded && expandedSide && isIdentity(difference(expressions[0] as Side, expandedSide)) === true && expanded.replace(/\s/g, '') !== first.latex.replace(/\s/g, '') ? expanded : null;
      const fact = expected ? `${first.text} = ${expected}` : 'the two sides are different polynomials';
      return { verdict: 'false', ...(expected && { expected }), message: `${first.text} = ${other} is false: ${fact}` };
    }
    if (sides.length > 2) {
      // "x = 18 ÷ 2 = 9": the sides without variables must agree, and the equation is the first side = the last.
      const closedWrong = this.closedChain(sides, expressions, style);
      if (closedWrong) return closedWrong;
    }
    const equation = difference(expressions[0] as Side, expressions.at(-1) as Side);
    return variables.length === 1 ? this.oneVariable(step, variables[0] as string, equation, style) : this.system(equation, style);
  }

  /** The first disagreement between consecutive sides without variables of a chain, as a 'false' judgement; null when they agree. */
  private closedChain(sides: readonly WrittenSide[], expressions: readonly Side[], style: NumberStyle): ExactJudgement | null {
    const closed = expressions.flatMap((e, i) => (e.variables.length === 0 ? [i] : []));
    for (let j = 1; j < closed.length; j++) {
      const [a, b] = [closed[j - 1] as number, closed[j] as number];
      const verdict = arithmetic([sides[a] as WrittenSide, sides[b] as WrittenSide], [expressions[a] as Side, expressions[b] as Side], style);
      if (verdict.verdict !== 'true') return verdict.verdict === 'false' ? verdict : null;
    }
    return null;
  }

  /** A final answer is checked against the problem itself (answer.ts). */
  private answerLine(step: string): ExactJudgement {
    const answer = step.replace(ANSWER_LINE, '').trim().replace(/[.!]$/, '');
    const verified = answerSatisfies(this.context, answer);
    if (verified === true) return { verdict: 'true', message: 'the final answer satisfies the problem (verified)' };
    if (verified === false) return { verdict: 'false', message: `${answer} does not satisfy the problem` };
    return unknown('a final answer the problem gives no exact check for');
  }

  private oneVariable(step: string, variable: string, equation: ReturnType<typeof difference>, style: NumberStyle): ExactJudgement {
    const coefficients = quadraticCoefficients(equation);
    if (!coefficients) return unknown('not a linear or quadratic equation');
    const solutions = solutionSet(coefficients);
    const text = step.replace(/\$/g, '').trim();
    const before = this.equations.get(variable) ?? (this.context.kind === 'equation' && this.context.variable === variable ? { text: this.context.equation.text, solutions: this.context.solutions } : null);
    if (!before) this.equations.set(variable, { text, solutions });
    if (!before) return this.context.kind === 'system' ? this.system(equation, style) : unknown('no equation in this variable to compare with');
    let judgement = compareSolutions(variable, solutions, before, style);
    // After a line that did not follow, a line that goes back to the last good equation is a correction.
    const good = this.good.get(variable);
    const correction = judgement.verdict === 'does-not-follow' && good !== undefined && good !== before && compareSolutions(variable, solutions, good, style).verdict === 'follows';
    if (correction && good) judgement = { verdict: 'follows', message: `follows from ${good.text} (a correction)` };
    // A line that picks some roots ("x = 2" after (x − 2)(x − 3) = 0) keeps the wider equation as
    // the one to compare with, so the next line may give the other root.
    const picked = judgement.verdict === 'follows' && before.solutions.kind === 'finite' && solutions.kind === 'finite' && solutions.roots.length < before.solutions.roots.length;
    const state = { text, solutions };
    if (!picked) this.equations.set(variable, state);
    // Sound: follows from the problem through sound lines only.
    const sound = judgement.verdict === 'follows' && (!good || good === before || correction);
    if (!good) this.good.set(variable, sound ? (picked ? before : state) : before);
    else if (sound) this.good.set(variable, picked ? before : state);
    return judgement;
  }

  /** A line in the variables of the problem's system follows when the system's solution satisfies it. */
  private system(equation: ReturnType<typeof difference>, style: NumberStyle): ExactJudgement {
    if (this.context.kind !== 'system') return unknown('no system of equations to compare with');
    const { solution } = this.context;
    if (!equation.variables.every((v) => solution.has(v))) return unknown('a variable the problem does not have');
    const value = equation.at(solution);
    if (!value) return unknown('could not be evaluated');
    if (isZero(value)) return { verdict: 'follows', message: 'follows from the system' };
    const witness = [...solution].map(([name, v]) => `${name} = ${formatValue(v, style)}`).join(', ');
    return { verdict: 'does-not-follow', witness, message: `does not follow from the system: ${witness} satisfies it, not this` };
  }
}

function arithmetic(sides: readonly WrittenSide[], expressions: readonly Side[], style: NumberStyle): ExactJudgement {
  const values = expressions.map((e) => valueOf(e));
  if (values.some((v) => v === null)) return unknown('not a rational number, or too large to check');
  const [first] = values as Rational[];
  const wrong = (values as Rational[]).findIndex((v) => !equal(v, first as Rational));
  if (wrong < 0) return { verdict: 'true', message: 'true' };
  const expected = formatValue(first as Rational, style);
  const left = (sides[0] as WrittenSide).text;
  const right = (sides[wrong] as WrittenSide).text;
  // A lone number on the left ("\frac{1}{4} = \frac{2}{12}"): say what the right side is worth.
  const lone = !/[-+*/×÷^]|\\times|\\div|\\cdot/.test((sides[0] as WrittenSide).latex.replace(/^-/, '').replace(/\\frac\{\d+\}\{\d+\}/, '1'));
  const rightValue = formatValue(values[wrong] as Rational, style);
  const fact = lone ? (rightValue === right.trim() ? `${left} ≠ ${right}` : `${right} = ${rightValue}`) : `${left} = ${expected}`;
  return { verdict: 'false', expected, message: `${left} = ${right} is false: ${fact}` };
}

function compareSolutions(variable: string, next: SolutionSet, before: EquationState, style: NumberStyle): ExactJudgement {
  const follows: ExactJudgement = { verdict: 'follows', message: `follows from ${before.text}` };
  const show = (r: Rational): string => `${variable} = ${formatValue(r, style)}`;
  const prev = before.solutions;
  if (prev.kind === 'all') return follows;
  if (next.kind === 'irrational' || prev.kind === 'irrational') {
    if (next.kind === 'irrational' && prev.kind === 'irrational' && equal(next.p, prev.p) && equal(next.q, prev.q)) return follows;
    const root = next.kind === 'finite' ? next.roots[0] : prev.kind === 'finite' ? prev.roots[0] : undefined;
    const side = next.kind === 'finite' ? 'this, not that' : 'that, not this';
    if (root) return { verdict: 'does-not-follow', witness: show(root), message: `does not follow from ${before.text}: ${show(root)} satisfies ${side}` };
    return { verdict: 'does-not-follow', message: `does not follow from ${before.text}: the solutions differ` };
  }
  if (next.kind === 'all') return unknown('true for every value');
  const inPrev = (r: Rational): boolean => prev.roots.some((p) => equal(p, r));
  const extra = next.roots.find((r) => !inPrev(r));
  if (!extra && (next.roots.length > 0 || prev.roots.length === 0)) return follows;
  if (extra) return { verdict: 'does-not-follow', witness: show(extra), message: `does not follow from ${before.text}: ${show(extra)} satisfies this, not that` };
  const lost = prev.roots[0] as Rational;
  return { verdict: 'does-not-follow', witness: show(lost), message: `does not follow from ${before.text}: ${show(lost)} satisfies that, not this` };
}

/** The line's sides as LaTeX and, when the split lines up, as the student wrote them. */
function writtenSides(step: string, latex: string): WrittenSide[] {
  const sides = splitSides(latex);
  const written = splitSides(step.replace(/\$/g, '').trim());
  return sides.map((s, i) => ({ latex: s, text: (written.length === sides.length ? written[i] : s) ?? s }));
}
