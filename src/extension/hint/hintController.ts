// Hint: one next step from the engine, shown after the user's last step (or instead of the first
// suspicious one) and in a message — never the whole solution. The hint disappears on the next
// edit of the document, because it was computed for the text as it was.
import * as vscode from 'vscode';
import type { TutorConfig } from '../configModel.js';
import type { CheckController } from '../check/checkController.js';
import { errorMessage, isCancellation, type EngineHost } from '../engineHost.js';
import type { NotebookIndex } from '../notebookIndex.js';
import { resolveTarget } from '../targets.js';
import { TutorDocument } from '../tutorDocument.js';
import { Supersede } from '../util/supersede.js';
import { hintMessage, planHint } from './hintPlan.js';

export class HintController implements vscode.Disposable {
  private readonly running = new Supersede<string>();
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 1.5em', color: new vscode.ThemeColor('editorInlayHint.foreground'), backgroundColor: new vscode.ThemeColor('editorInlayHint.background') },
  });
  /** Notebooks showing a hint: the version it was computed for, the joined line it follows, its text. */
  private readonly shown = new Map<string, { version: string; line: number; text: string }>();
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
        const notebook = TutorDocument.ofText(e.document);
        if (!notebook) return;
        this.running.abort(notebook.uri.toString());
        this.clear(notebook);
      }),
      // An editor shown again (another tab, a Jupyter cell put in edit mode) starts without decorations.
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        const notebooks = new Map<string, TutorDocument>();
        for (const editor of editors) {
          const notebook = TutorDocument.ofText(editor.document);
          if (notebook) notebooks.set(notebook.uri.toString(), notebook);
        }
        notebooks.forEach((notebook) => this.apply(notebook));
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
      void vscode.window.showInformationMessage(`${problem.title} — ${message}`);
    } catch (error) {
      if (!isCancellation(error)) void vscode.window.showErrorMessage(`TVM Math Tutor could not find a hint for ${problem.title}: ${errorMessage(error)}`);
    } finally {
      ticket.done();
    }
  }

  dispose(): void {
    this.running.abortAll();
    this.subscriptions.forEach((s) => s.dispose());
    this.decoration.dispose();
  }

  /** The hint after joined line `line`: in the markdown editor, or in the Jupyter cell that holds the line. */
  private show(document: TutorDocument, line: number, text: string): void {
    this.shown.set(document.uri.toString(), { version: document.version, line, text });
    this.apply(document);
  }

  /** Draws the notebook's hint in the editors showing it, if it is still for the current text. */
  private apply(document: TutorDocument): void {
    const hint = this.shown.get(document.uri.toString());
    if (hint?.version !== document.version) return;
    const { text } = hint;
    const place = document.place(hint.line);
    if (!place) return;
    const end = place.document.lineAt(place.line).range.end;
    for (const { editor, part } of document.visibleEditors()) {
      editor.setDecorations(this.decoration, part === place.part ? [{ range: new vscode.Range(end, end), renderOptions: { after: { contentText: text } } }] : []);
    }
  }

  private clear(document: TutorDocument): void {
    const uri = document.uri.toString();
    const shownFor = this.shown.get(uri);
    if (shownFor === undefined || shownFor.version === document.version) return;
    this.shown.delete(uri);
    for (const { editor } of document.visibleEditors()) editor.setDecorations(this.decoration, []);
  }
}
