// Steps written without `$…$` (`3x=15`, `24/2=12`, `8*4=32`): students write them so, and the
// policy has learnt to as well. Shown as markdown they would be plain text — and a `*` pair could
// even turn into emphasis — so a step that is one formula and nothing else is typeset as math.
// Anything with a word in it stays markdown: "The answer is 5" is prose, not a formula.

/** Digits, one-letter variables, operators, brackets, powers; `×`/`÷`/`−` as students type them. */
const FORMULA = /^[0-9a-zA-Z.,+\-−*/×÷=()^ ]+$/;
const WORD = /[a-zA-Z]{2}/;

/** TeX for a step that is a bare formula with an `=` and a digit, else null (render as markdown). */
export function plainFormulaTex(text: string): string | null {
  const line = text.trim();
  if (!FORMULA.test(line) || WORD.test(line) || !line.includes('=') || !/[0-9]/.test(line)) return null;
  return line.replace(/\*/g, '\\cdot ');
}
