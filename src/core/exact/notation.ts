// One written step → the LaTeX the compute engine reads, in every notation the product accepts:
// `$…$` or none, `\times \cdot \div`, plain `* / × ÷ ·`, a Unicode minus, typed powers (`4²`, `10⁻²`), `%` and "p% of n",
// mixed numbers (`2\frac{1}{3}`, `2 1/3`), thousands separators. Lines the engine must not be
// handed (prose, factorials, towers of powers, huge numbers) are refused here with a reason, so
// every later step runs on small, bounded input.

export type Notation =
  | { ok: true; latex: string; /** Written with LaTeX commands or `$…$` (answers are printed the same way). */ latexStyle: boolean; decimals: boolean }
  | { ok: false; reason: string };

/** Longer lines are not steps of school math; they also bound the engine's work. */
const MAX_LINE_LENGTH = 240;
/** Longest run of digits accepted in one number (as many as a result may have: 30-digit × 30-digit). */
const MAX_DIGITS = 60;
/** A digit run longer than MAX_DIGITS. */
export const HUGE_NUMBER = new RegExp(`\\d{${MAX_DIGITS + 1}}`);
/** Deepest nesting of brackets and braces accepted. */
const MAX_NESTING = 12;
/** Largest exponent written as a literal (`2^{100}` has 31 digits; `10^{400}` would have 401). */
const MAX_EXPONENT = 200;

const TOO_LARGE = 'too large to check';

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A power typed with superscripts, as phones and many keyboards write it ("4²", "x³", "10⁻²"). */
const TYPED_POWER = /⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

/** `²` → `^{2}`, `⁻²` → `^{-2}`. */
function typedPowerToLatex(sup: string): string {
  return `^{${[...sup].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPT_DIGITS.indexOf(c)))).join('')}}`;
}

/** LaTeX commands a step of arithmetic or algebra may use; any other command makes the line unknown. */
const COMMANDS = new Set(['frac', 'dfrac', 'tfrac', 'times', 'cdot', 'div', 'left', 'right', '%']);

