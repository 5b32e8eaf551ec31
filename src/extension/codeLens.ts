// "Solve · Check my steps · Hint" above every problem of a markdown notebook. VS Code asks again
// after every edit, and the index parses each document version once.
import * as vscode from 'vscode';
import { COMMANDS, type ProblemTarget } from './commandIds.js';
import type { NotebookIndex } from './notebookIndex.js';

export class ProblemCodeLenses implements vscode.CodeLensProvider {
  constructor(private readonly index: NotebookIndex) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    return this.index.problems(document).flatMap((problem) => {
      const range = new vscode.Range(problem.range.start, 0, problem.range.start, 0);
      const target: ProblemTarget = { uri: document.uri.toString(), line: problem.range.start };
      return [
        new vscode.CodeLens(range, { title: '$(play) Solve', command: COMMANDS.solve, arguments: [target], tooltip: 'Solve with the local model and show the search' }),
        new vscode.CodeLens(range, { title: 'Check my steps', command: COMMANDS.check, arguments: [target], tooltip: 'Score every step of your working' }),
        new vscode.CodeLens(range, { title: 'Hint', command: COMMANDS.hint, arguments: [target], tooltip: 'Suggest the next step only' }),
      ];
    });
  }
}
