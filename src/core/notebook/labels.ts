// Recognises the two kinds of label of the notebook convention: "Problem" (starts a problem) and
// "Solution"/"Work" (starts the user's derivation). A label is a heading, or a paragraph line that
// starts with bold text.
import type { Block } from './blocks.js';

export type LabelKind = 'problem' | 'work';

export interface Label {
  readonly kind: LabelKind;
  /** Label text without markup or a trailing colon, e.g. "Problem 2". */
  readonly title: string;
  /** True for a bold label, whose paragraph may go on with statement or step text. */
  readonly bold: boolean;
}

const PROBLEM = /^problem\b/i;
const WORK = /^(solution|work|working|my work|my solution|attempt|steps|derivation)\b/i;
// `**Problem 2:**`, `__Work__:` … followed by optional punctuation and spaces.
const BOLD_PREFIX = /^(\*\*|__)(.+?)\1\s*[:.]?\s*/;

function cleanTitle(text: string): string {
  // The lookbehind makes the match start only where a run starts: linear on a long run of spaces.
  return text.replace(/[*_`]/g, '').replace(/(?<![\s:.])[\s:.]+$/, '').trim();
}

function classify(title: string, bold: boolean): Label | undefined {
  if (PROBLEM.test(title)) return { kind: 'problem', title, bold };
  if (WORK.test(title)) return { kind: 'work', title, bold };
  return undefined;
}

function boldLabel(text: string): Label | undefined {
  const match = BOLD_PREFIX.exec(text.trimStart());
  return match ? classify(cleanTitle(match[2]!), true) : undefined;
}

export function labelOf(block: Block): Label | undefined {
  // "## Problem 2: What is …?" is titled "Problem 2"; the rest may be the statement.
  if (block.kind === 'heading') return classify(cleanTitle(block.inline.content.split(':')[0]!), false);
  if (block.kind === 'paragraph') return boldLabel(block.inline.content);
  return undefined;
}

/** True if a line of paragraph text starts with a bold label (such a line starts a new block). */
export function startsWithBoldLabel(line: string): boolean {
  return boldLabel(line) !== undefined;
}

/** Length of a bold label's markup at the start of `text` (0 if there is none). */
export function boldPrefixLength(text: string): number {
  return BOLD_PREFIX.exec(text)?.[0].length ?? 0;
}
