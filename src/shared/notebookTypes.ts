// What the notebook parser (src/core/notebook) reads and finds in a markdown file. Defined here,
// not in src/core, so the extension names them without importing types from the engine (eslint).
// Line numbers are 0-based, as in VS Code; columns are UTF-16 offsets into the line, as in VS Code
// and JavaScript strings.

/**
 * What the parser reads: a markdown file's text, or the markdown cells of a Jupyter notebook in
 * order. Cells are parsed one by one (a fence or `$$` never runs into the next cell), and their
 * lines are numbered on from one cell to the next (src/core/notebook/cells.ts maps them back).
 */
export type NotebookSource = string | readonly string[];

/** Lines `start` to `end`, both inclusive. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

/** A piece of one source line that belongs to a step (a step may continue over several lines). */
export interface StepSegment {
  readonly line: number;
  /** Column of the first character of `text` in the line (after any list marker or indent). */
  readonly column: number;
  readonly text: string;
}

/** One step of the user's own working: a list item, a line of a paragraph, or a `$$` block. */
export interface DerivationStep {
  readonly range: LineRange;
  /** The step as one line of text (segments joined by single spaces): what the engine scores. */
  readonly text: string;
  readonly segments: readonly StepSegment[];
}

/** How the problem was introduced. */
export type ProblemLabelKind = 'heading' | 'bold' | 'paragraph';

export interface Problem {
  /** Stable within a document while the label is unchanged, e.g. `problem-1` or `problem-1~2`. */
  readonly key: string;
  /** Human title: the heading or bold label text ("Problem 3"), or "Problem" for a bare paragraph. */
  readonly title: string;
  readonly labelKind: ProblemLabelKind;
  /** The whole section: label, statement and working. */
  readonly range: LineRange;
  /** Lines that hold the statement; `text` is their markdown on one line. */
  readonly statement: LineRange;
  readonly text: string;
  /** Present when a "Solution"/"Work" label follows the statement. */
  readonly work?: Work;
}

export interface Work {
  /** The line with the "Solution"/"Work" label. */
  readonly labelLine: number;
  readonly steps: readonly DerivationStep[];
}