export function toLatex(line: string): Notation {
  let s = line.trim();
  if (s.length > MAX_LINE_LENGTH) return { ok: false, reason: TOO_LARGE };
  // Before any rewriting: the number patterns below backtrack over long digit runs.
  if (HUGE_NUMBER.test(s)) return { ok: false, reason: TOO_LARGE };
  const latexStyle = /[$\\]/.test(s);
  s = s
    .replace(/^\\\(|\\\)$/g, '')
    .replace(/\$/g, '')
    .replace(/[−–—]/g, '-')
    .replace(/[×∙⋅·]/g, '\\times ')
    .replace(/\*/g, '\\times ')
    .replace(/÷/g, '\\div ')
    .replace(TYPED_POWER, typedPowerToLatex)
    .replace(/\\cdot\b/g, '\\times ')
    .replace(/\\[,;:! ]/g, '')
    .replace(/\\left\b|\\right\b/g, '')
    .replace(/\\[dt]frac\b/g, '\\frac')
    .trim()
    // A final full stop or comma is punctuation, not math.
    .replace(/[.,;]$/, '')
    .trim();
  if (s === '') return { ok: false, reason: 'empty' };
  if (/!/.test(s)) return { ok: false, reason: 'factorials are not checked' };
  // "p% of n" and "p percent of n" read as p/100 × n.
  s = s.replace(/(\d+(?:\.\d+)?)\s*(?:\\?%|\s+percent)\s+of\s+/gi, '\\frac{$1}{100} \\times ');
  s = s.replace(/(\d+(?:\.\d+)?)\s*\\?%/g, '\\frac{$1}{100}');
  // Thousands separators: a comma followed by exactly three digits.
  s = s.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  // Plain mixed numbers "2 1/3" → 2\frac{1}{3} (the engine reads that as a mixed number).
  s = s.replace(/(^|[^\d.])(\d+)\s+(\d+)\s*\/\s*(\d+)(?![\d.])/g, '$1$2\\frac{$3}{$4}');
  // A plain fraction written without spaces ("8/9 ÷ 1/3") is one number, as in \frac{8}{9}.
  s = s.replace(/(?<![\d./^])(\d+)\/(\d+)(?![\d./^])/g, '\\frac{$1}{$2}');
  // "21 x 4": an x between two numbers is a times sign.
  s = s.replace(/(\d)\s+x\s+(?=\d)/g, '$1 \\times ');
  // A plain exponent is the whole number after ^ ("2^10" is 2^{10}, not 2^1 followed by 0).
  s = s.replace(/\^\s*(-?\d+(?:\.\d+)?)/g, '^{$1}');
  const words = s.replace(/\\[A-Za-z]+/g, ' ');
  if (/[A-Za-z]{2,}/.test(words)) return { ok: false, reason: 'words' };
  // e and i would be read as Euler's number and the imaginary unit.
  if (/(?<![A-Za-z\\])[ei](?![A-Za-z])/.test(words)) return { ok: false, reason: 'e and i are not checked as variables' };
  if (/[<>≤≥≠]|\\(?:le|ge|lt|gt|neq)\b/.test(s)) return { ok: false, reason: 'inequalities are not checked' };
  if (/[^0-9A-Za-z\s+\-=().{}[\]^/\\]/.test(s.replace(/\\%/g, ''))) return { ok: false, reason: 'unsupported symbol' };
  for (const [, command] of s.matchAll(/\\([A-Za-z]+|%)/g)) {
    if (!COMMANDS.has(command as string)) return { ok: false, reason: `\\${command} is not checked` };
  }
  if ([...s.matchAll(/\d+/g)].some(([digits]) => digits.length > MAX_DIGITS)) return { ok: false, reason: TOO_LARGE };
  if (nesting(s) > MAX_NESTING) return { ok: false, reason: TOO_LARGE };
  if (!smallExponents(s)) return { ok: false, reason: TOO_LARGE };
  return { ok: true, latex: s, latexStyle, decimals: /\d\.\d/.test(s) };
}

function nesting(s: string): number {
  let depth = 0;
  let deepest = 0;
  for (const c of s) {
    if (c === '(' || c === '{' || c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === ')' || c === '}' || c === ']') depth--;
  }
  return deepest;
}

/**
 * Every power has a literal integer exponent of at most MAX_EXPONENT (no towers, no variables up
 * there), and no power is raised again (`{9^{200}}^{200}` has 38 000 digits and took seconds).
 */
function smallExponents(s: string): boolean {
  for (const match of s.matchAll(/\^/g)) {
    const at = match.index ?? 0;
    if (/[)}\]]/.test(s[at - 1] ?? '') && bracketedBefore(s, at).includes('^')) return false;
    const rest = s.slice(at + 1);
    const exponent = /^\{\s*(-?\d+)\s*\}|^(\d)/.exec(rest);
    if (!exponent) return false;
    if (Math.abs(Number(exponent[1] ?? exponent[2])) > MAX_EXPONENT) return false;
  }
  return true;
}

/** The bracketed group that ends just before `end` (its closing bracket at end − 1). */
function bracketedBefore(s: string, end: number): string {
  let depth = 0;
  for (let i = end - 1; i >= 0; i--) {
    const c = s[i];
    if (c === ')' || c === '}' || c === ']') depth++;
    else if (c === '(' || c === '{' || c === '[') depth--;
    if (depth === 0) return s.slice(i, end);
  }
  return s.slice(0, end);
}

/** Splits at top-level `=` signs (not inside braces); a leading `=` gives an empty first side. */
export function splitSides(latex: string): string[] {
  const sides: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < latex.length; i++) {
    const c = latex[i];
    if (c === '{' || c === '(') depth++;
    else if (c === '}' || c === ')') depth--;
    else if (c === '=' && depth === 0) {
      sides.push(latex.slice(start, i).trim());
      start = i + 1;
    }
  }
  sides.push(latex.slice(start).trim());
  return sides;
}
