// Check results per document, shown only while the text they were computed for is still there.
// A result is keyed by its problem and stamped with the exact problem text and steps it scored;
// after any edit, the fresh parse is compared with that stamp, so a result for text that has
// since changed is never shown — while results for untouched problems survive edits elsewhere
// (their lines are re-mapped from the fresh parse).
import type { DerivationStep, Problem } from '../../shared/notebookTypes.js';
import type { CheckedStep, CheckResult } from '../../shared/engineProtocol.js';
import { stepSpans, tokenSpans, type ColumnSpan } from './tokenSpans.js';

export interface MappedStep {
  index: number;
  step: DerivationStep;
  checked: CheckedStep;
  /** Editor spans of each of `checked.tokens`. */
  tokens: ColumnSpan[][];
  spans: ColumnSpan[];
}

export interface MappedCheck {
  problem: Problem;
  result: CheckResult;
  steps: MappedStep[];
}

/** What a check request sends: the problem text and the user's step texts. */
export function checkedText(problem: Problem): { problem: string; steps: string[] } {
  return { problem: problem.text, steps: problem.work?.steps.map((s) => s.text) ?? [] };
}

function signature(problem: Problem): string {
  return JSON.stringify(checkedText(problem));
}

export function mapCheck(problem: Problem, result: CheckResult): MappedCheck | undefined {
  const steps = problem.work?.steps ?? [];
  if (steps.length !== result.steps.length) return undefined;
  return {
    problem,
    result,
    steps: steps.map((step, index) => {
      const checked = result.steps[index]!;
      return { index, step, checked, tokens: tokenSpans(step, checked.tokens.map((t) => t.text)), spans: stepSpans(step) };
    }),
  };
}

interface DocumentEntry {
  /** Problems the user asked to check: live checking keeps them up to date. */
  watched: Set<string>;
  results: Map<string, { signature: string; result: CheckResult }>;
}

export class CheckStore {
  private readonly documents = new Map<string, DocumentEntry>();

  private entry(uri: string): DocumentEntry {
    let entry = this.documents.get(uri);
    if (!entry) {
      entry = { watched: new Set(), results: new Map() };
      this.documents.set(uri, entry);
    }
    return entry;
  }

  watch(uri: string, problemKey: string): void {
    this.entry(uri).watched.add(problemKey);
  }

  hasWatched(uri: string): boolean {
    return (this.documents.get(uri)?.watched.size ?? 0) > 0;
  }

  /** Records a result for the problem exactly as it was when the request was made. */
  record(uri: string, problem: Problem, result: CheckResult): void {
    this.entry(uri).results.set(problem.key, { signature: signature(problem), result });
  }

  /**
   * For the document's current problems: the results that still match their text, and the
   * watched problems with steps that need a (new) check.
   */
  current(uri: string, problems: readonly Problem[]): { checks: MappedCheck[]; outdated: Problem[] } {
    const entry = this.documents.get(uri);
    const checks: MappedCheck[] = [];
    const outdated: Problem[] = [];
    if (!entry) return { checks, outdated };
    for (const problem of problems) {
      if (!entry.watched.has(problem.key)) continue;
      const stored = entry.results.get(problem.key);
      const mapped = stored && stored.signature === signature(problem) ? mapCheck(problem, stored.result) : undefined;
      if (mapped) checks.push(mapped);
      else if ((problem.work?.steps.length ?? 0) > 0) outdated.push(problem);
    }
    return { checks, outdated };
  }

  forget(uri: string): void {
    this.documents.delete(uri);
  }
}
