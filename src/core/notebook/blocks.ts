// Turns markdown-it's flat token stream into the few block kinds the notebook convention cares
// about, each with its source lines. Everything else (code, quotes, tables) keeps only its extent,
// so text inside it can never be mistaken for a label or a step.
import MarkdownIt from 'markdown-it';
import { MATH_BLOCK, mathRules } from '../../shared/mathRules.js';
import type { LineRange } from '../../shared/notebookTypes.js';

type Token = MarkdownIt.Token;

export interface Inline {
  /** Source text of the block's inline content; source lines joined by '\n'. */
  readonly content: string;
}

export type Block =
  | { readonly kind: 'heading'; readonly lines: LineRange; readonly level: number; readonly inline: Inline }
  | { readonly kind: 'paragraph'; readonly lines: LineRange; readonly inline: Inline }
  | { readonly kind: 'math'; readonly lines: LineRange; readonly tex: string }
  | { readonly kind: 'list'; readonly lines: LineRange; readonly items: readonly ListItem[] }
  | { readonly kind: 'hr'; readonly lines: LineRange }
  /** `code` = fences and indented code, `quote` = block quotes, `table`, `other` = anything else. */
  | { readonly kind: 'code' | 'quote' | 'table' | 'other'; readonly lines: LineRange };

export interface ListItem {
  readonly lines: LineRange;
  readonly children: readonly Block[];
}

// One parser for the process: html:false keeps raw HTML as text, linkify is not needed for structure.
// Only block structure and each block's source text are used, so inline parsing (emphasis, links,
// `$…$`) is skipped: it was most of the time on long paragraphs, and never changes a block.
const parser = new MarkdownIt({ html: false, linkify: false }).use(mathRules);
parser.core.ruler.disable(['inline']);

function linesOf(token: Token): LineRange {
  const [start, end] = token.map ?? [0, 1];
  return { start, end: Math.max(start, end - 1) };
}

/** Index just past the token that closes the one opened at `open` (same nesting level). */
function skipContainer(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i + 1;
  }
  return tokens.length;
}

function inlineAt(tokens: readonly Token[], index: number): Inline {
  const token = tokens[index];
  return { content: token?.type === 'inline' ? token.content : '' };
}

const OTHER_KIND: Readonly<Record<string, 'code' | 'quote' | 'table'>> = {
  fence: 'code',
  code_block: 'code',
  blockquote_open: 'quote',
  table_open: 'table',
};

/** Reads sibling blocks from `start` until `end` (exclusive) or a closing token of the parent. */
function readBlocks(tokens: readonly Token[], start: number, end: number): Block[] {
  const blocks: Block[] = [];
  let i = start;
  while (i < end) {
    const token = tokens[i]!;
    if (token.nesting === -1) break;
    const next = token.nesting === 1 ? skipContainer(tokens, i) : i + 1;
    switch (token.type) {
      case 'heading_open':
        blocks.push({ kind: 'heading', lines: linesOf(token), level: Number(token.tag.slice(1)), inline: inlineAt(tokens, i + 1) });
        break;
      case 'paragraph_open':
        blocks.push({ kind: 'paragraph', lines: linesOf(token), inline: inlineAt(tokens, i + 1) });
        break;
      case MATH_BLOCK:
        blocks.push({ kind: 'math', lines: linesOf(token), tex: token.content });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        blocks.push({ kind: 'list', lines: linesOf(token), items: readItems(tokens, i + 1, next - 1) });
        break;
      case 'hr':
        blocks.push({ kind: 'hr', lines: linesOf(token) });
        break;
      default:
        blocks.push({ kind: OTHER_KIND[token.type] ?? 'other', lines: linesOf(token) });
    }
    i = next;
  }
  return blocks;
}

function readItems(tokens: readonly Token[], start: number, end: number): ListItem[] {
  const items: ListItem[] = [];
  let i = start;
  while (i < end) {
    const token = tokens[i]!;
    const next = skipContainer(tokens, i);
    if (token.type === 'list_item_open') {
      items.push({ lines: linesOf(token), children: readBlocks(tokens, i + 1, next - 1) });
    }
    i = next;
  }
  return items;
}

/** Top-level blocks of a markdown document, in order. */
export function parseBlocks(text: string): Block[] {
  const tokens = parser.parse(text, {});
  return readBlocks(tokens, 0, tokens.length);
}
