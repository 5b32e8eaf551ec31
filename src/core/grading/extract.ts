// Finding the final answer inside generated text or a reference solution.
// Model output follows the bundle's `answerPattern` ("The answer is (.+)"); GSM8K reference
// solutions end with "#### X". Both are accepted everywhere so a model trained on either
// convention is graded fairly.

// `(.*\S)` rather than a lazy `(.+?)`: a lazy group before `\s*$` retries the rest of a long run
// of spaces at every space (quadratic); this is linear.
const GSM8K_MARKER = /^####\s*(.*\S)\s*$/;

/** Compiles the manifest's answerPattern once; it is applied line by line, so `.` never crosses lines. */
export function compileAnswerPattern(answerPattern: string): RegExp {
  try {
    return new RegExp(answerPattern);
  } catch (error) {
    throw new Error(`answerPattern ${JSON.stringify(answerPattern)} is not a valid regular expression: ${(error as Error).message}`);
  }
}

/**
 * The answer stated in `text`: group 1 of the LAST line matching the answer pattern (a model may
 * restate its answer; the last statement is the final one), else the last `#### X` line.
 * Trailing sentence punctuation is dropped ("The answer is 12." → "12"); null when neither form occurs.
 */
export function extractAnswer(text: string, pattern: RegExp): string | null {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = pattern.exec(lines[i] ?? '');
    if (match) return cleanStatedAnswer(match[1] ?? match[0]);
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = GSM8K_MARKER.exec(lines[i] ?? '');
    if (match?.[1]) return cleanStatedAnswer(match[1]);
  }
  return null;
}

/** True when a single line states a final answer (used to decide that a step finishes a path). */
export function isAnswerLine(line: string, pattern: RegExp): boolean {
  return pattern.test(line) || GSM8K_MARKER.test(line);
}

/**
 * A benchmark reference answer: either bare ("18") or a full GSM8K solution ending in "#### 18".
 */
export function referenceAnswer(answerField: string): string {
  const lines = answerField.trim().split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = GSM8K_MARKER.exec(lines[i] ?? '');
    if (match?.[1]) return cleanStatedAnswer(match[1]);
  }
  return cleanStatedAnswer(answerField);
}

function cleanStatedAnswer(raw: string): string {
  // A final "." ends the sentence, but "3." alone would leave "3" either way, and "3.5" keeps its
  // dot because only a dot NOT followed by a digit at the very end is removed.
  // The lookbehind makes the match start only where a run starts: linear on a long run.
  return raw.trim().replace(/(?<![.!;,])[.!;,]+$/, '').trim();
}
