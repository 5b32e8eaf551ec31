// Hint: one next step from the engine, shown after the user's last step (or instead of the first
// suspicious one) and in a message — never the whole solution. The hint disappears on the next
// edit of the document, because it was computed for the text as it was.
import * as vscode from 'vscode';
import type { TutorConfig } from '../configModel.js';
import type { CheckController } from '../check/checkController.js';
import { errorMessage, isCancellation, type EngineHost } from '../engineHost.js';
import type { NotebookIndex } from '../notebookIndex.js';
import { showFailure } from '../notify.js';
import { resolveTarget } from '../targets.js';
import { failureToast, hintToast } from '../toastText.js';
import { Supersede } from '../util/supersede.js';
import { hintMessage, planHint } from './hintPlan.js';

export class HintController implements vscode.Disposable {
  private readonly running = new Supersede<string>();
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 1.5em', color: new vscode.ThemeColor('editorInlayHint.foreground'), backgroundColor: new vscode.ThemeColor('editorInlayHint.background') },
  });
  /** Documents showing a hint, with the version it was computed for. */
  private readonly shown = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly engine: EngineHost,
    private readonly index: NotebookIndex,
    private readonly checks: CheckController,
    private readonly config: () => TutorConfig,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return; // only the dirty flag changed
        this.running.abort(e.document.uri.toString());
        this.clear(e.document);
      }),
    ];
  }

  async hintCommand(arg: unknown): Promise<void> {
    const target = await resolveTarget(this.index, arg);
    if (!target) return;
    const { document, problem } = target;
    const uri = document.uri.toString();
    const version = document.version;
    const plan = planHint(problem, this.checks.current(document).find((c) => c.problem.key === problem.key));
    const config = this.config();
    const ticket = this.running.start(uri);
    try {
      const hint = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'TVM: thinking of a hint…' }, () =>
        this.engine.run('hinting', (client) =>
          client.hint({ problem: problem.text, steps: plan.steps, options: { k: config.k, temperature: config.temperature, exact: config.exactMath } }, { signal: ticket.signal }),
        ),
      );
      // A hint for text that has changed since would point at the wrong line.
      if (!ticket.isCurrent() || document.version !== version) return;
      const message = hintMessage(hint, plan);
      this.show(document, plan.anchorLine, `💡 ${message}`);
      void vscode.window.showInformationMessage(hintToast(problem.title, message));
    } catch (error) {
      if (!isCancellation(error)) showFailure(failureToast('hint', problem.title, errorMessage(error)));
    } finally {
      ticket.done();
    }
  }

  dispose(): void {
    this.running.abortAll();
    this.subscriptions.forEach((s) => s.dispose());
    this.decoration.dispose();
  }

  private show(document: vscode.TextDocument, line: number, text: string): void {
    this.shown.set(document.uri.toString(), document.version);
    const end = document.lineAt(line).range.end;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === document) editor.setDecorations(this.decoration, [{ range: new vscode.Range(end, end), renderOptions: { after: { contentText: text } } }]);
    }
  }

  private clear(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    const shownFor = this.shown.get(uri);
    if (shownFor === undefined || shownFor === document.version) return;
    this.shown.delete(uri);
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) editor.setDecorations(this.decoration, []);
  }
}
