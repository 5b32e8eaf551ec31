// Hints are shown on plain-text surfaces (an inline decoration after the line and a notification),
// which cannot typeset. `$6 \times 2 = 12$` becomes `6 × 2 = 12` there: the `$…$` math is turned
// into readable Unicode; prose outside it (and a currency "$5") is left as written. Pure.

const SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ['times', '×'],
  ['div', '÷'],
  ['cdot', '·'],
  ['pm', '±'],
  ['mp', '∓'],
  ['leq', '≤'],
  ['le', '≤'],
  ['geq', '≥'],
  ['ge', '≥'],
  ['neq', '≠'],
  ['ne', '≠'],
  ['approx', '≈'],
  ['to', '→'],
  ['rightarrow', '→'],
  ['Rightarrow', '⇒'],
  ['implies', '⇒'],
];
const LETTERS: Readonly<Record<string, string>> = { pi: 'π', theta: 'θ', alpha: 'α', beta: 'β', infty: '∞', circ: '°', degree: '°' };
const SUPERSCRIPTS: Readonly<Record<string, string>> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻' };

/** A fraction's part: bare when a number or a letter, else in brackets (`(x+1)/2`). */
function part(text: string): string {
  const t = text.trim();
  return /^(?:\d+(?:\.\d+)?|[a-zA-Z])$/.test(t) ? t : `(${t})`;
}

function superscript(text: string): string {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? [...t].map((c) => SUPERSCRIPTS[c]).join('') : `^${part(t)}`;
}

/** One TeX formula (without its `$` delimiters) as readable Unicode text. */
export function texToText(tex: string): string {
  let s = tex;
  // Text-like groups keep their content.
  s = s.replace(/\\(?:text|mathrm|textrm|mathit|mathbf|textbf|operatorname)\s*\{([^{}]*)\}/g, '$1');
  // Fractions and roots, innermost first.
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, (_, a: string, b: string) => `${part(a)}/${part(b)}`);
    s = s.replace(/\\[dt]?frac\s*(\d)\s*(\d)/g, '$1/$2');
    s = s.replace(/\\sqrt\s*\{([^{}]*)\}/g, (_, a: string) => `√${part(a)}`);
    s = s.replace(/\^\s*\{([^{}]*)\}/g, (_, a: string) => superscript(a));
  }
  s = s.replace(/\^\s*(-?\d)/g, (_, a: string) => superscript(a));
  s = s.replace(/\\(?:left|right|bigl|bigr|Bigl|Bigr|big|Big)\s*([()[\]|.])/g, (_, d: string) => (d === '.' ? '' : d));
  s = s.replace(/\\left\s*\\\{|\\right\s*\\\}/g, (m) => (m.endsWith('{') ? '{' : '}'));
  for (const [name, symbol] of SYMBOLS) s = s.replace(new RegExp(`\\s*\\\\${name}(?![a-zA-Z])\\s*`, 'g'), ` ${symbol} `);
  s = s.replace(/\\([a-zA-Z]+)/g, (m, name: string) => LETTERS[name] ?? m);
  s = s.replace(/\\([%$#&_{}])/g, '$1');
  s = s.replace(/\\[,;:! ]|~/g, ' ');
  s = s.replace(/(?<!\\)[{}]/g, '');
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Text with `$…$` and `$$…$$` math turned into readable Unicode. A `$` opens math only when not
 * followed by a space and closes it only when not preceded by a space nor followed by a digit,
 * so "costs $5 and $6" stays as written.
 */
export function plainMath(text: string): string {
  return text
    .replace(/\$\$([\s\S]+?)\$\$/g, (_, tex: string) => texToText(tex))
    .replace(/(?<![\\$])\$(?![\s$])((?:\\\$|[^$])*?[^\s\\$])\$(?!\d)/g, (_, tex: string) => texToText(tex));
}
