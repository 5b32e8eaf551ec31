// Hovers over checked steps: the value after the number or word under the cursor, step value and its change (hover.ts builds the text).
import * as vscode from 'vscode';
import { TutorDocument } from '../tutorDocument.js';
import type { CheckController } from './checkController.js';
import { hoverMarkdown } from './hover.js';

export class StepHoverProvider implements vscode.HoverProvider {
  constructor(private readonly checks: CheckController) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const notebook = TutorDocument.ofText(document);
    const line = notebook?.lineOf(document, position.line);
    if (!notebook || line === undefined) return undefined;
    const text = hoverMarkdown(this.checks.current(notebook), line, position.character);
    // Untrusted and without HTML: token texts come from the document and the model.
    return text === undefined ? undefined : new vscode.Hover(new vscode.MarkdownString(text));
  }
}
