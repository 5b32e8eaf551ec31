// Finds the document and problem a command is about: the CodeLens argument, or the cursor.
import * as vscode from 'vscode';
import type { Problem } from '../core/notebook/index.js';
import { parseTarget } from './commandIds.js';
import type { NotebookIndex } from './notebookIndex.js';
import { NO_NOTEBOOK_TOAST, NO_PROBLEM_TOAST } from './toastText.js';

export interface Target {
  document: vscode.TextDocument;
  problem: Problem;
}

export async function resolveTarget(index: NotebookIndex, arg: unknown): Promise<Target | undefined> {
  const given = parseTarget(arg);
  const editor = vscode.window.activeTextEditor;
  const document = given ? await vscode.workspace.openTextDocument(vscode.Uri.parse(given.uri)) : editor?.document;
  const line = given ? given.line : editor?.selection.active.line;
  if (!document || line === undefined || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(NO_NOTEBOOK_TOAST);
    return undefined;
  }
  const problem = index.problemAt(document, line);
  if (!problem) {
    void vscode.window.showInformationMessage(NO_PROBLEM_TOAST);
    return undefined;
  }
  return { document, problem };
}

/** The document with this uri, if it is open or can be opened. */
export async function openDocument(uri: string): Promise<vscode.TextDocument | undefined> {
  try {
    return await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  } catch {
    return undefined;
  }
}
