// Finds problems and the user's working in a markdown notebook (see docs/notebook-format.md).
// Pure: text in, line ranges out. Only top-level blocks can be labels, so "Problem" inside code,
// block quotes or list items never starts a problem.
import { parseBlocks, type Block, type ListItem } from './blocks.js';
import { boldPrefixLength, labelOf, startsWithBoldLabel, type Label } from './labels.js';
import { splitLines } from './lines.js';
import { dropPrefix, paragraphSegments, sourceSegments, stepOf } from './segments.js';
import type { DerivationStep, LineRange, NotebookSource, Problem, ProblemLabelKind, StepSegment, Work } from '../../shared/notebookTypes.js';

interface Context {
  readonly source: readonly string[];
  readonly blocks: readonly Block[];
  /** Indices of blocks that open a cell after the first: a statement ends before them. */
  readonly cellHeads: ReadonlySet<number>;
}

/** target.push(...items) without the spread, which overflows the stack for a 100 000-item list. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function isBoundary(block: Block): boolean {
  return block.kind === 'heading' || block.kind === 'hr' || labelOf(block)?.kind === 'problem';
}

/** Segments of a block's text as part of a problem statement (code and quotes are not). */
function statementSegments(ctx: Context, block: Block): StepSegment[] {
  switch (block.kind) {
    case 'paragraph':
      return paragraphSegments(ctx.source, block);
    case 'math':
    case 'table':
      return sourceSegments(ctx.source, block.lines.start, block.lines.end);
    case 'list':
      return block.items.flatMap((item) => itemSteps(ctx, item)).flatMap((step) => step.segments);
    default:
      return [];
  }
}

/** A list item is one step (its own paragraphs and `$$` blocks), followed by its nested items. */
function itemSteps(ctx: Context, item: ListItem): DerivationStep[] {
  const own = item.children.flatMap((child) =>
    child.kind === 'paragraph' || child.kind === 'math' ? statementSegments(ctx, child) : [],
  );
  const nested = item.children.flatMap((child) => (child.kind === 'list' ? child.items.flatMap((i) => itemSteps(ctx, i)) : []));
  const step = stepOf(own);
  return step ? [step, ...nested] : nested;
}

/** Steps of the working: each paragraph line, each list item, each `$$` block. */
function workSteps(ctx: Context, block: Block): DerivationStep[] {
  switch (block.kind) {
    case 'paragraph':
      return paragraphSegments(ctx.source, block).flatMap((s) => stepOf([s]) ?? []);
    case 'math':
      return [stepOf(sourceSegments(ctx.source, block.lines.start, block.lines.end))].flatMap((s) => s ?? []);
    case 'list':
      return block.items.flatMap((item) => itemSteps(ctx, item));
    default:
      return [];
  }
}

/** Segments of a labelled paragraph after its bold label. */
function afterBoldLabel(ctx: Context, block: Block): StepSegment[] {
  if (block.kind !== 'paragraph') return [];
  const segments = paragraphSegments(ctx.source, block);
  return dropPrefix(segments, boldPrefixLength(segments[0]?.text ?? ''));
}

