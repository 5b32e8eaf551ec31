// markdown-it rules for `$…$` (inline) and `$$…$$` (display) math.
// Shared by the notebook parser (so a `$$` block containing `- x` or a blank line is one block, not a
// list or two paragraphs) and by the webview renderer (which fills the emitted tokens with KaTeX).
// The rules only tokenize: they never render TeX, so they are safe on untrusted text.
// In src/shared because both sides of the webview protocol need it: it is the grammar of the
// markdown the view model carries (StepView.text, SolveView.problem), and media may import nothing
// from src/core. Like the rest of src/shared it imports nothing outside src/shared (markdown-it's
// types only).
import type MarkdownIt from 'markdown-it';

type StateBlock = MarkdownIt.StateBlock;
type StateInline = MarkdownIt.StateInline;

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

/** Token types emitted by these rules. */
export const MATH_BLOCK = 'math_block';
export const MATH_INLINE = 'math_inline';

/** Per parse (keyed by markdown-it's env object): the source lines that end with `$$`. */
const closingLinesByEnv = new WeakMap<object, { src: string; lines: number[] }>();
const NO_ENV = {};

/**
 * The first line after `line` whose text ends with `$$` (where a display block could close), or
 * Infinity. Without it every unclosed `$$` line would scan to the end of the document, and a
 * paragraph re-checks each of its lines: quadratic, seconds for a 10 000-line notebook.
 */
function nextClosingLine(state: StateBlock, line: number): number {
  const env = typeof state.env === 'object' && state.env !== null ? (state.env as object) : NO_ENV;
  let entry = closingLinesByEnv.get(env);
  if (entry?.src !== state.src) {
    const lines: number[] = [];
    state.src.split('\n').forEach((text, i) => {
      if (text.trimEnd().endsWith('$$')) lines.push(i);
    });
    entry = { src: state.src, lines };
    closingLinesByEnv.set(env, entry);
  }
  const { lines } = entry;
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lines[mid]! > line) high = mid;
    else low = mid + 1;
  }
  return lines[low] ?? Infinity;
}

/**
 * `$$` at the start of a line opens a display block that ends at the first line ending in `$$`
 * (possibly the same line). An unclosed `$$` is not math: the line stays a paragraph, so a stray
 * dollar sign cannot swallow the rest of the document.
 */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const firstMax = state.eMarks[startLine]!;
  if (start + 2 > firstMax) return false;
  if (state.src.charCodeAt(start) !== DOLLAR || state.src.charCodeAt(start + 1) !== DOLLAR) return false;

  const firstRest = state.src.slice(start + 2, firstMax);
  let lastLine = -1;
  let body = '';
  const sameLine = firstRest.trimEnd();
  if (sameLine.length >= 2 && sameLine.endsWith('$$')) {
    lastLine = startLine;
    body = sameLine.slice(0, -2);
  } else {
    if (nextClosingLine(state, startLine) >= endLine) return false;
    const parts = [firstRest];
    for (let line = startLine + 1; line < endLine; line++) {
      const lineStart = state.bMarks[line]! + state.tShift[line]!;
      const lineMax = state.eMarks[line]!;
      // A non-empty line that leaves the container (list item, block quote) ends the search.
      if (lineStart < lineMax && state.sCount[line]! < state.blkIndent) break;
      const text = state.src.slice(lineStart, lineMax).trimEnd();
      if (text.endsWith('$$')) {
        parts.push(text.slice(0, -2));
        lastLine = line;
        break;
      }
      parts.push(text);
    }
    body = parts.join('\n');
  }
  if (lastLine < 0) return false;
  if (silent) return true;

  state.line = lastLine + 1;
  const token = state.push(MATH_BLOCK, 'math', 0);
  token.block = true;
  token.content = body.trim();
  token.markup = '$$';
  token.map = [startLine, state.line];
  return true;
}

/** Index of the closing `$` (or `$$`) for math opened at `from`, skipping `\$`; -1 if none. */
function findClose(src: string, from: number, max: number, display: boolean): number {
  for (let pos = from; pos < max; pos++) {
    const ch = src.charCodeAt(pos);
    if (ch === BACKSLASH) {
      pos++;
      continue;
    }
    if (ch !== DOLLAR) continue;
    if (display) {
      if (src.charCodeAt(pos + 1) === DOLLAR) return pos;
      continue;
    }
    return pos;
  }
  return -1;
}

function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a;
}

function isDigit(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}

/**
 * Inline `$…$` follows Pandoc's rule so that prices ("$5 and $6") stay text: the opening `$` is not
 * followed by a space, the closing `$` is not preceded by a space nor followed by a digit.
 * `$$…$$` inside a line is display math.
 */
function mathInline(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const src = state.src;
  if (src.charCodeAt(start) !== DOLLAR) return false;
  const display = src.charCodeAt(start + 1) === DOLLAR;
  const open = start + (display ? 2 : 1);
  if (open >= state.posMax || isSpace(src.charCodeAt(open))) return false;

  const close = findClose(src, open, state.posMax, display);
  if (close < 0 || close === open) return false;
  if (!display) {
    if (isSpace(src.charCodeAt(close - 1))) return false;
    if (isDigit(src.charCodeAt(close + 1))) return false;
  }
  if (!silent) {
    const token = state.push(MATH_INLINE, 'math', 0);
    token.content = src.slice(open, close);
    token.markup = display ? '$$' : '$';
    token.info = display ? 'display' : '';
  }
  state.pos = close + (display ? 2 : 1);
  return true;
}

/** markdown-it plugin: registers both rules. Rendering is left to the caller's renderer rules. */
export function mathRules(md: MarkdownIt): void {
  md.block.ruler.before('fence', MATH_BLOCK, mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.after('escape', MATH_INLINE, mathInline);
}
