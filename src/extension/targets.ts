// Finds the notebook and problem a command is about: the CodeLens argument, or the cursor (in a
// markdown editor or a Jupyter notebook's markdown cell).
import * as vscode from 'vscode';
import type { Problem } from '../shared/notebookTypes.js';
import { parseTarget } from './commandIds.js';
import type { NotebookIndex } from './notebookIndex.js';
import { TutorDocument } from './tutorDocument.js';
import { NO_NOTEBOOK_TOAST, NO_PROBLEM_TOAST } from './toastText.js';

export interface Target {
  document: TutorDocument;
  problem: Problem;
}

/** The notebook and joined line under the cursor: a text editor's cursor, else the selected notebook cell's first line. */
function cursor(): { document: TutorDocument; line: number } | undefined {
  const editor = vscode.window.activeTextEditor;
  const fromEditor = editor && TutorDocument.ofText(editor.document);
  const line = fromEditor && editor && fromEditor.lineOf(editor.document, editor.selection.active.line);
  if (fromEditor && line !== undefined) return { document: fromEditor, line };
  // A rendered markdown cell has no text editor: the notebook editor's selected cell stands in.
  const notebookEditor = vscode.window.activeNotebookEditor;
  const cell = notebookEditor?.notebook.cellAt(notebookEditor.selection.start);
  if (!notebookEditor || !cell || cell.kind !== vscode.NotebookCellKind.Markup) return undefined;
  const document = TutorDocument.ofNotebook(notebookEditor.notebook);
  const cellLine = document.lineOf(cell.document, 0);
  return cellLine === undefined ? undefined : { document, line: cellLine };
}

export async function resolveTarget(index: NotebookIndex, arg: unknown): Promise<Target | undefined> {
  const given = parseTarget(arg);
  const at = given ? await TutorDocument.open(given.uri).then((document) => document && { document, line: given.line }) : cursor();
  if (!at) {
    void vscode.window.showInformationMessage(NO_NOTEBOOK_TOAST);
    return undefined;
  }
  const problem = index.problemAt(at.document, at.line);
  if (!problem) {
    void vscode.window.showInformationMessage(NO_PROBLEM_TOAST);
    return undefined;
  }
  return { document: at.document, problem };
}
