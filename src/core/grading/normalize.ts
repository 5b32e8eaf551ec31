// Turns a stated answer ("$1,234.50", "2 1/3 cups", "\frac{3}{4}", "50%", "x^2 + 5x + 6") into a
// comparable value. Numbers are kept exact (mathjs Fraction) whenever possible so "0.1 + 0.2"
// equals "0.3"; expressions keep their parse tree and are compared by evaluation (equivalence.ts).
import { all, create, type FactoryFunctionMap, type Fraction, type MathNode } from 'mathjs';
import { latexToMathjs } from './latex.js';

export type ParsedAnswer =
  | {
      kind: 'number';
      raw: string;
      /** Exact value when the answer is rational and was computed without floating point. */
      exact: Fraction | null;
      value: number;
      /** "50%" / "50 percent": compared as 50, and also as 0.5 against a non-percent answer. */
      percent: boolean;
    }
  | { kind: 'expression'; raw: string; node: MathNode; variables: string[] }
  | { kind: 'text'; raw: string; text: string };

// mathjs types `all` as optional although the package always exports it.
const factories = all as FactoryFunctionMap;
/** Exact arithmetic: literals become Fractions. Throws on anything irrational (sqrt, pi). */
export const exactMath = create(factories, { number: 'Fraction' });
/** Floating-point arithmetic for everything exact mode rejects, and for expression evaluation. */
export const floatMath = create(factories);

// Answers longer than this are prose, not values; it also bounds the work mathjs may do.
const MAX_MATH_LENGTH = 120;
// Raw answers longer than this are text without further analysis: the rewriting below is not
// linear on pathological input (the unit-tail pattern backtracks, nested \frac recurses), and a
// benchmark file or a user can hand over megabytes.
const MAX_RAW_LENGTH = 1000;
// Function names an answer may contain; any other run of letters is a product of variables
// ("xy" = x·y), which also keeps mathjs from calling arbitrary functions on model output.
const FUNCTIONS = new Set(['sqrt', 'nthRoot', 'sin', 'cos', 'tan', 'log', 'exp', 'abs', 'pi']);
// Units written straight after a number ("5cm"). Single letters are not here: "5m" could be 5·m.
const ATTACHED_UNITS = new Set([
  'cm', 'mm', 'km', 'kg', 'mg', 'ml', 'lb', 'lbs', 'oz', 'ft', 'yd', 'mi', 'hr', 'hrs', 'min', 'mins', 'sec', 'secs',
  'mph', 'kmh', 'kph', 'usd', 'dollars', 'cents', 'am', 'pm', 'st', 'nd', 'rd', 'th',
]);
// A separated single letter after a number: these are usually variables ("2 x"), others units ("5 m").
const SINGLE_LETTER_VARIABLES = /^[xyzntk]$/i;

