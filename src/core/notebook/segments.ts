// Maps block content back to columns of the source lines, so that editor features (hovers,
// decorations) can point at the exact characters the engine scored.
import type { Block } from './blocks.js';
import type { DerivationStep, StepSegment } from '../../shared/notebookTypes.js';

function segment(source: readonly string[], line: number, text: string): StepSegment | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const sourceLine = (source[line] ?? '').trimEnd();
  // markdown-it strips container markup (list markers, `>`, indentation) from the front of each
  // line only, so the content is a suffix of the source line; fall back to the first non-space.
  // It also replaces NUL with U+FFFD, one for one: compare in its terms, keep the source's text.
  const seen = sourceLine.replaceAll('\0', '\uFFFD');
  if (seen.endsWith(trimmed)) {
    const column = sourceLine.length - trimmed.length;
    return { line, column, text: sourceLine.slice(column) };
  }
  return { line, column: sourceLine.length - sourceLine.trimStart().length, text: trimmed };
}

/** One segment per non-empty content line of a paragraph. */
export function paragraphSegments(source: readonly string[], block: Extract<Block, { kind: 'paragraph' }>): StepSegment[] {
  return block.inline.content
    .split('\n')
    .map((text, k) => segment(source, block.lines.start + k, text))
    .filter((s): s is StepSegment => s !== undefined);
}

/** One segment per non-empty source line of the range (for `$$` blocks, which keep their markup). */
export function sourceSegments(source: readonly string[], start: number, end: number): StepSegment[] {
  const segments: StepSegment[] = [];
  for (let line = start; line <= end; line++) {
    const s = segment(source, line, stripListMarker(source[line] ?? ''));
    if (s) segments.push(s);
  }
  return segments;
}

// A `$$` block inside a list item starts after the item's marker.
function stripListMarker(line: string): string {
  return line.replace(/^\s*(?:[-+*]|\d{1,9}[.)])\s+(?=\$\$)/, '');
}

/** Drops the first `length` characters of the first segment (a bold label), keeping columns right. */
export function dropPrefix(segments: readonly StepSegment[], length: number): StepSegment[] {
  const [first, ...rest] = segments;
  if (!first || length === 0) return [...segments];
  const text = first.text.slice(length).trimStart();
  const dropped = first.text.length - text.length;
  return text === '' ? rest : [{ line: first.line, column: first.column + dropped, text }, ...rest];
}

export function stepOf(segments: readonly StepSegment[]): DerivationStep | undefined {
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (!first || !last) return undefined;
  return {
    range: { start: first.line, end: last.line },
    text: segments.map((s) => s.text).join(' '),
    segments,
  };
}
