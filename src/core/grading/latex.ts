// Rewrites the LaTeX a model or a user writes in a final answer ("\frac{1}{2}", "\sqrt{3}",
// "2\cdot x") into mathjs syntax. Only what appears in answers is handled; unknown commands lose
// their backslash ("\sin" → "sin") so mathjs or the text fallback can still deal with them.

const WRAPPERS = new Set(['boxed', 'fbox', 'mathbf', 'mathit', 'textbf']);
// Text-like wrappers get spaces around their content so "5\text{cm}" reads as "5 cm" (a unit).
const TEXT_WRAPPERS = new Set(['text', 'textrm', 'mathrm', 'mbox', 'operatorname', 'textit']);
const SPACES = new Set([',', ';', ':', '!', ' ', 'quad', 'qquad', 'left', 'right', 'displaystyle']);
const SYMBOLS: Record<string, string> = {
  cdot: '*',
  times: '*',
  ast: '*',
  div: '/',
  pi: ' pi ',
  '%': '%',
  $: '$',
  '{': '(',
  '}': ')',
  circ: '',
  degree: '',
  ln: 'log',
};

/** "2\frac{1}{3}" means two and a third in an answer, not 2·⅓: rewrite it before the general pass. */
const LATEX_MIXED_NUMBER = /^([-+]?)\s*(\d+)\s*\\[dt]?frac\s*(?:\{\s*(\d+)\s*\}|(\d))\s*(?:\{\s*(\d+)\s*\}|(\d))$/;

export function latexToMathjs(input: string): string {
  const mixed = LATEX_MIXED_NUMBER.exec(input.trim());
  if (mixed) {
    const [, sign, whole, num1, num2, den1, den2] = mixed;
    return `${sign}(${whole} + ${num1 ?? num2}/${den1 ?? den2})`;
  }
  // Degrees: "30^\circ" and "30^{\circ}" are plain numbers in an answer.
  const withoutDegrees = input.replace(/\^\s*\{?\s*\\circ\s*\}?/g, '').replace(/°/g, '');
  // "1{,}000" is LaTeX's thousands separator; turn it back into "1,000" for the separator rule.
  return convert(withoutDegrees.replace(/\{,\}/g, ','));
}

function convert(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i] as string;
    if (ch === '\\') {
      const match = /^\\([A-Za-z]+|.)/.exec(s.slice(i));
      const name = match?.[1] ?? '';
      i += 1 + name.length;
      if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
        const [numerator, afterNumerator] = argument(s, i);
        const [denominator, afterDenominator] = argument(s, afterNumerator);
        out += `((${convert(numerator)})/(${convert(denominator)}))`;
        i = afterDenominator;
      } else if (name === 'sqrt') {
        let degree: string | null = null;
        const optional = /^\s*\[([^\]]*)\]/.exec(s.slice(i));
        if (optional) {
          degree = optional[1] ?? '';
          i += optional[0].length;
        }
        const [radicand, after] = argument(s, i);
        out += degree === null ? `sqrt(${convert(radicand)})` : `nthRoot(${convert(radicand)}, ${convert(degree)})`;
        i = after;
      } else if (WRAPPERS.has(name) || TEXT_WRAPPERS.has(name)) {
        const [content, after] = argument(s, i);
        out += TEXT_WRAPPERS.has(name) ? ` ${convert(content)} ` : `(${convert(content)})`;
        i = after;
      } else if (SPACES.has(name)) {
        out += ' ';
      } else if (name in SYMBOLS) {
        out += SYMBOLS[name];
      } else {
        out += name;
      }
    } else if (ch === '{') {
      out += '(';
      i++;
    } else if (ch === '}') {
      out += ')';
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** One macro argument starting at `i`: a braced group, a command, or a single character. */
function argument(s: string, start: number): [string, number] {
  let i = start;
  while (s[i] === ' ') i++;
  if (s[i] === '{') {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      if (s[j] === '{') depth++;
      else if (s[j] === '}') {
        depth--;
        if (depth === 0) return [s.slice(i + 1, j), j + 1];
      }
    }
    return [s.slice(i + 1), s.length]; // unbalanced: take the rest rather than fail
  }
  if (s[i] === '\\') {
    const match = /^\\([A-Za-z]+|.)/.exec(s.slice(i));
    const length = 1 + (match?.[1]?.length ?? 0);
    return [s.slice(i, i + length), i + length];
  }
  return [s.slice(i, i + 1), Math.min(i + 1, s.length)];
}
