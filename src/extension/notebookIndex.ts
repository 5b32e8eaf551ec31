// Parsed notebooks by document version. CodeLens, hovers, checks and commands all ask for the
// problems of the same text: parse each version once.
import { parseNotebook, problemAt, problemByKey } from '../core/notebook/index.js';
import type { NotebookSource, Problem } from '../shared/notebookTypes.js';

/** The part of TutorDocument this needs (so it is testable without VS Code). */
export interface NotebookDocument {
  readonly uri: { toString(): string };
  /** Changes with every edit (for a Jupyter notebook: of any markdown cell, or of the cell list). */
  readonly version: number | string;
  /** A markdown file's text, or a Jupyter notebook's markdown cells. */
  source(): NotebookSource;
}

export class NotebookIndex {
  private readonly cache = new Map<string, { version: number | string; problems: Problem[] }>();

  problems(document: NotebookDocument): Problem[] {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached?.version === document.version) return cached.problems;
    const problems = parseNotebook(document.source());
    this.cache.set(key, { version: document.version, problems });
    return problems;
  }

  /** The labelled problem holding `line`, else the bare paragraph under it (see docs/notebook-format.md). */
  problemAt(document: NotebookDocument, line: number): Problem | undefined {
    return this.problems(document).find((p) => p.range.start <= line && line <= p.range.end) ?? problemAt(document.source(), line);
  }

  byKey(document: NotebookDocument, key: string): Problem | undefined {
    return this.problems(document).find((p) => p.key === key) ?? problemByKey(document.source(), key);
  }

  forget(uri: { toString(): string }): void {
    this.cache.delete(uri.toString());
  }
}
