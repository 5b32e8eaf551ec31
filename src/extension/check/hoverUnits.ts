// What a hover speaks of: the number, word, LaTeX command or operator under the cursor, not the
// model's token there (digits are separate tokens, which a student cannot know). Units are found
// in the line's text; the tokens that make one up are those whose spans overlap it.
import type { ColumnSpan } from './tokenSpans.js';

/** Columns [start, end) of one unit of a line, and its text. */
export interface TextUnit {
  start: number;
  end: number;
  text: string;
}

const UNIT = new RegExp(
  [
    String.raw`\d+(?:[.,]\d+)*`, // a number, with a decimal point or comma inside
    String.raw`\p{L}+(?:['’]\p{L}+)*`, // a word
    String.raw`\\(?:[A-Za-z]+|.)`, // a LaTeX command: \times, \{
    String.raw`<=|>=|!=|==|=>|->|<-|:=|\*\*|\.\.\.`, // operators written with two or three characters
    String.raw`\S`, // any other mark, alone
  ].join('|'),
  'gu',
);

/** The units of `text`, in order; whitespace belongs to none. */
export function textUnits(text: string): TextUnit[] {
  return [...text.matchAll(UNIT)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** The unit of `text` covering `column`, shifted by `offset` (the text's first column); none on whitespace. */
export function unitAt(text: string, column: number, offset = 0): TextUnit | undefined {
  const unit = textUnits(text).find((u) => u.start + offset <= column && column < u.end + offset);
  return unit && { ...unit, start: unit.start + offset, end: unit.end + offset };
}

/** Indices of the tokens whose spans overlap the unit's columns on `line`, in order. */
export function unitTokens(tokens: readonly ColumnSpan[][], line: number, unit: Pick<TextUnit, 'start' | 'end'>): number[] {
  return tokens.flatMap((spans, index) => (spans.some((s) => s.line === line && s.start < unit.end && unit.start < s.end) ? [index] : []));
}
