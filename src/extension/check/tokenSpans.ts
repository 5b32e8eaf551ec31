// Where each scored token of a user's step sits in the editor. The engine scores the step text
// the parser produced (segments joined by single spaces), so token texts are located in that text
// and the offsets mapped back through the step's segments to (line, column) spans.
import type { DerivationStep } from '../../shared/notebookTypes.js';

/** Columns [start, end) of one line. */
export interface ColumnSpan {
  line: number;
  start: number;
  end: number;
}

/** Character ranges [start, end) of each token within `text`; null where a token cannot be placed. */
export function tokenOffsets(text: string, tokens: readonly string[]): Array<[number, number] | null> {
  let offset = 0;
  return tokens.map((token) => {
    if (token !== '' && text.startsWith(token, offset)) {
      offset += token.length;
      return [offset - token.length, offset];
    }
    // A tokenizer may normalise spacing: look for the token's visible part a little further on.
    const core = token.trim();
    if (core === '') return null;
    const found = text.indexOf(core, offset);
    if (found < 0 || found - offset > 2) return null;
    offset = found + core.length;
    return [found, offset];
  });
}

/** The editor spans of the step-text range [start, end), one per line it touches. */
export function spansOf(step: DerivationStep, start: number, end: number): ColumnSpan[] {
  const spans: ColumnSpan[] = [];
  let segmentStart = 0;
  for (const segment of step.segments) {
    const segmentEnd = segmentStart + segment.text.length;
    const from = Math.max(start, segmentStart);
    const to = Math.min(end, segmentEnd);
    if (from < to) spans.push({ line: segment.line, start: segment.column + from - segmentStart, end: segment.column + to - segmentStart });
    segmentStart = segmentEnd + 1; // the joining space
  }
  return spans;
}

export function tokenSpans(step: DerivationStep, tokens: readonly string[]): ColumnSpan[][] {
  return tokenOffsets(step.text, tokens).map((range) => (range ? spansOf(step, range[0], range[1]) : []));
}

/** Every character of the step. */
export function stepSpans(step: DerivationStep): ColumnSpan[] {
  return step.segments.map((s) => ({ line: s.line, start: s.column, end: s.column + s.text.length }));
}
