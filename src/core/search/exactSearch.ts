// Exact math inside a search: the calculator handed to the policy while it decodes, and a walker
// that judges each candidate line after the lines before it (src/core/exact). A candidate with a
// false or non-following line is never kept; tokens the calculator wrote are marked in the trace.
import type { TextCodec, TokenForcer } from '../lm.js';
import { calculatorResult, DerivationWalker, isContradicted, problemContext } from '../exact/index.js';
import { availableNumbers, ungroundedNumbers } from '../exact/grounding.js';
import { tokenText } from '../tokenText.js';
import type { ExactCheck, TracePath } from './trace.js';
import type { Selection } from './votes.js';

export interface ExactSearch {
  readonly force: TokenForcer;
  /** The judge of the next line after `lines` (the user's given steps, or a path's earlier lines). */
  after(lines: readonly string[]): LineJudge;
}

/** Judges one line after the lines before it: its exact check and its numbers from nowhere. */
export class LineJudge {
  constructor(
    private readonly walker: DerivationWalker,
    private readonly available: Set<string>,
  ) {}

  /** Judges `line` and moves past it. */
  judge(line: string): { exact: ExactCheck; ungrounded: string[] } {
    return { exact: this.walker.judge(line), ungrounded: ungroundedNumbers(line, this.available) };
  }

  /** A judge in the same state, for one of several candidate next lines. */
  clone(): LineJudge {
    return new LineJudge(this.walker.clone(), new Set(this.available));
  }
}

export function exactSearch(problem: string, codec: TextCodec): ExactSearch {
  const context = problemContext(problem);
  return {
    force(_prompt, generated) {
      const last = generated.at(-1);
      if (last === undefined || !tokenText(codec, last).includes('=')) return null;
      const line = codec.decode(generated).split('\n').at(-1) ?? '';
      const rest = remainingResult(line);
      return rest === null ? null : codec.encode(rest);
    },
    after(lines) {
      const judge = new LineJudge(new DerivationWalker(context), availableNumbers(problem));
      for (const line of lines) judge.judge(line);
      return judge;
    },
  };
}

/** Judges every line of a path in order (after the user's given steps), recording each verdict on its step. */
export function judgePath(path: TracePath, exact: ExactSearch, prefixSteps: readonly string[] = []): TracePath {
  const judge = exact.after(prefixSteps);
  for (const step of path.steps) Object.assign(step, judged(judge.judge(step.text)));
  return path;
}

/** The trace fields of a judged line (ungrounded only when there is one). */
export function judged({ exact, ungrounded }: { exact: ExactCheck; ungrounded: string[] }): { exact: ExactCheck; ungrounded?: string[] } {
  return ungrounded.length > 0 ? { exact, ungrounded } : { exact };
}

/**
 * The strategy's choice among the paths no exact fact contradicts (every line true, following or
 * unknown); among all paths when every one is contradicted (greedy has only one), so the trace
 * still shows what was sampled, its false lines marked.
 */
export function selectUncontradicted(paths: readonly TracePath[], select: (paths: readonly TracePath[]) => Selection): Selection {
  const clean = paths.flatMap((path, i) => (path.steps.some((step) => isContradicted(step.exact)) ? [] : [i]));
  if (clean.length === 0 || clean.length === paths.length) return select(paths);
  const selection = select(clean.map((i) => paths[i] as TracePath));
  const original = (i: number): number => clean[i] as number;
  return {
    chosen: original(selection.chosen),
    answer: selection.answer,
    votes: selection.votes.map((v) => ({ ...v, members: v.members.map(original) })),
  };
}

/**
 * What the calculator still has to write on `line`, which has just written "=": the whole result,
 * or its rest when the token that wrote "=" also began it ("=-" before a negative result). Null
 * when nothing is calculable or the line has already begun a different number.
 */
export function remainingResult(line: string): string | null {
  const at = line.lastIndexOf('=');
  const begun = line.slice(at + 1);
  if (at < 0 || !/^\s*-?$/.test(begun)) return null;
  const result = calculatorResult(line.slice(0, at + 1).trimEnd());
  if (result === null) return null;
  if (begun === '') return result;
  const target = result.trimStart();
  const written = begun.trimStart();
  return target.startsWith(written) && target.length > written.length ? target.slice(written.length) : null;
}
