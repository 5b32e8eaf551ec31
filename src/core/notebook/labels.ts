// Recognises the two kinds of label of the notebook convention: "Problem" (starts a problem) and
// "Solution"/"Work" (starts the user's derivation). A label is a heading, or a paragraph whose
// first inline element is bold.
import type { Block, Inline } from './blocks';

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

function classify(text: string): LabelKind | undefined {
  if (PROBLEM.test(text)) return 'problem';
  if (WORK.test(text)) return 'work';
  return undefined;
}

function cleanTitle(text: string): string {
  return text.replace(/[*_`]/g, '').replace(/[\s:.]+$/, '').trim();
}

function boldText(inline: Inline): string | undefined {
  // Emphasis parsing leaves an empty text token in front of `**`.
  const [first, ...rest] = inline.children.filter((c) => !(c.type === 'text' && c.content === ''));
  if (first?.type !== 'strong_open') return undefined;
  let text = '';
  for (const child of rest) {
    if (child.type === 'strong_close') return text;
    text += child.content;
  }
  return undefined;
}

export function labelOf(block: Block): Label | undefined {
  if (block.kind === 'heading') {
    const title = cleanTitle(block.inline.content);
    const kind = classify(title);
    return kind && { kind, title, bold: false };
  }
  if (block.kind === 'paragraph') {
    const bold = boldText(block.inline);
    if (bold === undefined) return undefined;
    const title = cleanTitle(bold);
    const kind = classify(title);
    return kind && { kind, title, bold: true };
  }
  return undefined;
}

/** Length of a bold label's markup at the start of `text` (0 if there is none). */
export function boldPrefixLength(text: string): number {
  return BOLD_PREFIX.exec(text)?.[0].length ?? 0;
}