/** Text after "Problem 1:" in a heading, used as the statement when no paragraph follows. */
function headingRest(ctx: Context, block: Block): StepSegment[] {
  if (block.kind !== 'heading') return [];
  const line = ctx.source[block.lines.start] ?? '';
  const colon = line.indexOf(':');
  // The lookbehind makes the match start only where a run starts: linear on a long run of spaces.
  const text = colon < 0 ? '' : line.slice(colon + 1).replace(/(?<![\s#])[\s#]+$/, '');
  const trimmed = text.trimStart();
  return trimmed === '' ? [] : [{ line: block.lines.start, column: colon + 1 + text.length - trimmed.length, text: trimmed }];
}

interface Section {
  readonly statement: readonly StepSegment[];
  readonly work: Work | undefined;
  /** Index of the last block that belongs to the problem. */
  readonly last: number;
}

/**
 * Reads a problem starting at block `first`. A labelled problem's statement runs to the next
 * boundary or work label; a bare paragraph's statement is that paragraph alone. Working runs from
 * the work label to the next boundary.
 */
function readSection(ctx: Context, first: number, label: Label | undefined): Section {
  const head = ctx.blocks[first]!;
  let statement: StepSegment[];
  let k = first + 1;
  if (!label) {
    statement = paragraphSegments(ctx.source, head as Extract<Block, { kind: 'paragraph' }>);
  } else {
    statement = label.bold ? afterBoldLabel(ctx, head) : [];
    for (; k < ctx.blocks.length; k++) {
      const block = ctx.blocks[k]!;
      if (isBoundary(block) || labelOf(block)?.kind === 'work') break;
      // A statement stays in its cell; the next cell can only start the working.
      if (ctx.cellHeads.has(k)) break;
      append(statement, statementSegments(ctx, block));
    }
    if (statement.length === 0) statement = headingRest(ctx, head);
  }

  const workHead = ctx.blocks[k];
  const workLabel = workHead && labelOf(workHead);
  if (!workHead || workLabel?.kind !== 'work') return { statement, work: undefined, last: k - 1 };

  const steps: DerivationStep[] = workLabel.bold ? afterBoldLabel(ctx, workHead).flatMap((s) => stepOf([s]) ?? []) : [];
  let last = k;
  for (k = k + 1; k < ctx.blocks.length; k++) {
    const block = ctx.blocks[k]!;
    if (isBoundary(block)) break;
    append(steps, workSteps(ctx, block));
    last = k;
  }
  return { statement, work: { labelLine: workHead.lines.start, steps }, last };
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'problem';
}

// FNV-1a: a short, stable key for unlabelled problems, which have no title to key on.
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function toProblem(ctx: Context, first: number, label: Label | undefined, key: string): { problem?: Problem; last: number } {
  const section = readSection(ctx, first, label);
  const text = section.statement.map((s) => s.text).join(' ');
  const firstSeg = section.statement[0];
  const lastSeg = section.statement[section.statement.length - 1];
  if (text === '' || !firstSeg || !lastSeg) return { last: first };
  const head = ctx.blocks[first]!;
  const lastBlock = ctx.blocks[section.last]!;
  const labelKind: ProblemLabelKind = label ? (label.bold ? 'bold' : 'heading') : 'paragraph';
  // A list's extent can include the blank line after it; a problem ends at its last text.
  let end = Math.max(lastBlock.lines.end, head.lines.end);
  while (end > head.lines.start && (ctx.source[end] ?? '').trim() === '') end--;
  const range: LineRange = { start: head.lines.start, end };
  const problem: Problem = {
    key,
    title: label?.title ?? 'Problem',
    labelKind,
    range,
    statement: { start: firstSeg.line, end: lastSeg.line },
    text,
    ...(section.work ? { work: section.work } : {}),
  };
  return { problem, last: section.last };
}

/**
 * A bold label on a later line of a paragraph ("What is 2+3?\n**Solution:** …") starts a new
 * block: people rarely leave a blank line before it, and CommonMark would keep one paragraph.
 */
function splitAtLabels(block: Block): Block[] {
  if (block.kind !== 'paragraph') return [block];
  const lines = block.inline.content.split('\n');
  const starts = lines.flatMap((line, k) => (k === 0 || startsWithBoldLabel(line) ? [k] : []));
  return starts.map((from, n) => {
    const to = starts[n + 1] ?? lines.length;
    return {
      kind: 'paragraph',
      lines: { start: block.lines.start + from, end: block.lines.start + to - 1 },
      inline: { content: lines.slice(from, to).join('\n') },
    };
  });
}

function shifted(block: Block, by: number): Block {
  const lines = { start: block.lines.start + by, end: block.lines.end + by };
  if (block.kind !== 'list') return { ...block, lines };
  return { ...block, lines, items: block.items.map((item) => ({ lines: { start: item.lines.start + by, end: item.lines.end + by }, children: item.children.map((c) => shifted(c, by)) })) };
}

function context(input: NotebookSource): Context {
  if (typeof input === 'string') return { source: splitLines(input), blocks: parseBlocks(input).flatMap(splitAtLabels), cellHeads: new Set() };
  const source: string[] = [];
  const blocks: Block[] = [];
  const cellHeads = new Set<number>();
  for (const cell of input) {
    const offset = source.length;
    if (offset > 0) cellHeads.add(blocks.length);
    append(source, splitLines(cell));
    append(blocks, parseBlocks(cell).flatMap(splitAtLabels).map((b) => (offset === 0 ? b : shifted(b, offset))));
  }
  return { source, blocks, cellHeads };
}

function labelledProblems(ctx: Context): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < ctx.blocks.length; i++) {
    const label = labelOf(ctx.blocks[i]!);
    if (label?.kind !== 'problem') continue;
    const base = slug(label.title);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const { problem, last } = toProblem(ctx, i, label, count === 1 ? base : `${base}~${count}`);
    if (problem) problems.push(problem);
    i = last;
  }
  return problems;
}

/** All labelled problems of a notebook, in document order. Never throws. */
export function parseNotebook(source: NotebookSource): Problem[] {
  return labelledProblems(context(source));
}

function paragraphProblem(ctx: Context, index: number): Problem | undefined {
  const block = ctx.blocks[index];
  if (!block || block.kind !== 'paragraph' || labelOf(block)) return undefined;
  return toProblem(ctx, index, undefined, `paragraph-${hash(block.inline.content)}`).problem;
}

function within(problems: readonly Problem[], line: number): Problem | undefined {
  return problems.find((p) => p.range.start <= line && line <= p.range.end);
}

/**
 * The problem at `line`: the labelled problem whose section holds the line, else the top-level
 * paragraph under the cursor (with a work label right after it, if any).
 */
export function problemAt(source: NotebookSource, line: number): Problem | undefined {
  const ctx = context(source);
  const labelled = within(labelledProblems(ctx), line);
  if (labelled) return labelled;
  return paragraphProblem(ctx, ctx.blocks.findIndex((b) => b.lines.start <= line && line <= b.lines.end));
}

/** The problem with this key (as returned earlier by parseNotebook or problemAt), if still there. */
export function problemByKey(source: NotebookSource, key: string): Problem | undefined {
  const ctx = context(source);
  const labelled = labelledProblems(ctx);
  const found = labelled.find((p) => p.key === key);
  if (found || !key.startsWith('paragraph-')) return found;
  for (let i = 0; i < ctx.blocks.length; i++) {
    if (within(labelled, ctx.blocks[i]!.lines.start)) continue;
    const problem = paragraphProblem(ctx, i);
    if (problem?.key === key) return problem;
  }
  return undefined;
}
