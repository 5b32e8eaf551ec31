// What a problem statement must be before any model reads it: some text, and no control
// characters. The tokenizer drops or mangles those, so the models would answer a problem other than
// the one on screen — with confidence (`What is 2\x07 + \x1b[31m3?` got 46 at 92 %): refused with
// the character and where it is, instead.
import { BadRequestError } from './search/models.js';

// C0 and C1 controls and DEL, except tab, line feed and carriage return (plain whitespace in a notebook).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

export function checkProblemText(problem: string): void {
  if (problem.trim() === '') throw new BadRequestError('the problem is empty: pass the problem statement');
  const control = CONTROL.exec(problem);
  if (control) {
    const code = (control[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
    throw new BadRequestError(`the problem contains the control character U+${code} at position ${control.index + 1}: remove it (paste the problem as plain text)`);
  }
}
