// Jupyter notebooks: the markdown cells of an .ipynb, in order, read as one notebook whose lines
// are the cells' lines one after the other (see "Jupyter notebooks" in docs/notebook-format.md).
// A problem's line numbers are then "joined" lines; these helpers map them to a cell and the
// line in that cell's own document, and back.
import { splitLines } from './lines.js';

/** A line of one cell: `cell` indexes the cell texts given, `line` is 0-based in that cell. */
export interface CellLine {
  readonly cell: number;
  readonly line: number;
}

/** The joined line where each cell starts (cell i holds joined lines starts[i] … starts[i+1] - 1). */
export function cellStarts(cells: readonly string[]): number[] {
  const starts: number[] = [];
  let next = 0;
  for (const text of cells) {
    starts.push(next);
    next += splitLines(text).length;
  }
  return starts;
}

/** The cell and cell line of joined line `line`; undefined outside the cells. */
export function cellLineOf(starts: readonly number[], total: number, line: number): CellLine | undefined {
  if (!Number.isInteger(line) || line < 0 || line >= total) return undefined;
  // Binary search for the last start <= line (cells may be empty strings: one line each).
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= line) lo = mid;
    else hi = mid - 1;
  }
  return { cell: lo, line: line - starts[lo]! };
}

/** Joined line count of these cells. */
export function joinedLineCount(cells: readonly string[]): number {
  return cells.reduce((n, text) => n + splitLines(text).length, 0);
}
