// "Solve · Check my steps · Hint" above every problem of a markdown notebook, or of a Jupyter
// notebook's markdown cells (in the cell that holds the Problem label). VS Code asks again after
// every edit, and the index parses each notebook version once.
import * as vscode from 'vscode';
import { COMMANDS, type ProblemTarget } from './commandIds.js';
import type { NotebookIndex } from './notebookIndex.js';
import { TutorDocument } from './tutorDocument.js';

export class ProblemCodeLenses implements vscode.CodeLensProvider {
  constructor(private readonly index: NotebookIndex) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const notebook = TutorDocument.ofText(document);
    if (!notebook) return [];
    return this.index.problems(notebook).flatMap((problem) => {
      const place = notebook.place(problem.range.start);
      if (place?.document.uri.toString() !== document.uri.toString()) return [];
      const range = new vscode.Range(place.line, 0, place.line, 0);
      const target: ProblemTarget = { uri: notebook.uri.toString(), line: problem.range.start };
      return [
        new vscode.CodeLens(range, { title: '$(play) Solve', command: COMMANDS.solve, arguments: [target], tooltip: 'Solve with the local model and show the search' }),
        new vscode.CodeLens(range, { title: 'Check my steps', command: COMMANDS.check, arguments: [target], tooltip: 'Score every step of your working' }),
        new vscode.CodeLens(range, { title: 'Hint', command: COMMANDS.hint, arguments: [target], tooltip: 'Suggest the next step only' }),
      ];
    });
  }
}
