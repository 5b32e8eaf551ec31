// The problem statement as a v2 prompt writes it: the mirror of canonical_problem() in
// training/tvm_training/curriculum/prompt.py, which wrote every prompt the v2 policy was trained on.
// Both are tested against one table, training/tests/fixtures/prompt_cases.json, and against each
// other on random text (training/tests/test_prompt_canonical.py). Any change here is a change there
// and a retrained policy.

/** Characters that stand for another one a student means (prompt.py `_SAME_AS`). */
const SAME_AS: ReadonlyMap<string, string> = new Map([
  ['\u2018', "'"], ['\u2019', "'"], ['\u201c', '"'], ['\u201d', '"'],
  ['\u2212', '-'], ['\u2013', '-'], ['\u2014', '-'],
  ['\u00a0', ' '], ['\u2009', ' '], ['\u202f', ' '],
  ['\u200b', ''], ['\u200c', ''], ['\u200d', ''], ['\ufeff', ''],
]);
const SAME_AS_CHARACTER = new RegExp(`[${[...SAME_AS.keys()].join('')}]`, 'g');
/** `\(…\)` and `\[…\]` math delimiters as `$…$` and `$$…$$`, replaced in this order. */
const DELIMITERS = [['\\(', '$'], ['\\)', '$'], ['\\[', '$$'], ['\\]', '$$']] as const;
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;
/**
 * Python's whitespace (str.split() and re's \s agree on it), which is not JavaScript's \s: it adds
 * U+001C–U+001F and U+0085 (next line) and lacks U+FEFF (removed above anyway).
 */
const PYTHON_WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
// After whitespace runs became single spaces, Python's \s+ in the rules below is one space.
const SPACE_BEFORE_MARK = / ([,;!?])/g;
const SPACE_BEFORE_PERIOD = / \.(?= |$)/g;
/** prompt.py's `[\s.?!;,:]+$`, stripped by a loop: the regular expression is quadratic on a long run of them. */
const FINAL_PUNCTUATION = new Set([' ', '.', '?', '!', ';', ',', ':']);

/** The problem statement as the v2 prompt writes it (idempotent). */
export function canonicalProblem(text: string): string {
  let canonical = text.replace(SAME_AS_CHARACTER, (c) => SAME_AS.get(c) ?? c).replace(CONTROL, ' ');
  // split/join, not replace(): "$" in a replacement string is a pattern.
  for (const [from, to] of DELIMITERS) canonical = canonical.split(from).join(to);
  canonical = canonical.split(PYTHON_WHITESPACE).filter((word) => word !== '').join(' ');
  canonical = canonical.replace(SPACE_BEFORE_MARK, '$1').replace(SPACE_BEFORE_PERIOD, '.');
  let end = canonical.length;
  while (end > 0 && FINAL_PUNCTUATION.has(canonical.charAt(end - 1))) end -= 1;
  return canonical.slice(0, end);
}
