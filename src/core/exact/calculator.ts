// The calculator used while decoding: when a step has just written a closed arithmetic expression
// and "=", the result is written for the policy, in the step's own notation. Only whole-number and
// terminating decimal results are written: a fraction has several right forms (the curriculum
// writes 33/108 before reducing it), so fraction lines are left to the policy and checked exactly
// once the line ends.
import { parseSide, valueOf } from './expression.js';
import { formatValue } from './format.js';
import { toLatex } from './notation.js';
import { isTerminating } from './rational.js';

const OPERATION = /[-+*×÷·^%]|\\times|\\div|\\cdot|\d\s*\(|\)\s*\(/;

const memo = new Map<string, string | null>();
const MEMO_SIZE = 4096;

/** Text to write after `line` (the step so far), or null when it does not end with a closed calculation and "=". */
export function calculatorResult(line: string): string | null {
  if (!line.endsWith('=')) return null;
  const known = memo.get(line);
  if (known !== undefined) return known;
  const result = calculate(line);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(line, result);
  return result;
}

function calculate(line: string): string | null {
  const body = line.slice(0, -1);
  // The calculation is what follows the previous "=" (a chain) or the opening "$" of the math.
  const start = Math.max(body.lastIndexOf('='), body.lastIndexOf('$')) + 1;
  const expression = body.slice(start);
  if (!OPERATION.test(expression.replace(/^\s*-/, '')) || /\\frac|\//.test(expression)) return null;
  const notation = toLatex(expression);
  if (!notation.ok) return null;
  const side = parseSide(notation.latex);
  if (!side || side.variables.length > 0) return null;
  const value = valueOf(side);
  if (!value || !isTerminating(value)) return null;
  const spaced = /\s$/.test(body);
  return (spaced ? ' ' : '') + formatValue(value, { latexStyle: /[$\\]/.test(line), fractions: false });
}