export function parseAnswer(raw: string): ParsedAnswer {
  const text = normalizeText(raw);
  if (raw.length > MAX_RAW_LENGTH) return { kind: 'text', raw, text };
  let s = stripMathDelimiters(raw.trim());
  s = latexToMathjs(s)
    .replace(/[−–—]/g, '-')
    .replace(/[×·⋅]/g, '*')
    .replace(/÷/g, '/')
    .replace(/\\?\$/g, '')
    .trim()
    .replace(/(?<![.!;,])[.!;,]+$/, '')
    .trim();

  // "x = 5" answers with the value; only a single-letter left side counts ("area = 5" is prose).
  const assignment = /^[A-Za-z]\s*=\s*([^=]+)$/.exec(s);
  if (assignment?.[1]) s = assignment[1].trim();

  let percent = false;
  const unitTail = splitUnitTail(s);
  if (unitTail) {
    s = unitTail.head;
    percent = /^percent/i.test(unitTail.tail);
  }
  if (/%\s*$/.test(s)) {
    percent = true;
    s = s.replace(/%\s*$/, '').trim();
  }
  // Thousands separators: a comma followed by exactly three digits ("1,234,567"). "1,2" stays
  // (it is a list or a decimal comma, and then the text fallback compares it).
  s = s.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  // Mixed numbers "2 1/3" (and "-2 1/3" = -(2 + 1/3)).
  s = s.replace(/^([-+]?)\s*(\d+)\s+(\d+)\s*\/\s*(\d+)$/, '$1($2 + $3/$4)');
  s = s.replace(/\bln\b/g, 'log');

  if (s === '' || s.length > MAX_MATH_LENGTH || /[=<>,;:?"'[\]]/.test(s)) return { kind: 'text', raw, text };
  // Words ("Tuesday", "none") are text; two-letter runs ("xy") are products of variables.
  if ([...s.matchAll(/[A-Za-z]{3,}/g)].some(([run]) => !FUNCTIONS.has(run))) return { kind: 'text', raw, text };
  s = splitVariableRuns(s);

  let node: MathNode;
  try {
    node = floatMath.parse(s);
  } catch {
    return { kind: 'text', raw, text };
  }
  const variables = freeVariables(node);
  if (variables.length > 0) {
    return percent ? { kind: 'text', raw, text } : { kind: 'expression', raw, node, variables };
  }
  return numberAnswer(raw, s, node, percent) ?? { kind: 'text', raw, text };
}

/** Lower-cased, whitespace-free, delimiter-free text: the last-resort comparison. */
export function normalizeText(raw: string): string {
  return stripMathDelimiters(raw.trim())
    // [^{}] rather than [^}]: an unclosed \text{ then fails at the next brace instead of scanning
    // to the end, which made "\text{\text{…" quadratic.
    .replace(/\\text\{([^{}]*)\}/g, '$1')
    .replace(/\s+/g, '')
    // The lookbehind makes the match start only where a run starts: linear on a long run.
    .replace(/(?<![.!;])[.!;]+$/, '')
    .toLowerCase();
}

function numberAnswer(raw: string, s: string, node: MathNode, percent: boolean): ParsedAnswer | null {
  // Exact mode only without powers: fraction.js raises to huge integer powers exactly, which a
  // stray "9^999999" would turn into minutes of bigint work.
  if (!s.includes('^')) {
    try {
      const exact: unknown = exactMath.evaluate(s);
      if (exactMath.typeOf(exact) === 'Fraction') {
        const fraction = exact as Fraction;
        return { kind: 'number', raw, exact: fraction, value: Number(fraction.valueOf()), percent };
      }
    } catch {
      // Irrational or otherwise outside exact arithmetic: fall through to floating point.
    }
  }
  try {
    const value: unknown = node.evaluate();
    if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'number', raw, exact: null, value, percent };
  } catch {
    // Not a number after all (a unit, a matrix, an error): the caller falls back to text.
  }
  return null;
}

function stripMathDelimiters(s: string): string {
  const pairs: Array<[string, string]> = [['$$', '$$'], ['\\(', '\\)'], ['\\[', '\\]']];
  for (const [open, close] of pairs) {
    if (s.startsWith(open) && s.endsWith(close) && s.length > open.length + close.length) {
      return s.slice(open.length, s.length - close.length).trim();
    }
  }
  // "$12$" is inline math; "$12" is a price and keeps its "$" for the currency rule.
  if (/^\$[^$]+\$[.!]?$/.test(s)) return s.replace(/[.!]$/, '').slice(1, -1).trim();
  return s;
}

/**
 * Splits "12 dollars" / "5 cm" / "5cm" / "50 percent" into number and unit, or null when the text
 * is not "number + words". A separated x, y, z, n, t or k ("2 x") is a variable, not a unit.
 */
function splitUnitTail(s: string): { head: string; tail: string } | null {
  const match = /^([^A-Za-z]*\d[^A-Za-z]*?)(\s*)([A-Za-z][A-Za-z\s./²³]*)$/.exec(s);
  if (!match) return null;
  const head = (match[1] ?? '').trim();
  const separated = (match[2] ?? '') !== '';
  const tail = (match[3] ?? '').trim();
  if (separated) {
    if (SINGLE_LETTER_VARIABLES.test(tail) || tail === 'pi') return null;
  } else if (!ATTACHED_UNITS.has(tail.toLowerCase().split(/[\s./]/)[0] ?? '')) {
    return null;
  }
  return { head, tail };
}

/** "xy" → "x y" (implicit product); known function names stay whole. */
function splitVariableRuns(s: string): string {
  return s.replace(/[A-Za-z]{2,}/g, (run) => (FUNCTIONS.has(run) ? run : run.split('').join(' ')));
}

function freeVariables(node: MathNode): string[] {
  const names = new Set<string>();
  node.traverse((child, path) => {
    if (child.type === 'SymbolNode' && path !== 'fn') {
      const name = (child as unknown as { name: string }).name;
      if (name !== 'pi' && name !== 'e') names.add(name);
    }
  });
  return [...names].sort();
}
