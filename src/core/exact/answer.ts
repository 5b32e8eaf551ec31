// Whether a final answer satisfies the problem itself: the value of an expression, a solution of
// an equation, the asked variable of a system, the same polynomial as the one to simplify, or a
// division's remainder.
// null when the problem has no exact reading or the answer is not a number or formula.
import { parseSide, valueOf } from './expression.js';
import { toLatex } from './notation.js';
import { difference, isIdentity } from './polynomial.js';
import { problemContext, type ProblemContext } from './problem.js';
import { equal } from './rational.js';
import { remainderAnswerSatisfies } from './remainder.js';

export function verifyAnswer(problem: string, answer: string): boolean | null {
  return answerSatisfies(problemContext(problem), answer);
}

/** verifyAnswer for a problem already read (a derivation's walker reads it once). */
export function answerSatisfies(context: ProblemContext, answer: string): boolean | null {
  if (context.kind === 'none') return null;
  if (context.kind === 'remainder') return remainderAnswerSatisfies(context.question, answer);
  // "x = 5" answers with the value.
  const notation = toLatex(answer.replace(/^\s*\$?\s*[a-z]\s*=/, ''));
  if (!notation.ok) return null;
  const side = parseSide(notation.latex);
  if (!side) return null;
  if (context.kind === 'polynomial') {
    if (!side.variables.every((v) => context.side.variables.includes(v))) return false;
    return isIdentity(difference(context.side, side));
  }
  if (side.variables.length > 0) return null;
  const value = valueOf(side);
  if (!value) return null;
  switch (context.kind) {
    case 'arithmetic':
      return equal(value, context.value);
    case 'equation': {
      const { solutions } = context;
      if (solutions.kind === 'all') return true;
      if (solutions.kind === 'irrational') return false;
      return solutions.roots.some((root) => equal(root, value));
    }
    case 'system': {
      const expected = context.asked ? context.solution.get(context.asked) : undefined;
      return expected ? equal(expected, value) : null;
    }
  }
}
