// What the tutor reads as one notebook: a markdown text document, or the markdown cells of a
// Jupyter notebook opened in VS Code's notebook editor (docs/notebook-format.md, "Jupyter
// notebooks"). Problems carry "joined" line numbers (for a markdown file, its own lines; for a
// notebook, the markdown cells' lines one after the other); place() and lineOf() translate them
// to and from the text document that shows the line (a markdown file, or one cell's document).
import * as vscode from 'vscode';
import { cellLineOf, cellStarts, joinedLineCount } from '../core/notebook/index.js';
import type { NotebookSource } from '../shared/notebookTypes.js';

/** URI scheme of a notebook cell's text document. */
export const CELL_SCHEME = 'vscode-notebook-cell';

/** A line of a text document that VS Code shows. */
export interface LinePlace {
  document: vscode.TextDocument;
  line: number;
}

export class TutorDocument {
  private readonly starts: number[];
  private readonly lineCount: number;

  private constructor(
    /** The markdown file, or the .ipynb notebook. */
    readonly uri: vscode.Uri,
    /** The text documents whose lines are joined: the markdown file, or the markdown cells in order. */
    readonly parts: readonly vscode.TextDocument[],
    readonly notebook: vscode.NotebookDocument | undefined,
  ) {
    const texts = parts.map((d) => d.getText());
    this.starts = cellStarts(texts);
    this.lineCount = joinedLineCount(texts);
  }

  /** The notebook a text document belongs to: itself if markdown, its notebook if a markdown cell. */
  static ofText(document: vscode.TextDocument): TutorDocument | undefined {
    if (document.languageId !== 'markdown') return undefined;
    if (document.uri.scheme !== CELL_SCHEME) return new TutorDocument(document.uri, [document], undefined);
    const uri = document.uri.toString();
    const notebook = vscode.workspace.notebookDocuments.find((n) => n.getCells().some((c) => c.document.uri.toString() === uri));
    return notebook && TutorDocument.ofNotebook(notebook);
  }

  /** A notebook's markdown cells; code and raw cells are ignored. */
  static ofNotebook(notebook: vscode.NotebookDocument): TutorDocument {
    const markdown = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Markup);
    return new TutorDocument(notebook.uri, markdown.map((c) => c.document), notebook);
  }

  /** The notebook with this uri (a CodeLens argument, a panel's document), opening it if needed. */
  static async open(uri: string): Promise<TutorDocument | undefined> {
    try {
      const open = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === uri);
      if (open) return TutorDocument.ofNotebook(open);
      const parsed = vscode.Uri.parse(uri);
      if (parsed.path.endsWith('.ipynb')) return TutorDocument.ofNotebook(await vscode.workspace.openNotebookDocument(parsed));
      return TutorDocument.ofText(await vscode.workspace.openTextDocument(parsed));
    } catch {
      return undefined;
    }
  }

  /** The same notebook read again now (its cells and their lines as they are now). */
  fresh(): TutorDocument {
    return this.notebook ? TutorDocument.ofNotebook(this.notebook) : new TutorDocument(this.uri, this.parts, undefined);
  }

  /** Changes with every edit of any of its parts and with cells added, removed or moved. */
  get version(): string {
    return `${this.notebook?.version ?? ''}:${this.parts.map((d) => d.version).join('.')}`;
  }

  get isClosed(): boolean {
    return this.notebook ? this.notebook.isClosed : this.parts[0]!.isClosed;
  }

  /** Line break for inserted text; notebook cells use '\n'. */
  get eol(): string {
    return !this.notebook && this.parts[0]!.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  }

  /** What the parser reads: one text, or the cells' texts. */
  source(): NotebookSource {
    return this.notebook ? this.parts.map((d) => d.getText()) : this.parts[0]!.getText();
  }

  /** The document and line that show joined line `line`. */
  place(line: number): (LinePlace & { part: number }) | undefined {
    const at = cellLineOf(this.starts, this.lineCount, line);
    return at && { document: this.parts[at.cell]!, line: at.line, part: at.cell };
  }

  /** The joined line of `line` in `document`, if the document is one of the parts. */
  lineOf(document: vscode.TextDocument, line: number): number | undefined {
    const part = this.partOf(document);
    return part < 0 ? undefined : this.starts[part]! + line;
  }

  /** Joined line `line` as a function of the part that holds it (undefined elsewhere). */
  localLine(part: number): (line: number) => number | undefined {
    return (line) => {
      const at = cellLineOf(this.starts, this.lineCount, line);
      return at?.cell === part ? at.line : undefined;
    };
  }

  /** Editors now showing one of the parts, with the part's index. */
  visibleEditors(): Array<{ editor: vscode.TextEditor; part: number }> {
    return vscode.window.visibleTextEditors.flatMap((editor) => {
      const part = this.partOf(editor.document);
      return part < 0 ? [] : [{ editor, part }];
    });
  }

  /** Index of this text document among the parts, or -1. */
  partOf(document: vscode.TextDocument): number {
    const uri = document.uri.toString();
    return this.parts.findIndex((d) => d.uri.toString() === uri);
  }
}
