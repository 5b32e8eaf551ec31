// Solve: problem → engine solve request → search trace → view model → panel. The notification's
// Cancel, the panel's Cancel and a newer Solve of the same problem all abort the request.
import * as vscode from 'vscode';
import type { Problem } from '../../shared/notebookTypes.js';
import type { SearchProgress, SolveRequest } from '../../shared/engineProtocol.js';
import type { TutorConfig } from '../configModel.js';
import { errorMessage, isCancellation, type EngineHost } from '../engineHost.js';
import type { NotebookIndex } from '../notebookIndex.js';
import { showFailure } from '../notify.js';
import { resolveTarget, type Target } from '../targets.js';
import { failureToast, goneToast, INSERT_FAILED_TOAST, progressToast, solvingToastTitle } from '../toastText.js';
import { TutorDocument } from '../tutorDocument.js';
import { Supersede, type Ticket } from '../util/supersede.js';
import type { SolveView } from '../../shared/webviewProtocol.js';
import { solutionCell, solutionInsertion } from './insertion.js';
import type { PanelAction } from './panel.js';
import { panelKey, SolvePanels } from './panels.js';
import { progressFraction, progressText } from './progressText.js';
import { pendingView, solvedView, stoppedView, type SolveRequestInfo } from './viewModel.js';

export class SolveController implements vscode.Disposable {
  private readonly panels: SolvePanels;
  private readonly running = new Supersede<string>();

  constructor(
    extensionUri: vscode.Uri,
    private readonly engine: EngineHost,
    private readonly index: NotebookIndex,
    private readonly config: () => TutorConfig,
  ) {
    this.panels = new SolvePanels(
      extensionUri,
      (view, action) => void this.onPanelAction(view, action),
      // Closing a panel stops its search: nobody is watching it any more.
      (view) => this.running.abort(panelKey(view)),
    );
  }

  get serializer(): vscode.WebviewPanelSerializer {
    return this.panels;
  }

  async solveCommand(arg: unknown): Promise<void> {
    const target = await resolveTarget(this.index, arg);
    if (target) await this.solve(target);
  }

  dispose(): void {
    this.running.abortAll();
    this.panels.dispose();
  }

  private async solve({ document, problem }: Target): Promise<void> {
    const config = this.config();
    const snapshot = this.engine.snapshot();
    const info: SolveRequestInfo = {
      documentUri: document.uri.toString(),
      problem,
      settings: { strategy: config.strategy, verifier: 'tvm', k: config.k, b: config.b, temperature: config.temperature, maxSteps: config.maxSteps, model: snapshot.model, device: snapshot.device },
    };
    // No verifier named: the engine uses the TVM, or, in a bundle without a value model, runs greedy,
    // vote and best-of-N without one (solve() refuses the others with a message saying so).
    const request: SolveRequest = { problem: problem.text, strategy: config.strategy, k: config.k, b: config.b, temperature: config.temperature, maxSteps: config.maxSteps, exact: config.exactMath };
    const key = panelKey({ documentUri: info.documentUri, problemKey: problem.key });
    const ticket = this.running.start(key);
    let view = pendingView(info, 'Starting…');
    const panel = this.panels.show(view);

    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: solvingToastTitle(problem.title), cancellable: true },
      async (progress, token) => {
        const cancel = token.onCancellationRequested(() => this.running.abort(key));
        try {
          view = await this.request(info, request, view, ticket, (p, increment) => {
            // The toast gets a short line that fits; the panel the full one.
            progress.report({ message: progressToast(p), ...(increment !== undefined && { increment }) });
            panel.progress(progressText(p));
          });
        } finally {
          cancel.dispose();
          ticket.done();
        }
        // A newer Solve of this problem owns the panel now; a closed panel shows nothing.
        if (!ticket.replaced() && this.panels.get(view) === panel) panel.show(view);
      },
    );
  }

  /** Runs the engine request; returns the view to show, whatever happened. */
  private async request(
    info: SolveRequestInfo,
    request: SolveRequest,
    pending: SolveView,
    ticket: Ticket,
    report: (progress: SearchProgress, increment: number | undefined) => void,
  ): Promise<SolveView> {
    let reported = 0;
    try {
      const result = await this.engine.run('solving', (client) =>
        client.solve(request, {
          signal: ticket.signal,
          onProgress: (p) => {
            const fraction = progressFraction(p);
            report(p, fraction === undefined ? undefined : (fraction - reported) * 100);
            reported = fraction ?? reported;
          },
        }),
      );
      const eosToken = this.engine.snapshot().eosToken ?? null;
      return solvedView({ ...info, settings: { ...info.settings, ...this.loadedModel() } }, result.trace, result.familiarity, result.verified, eosToken);
    } catch (error) {
      if (isCancellation(error)) return stoppedView(pending, 'cancelled', 'Cancelled.');
      showFailure(failureToast('solve', info.problem.title, errorMessage(error)));
      return stoppedView(pending, 'error', errorMessage(error));
    }
  }

  /** The model and device actually used, once the engine has loaded. */
  private loadedModel(): { model: string; device: string } {
    const { model, device } = this.engine.snapshot();
    return { model, device };
  }

  private async onPanelAction(view: SolveView, action: PanelAction): Promise<void> {
    switch (action.type) {
      case 'cancel':
        this.running.abort(panelKey(view));
        return;
      case 'solveAgain':
        return this.solveAgain(view);
      case 'insertSolution':
        return this.insert(view);
    }
  }

  private async findProblem(view: SolveView): Promise<Target | undefined> {
    const document = await TutorDocument.open(view.documentUri);
    const problem = document && this.index.byKey(document, view.problemKey);
    if (!document || !problem) {
      void vscode.window.showWarningMessage(goneToast(view.title));
      return undefined;
    }
    return { document, problem };
  }

  private async solveAgain(view: SolveView): Promise<void> {
    const target = await this.findProblem(view);
    if (target) await this.solve(target);
  }

  /**
   * The solution goes in as one edit, so a single Undo removes it: text after the problem in a
   * markdown file, a new markdown cell after the problem's last cell in a Jupyter notebook.
   */
  private async insert(view: SolveView): Promise<void> {
    if (view.status !== 'done' || view.steps.length === 0) return;
    const target = await this.findProblem(view);
    if (!target) return;
    const { document, problem } = target;
    const s = view.settings;
    const caption = s.strategy === 'beam' ? `beam search, K=${s.k}, b=${s.b}` : `${s.strategy}, N=${s.k}`;
    const steps = view.steps.map((step) => step.text);
    const edit = document.notebook ? cellEdit(document, document.notebook, problem, steps, caption) : textEdit(document.parts[0]!, problem, steps, document.eol, caption);
    if (!edit || !(await vscode.workspace.applyEdit(edit))) void vscode.window.showErrorMessage(INSERT_FAILED_TOAST);
  }
}

function textEdit(document: vscode.TextDocument, problem: Problem, steps: readonly string[], eol: string, caption: string): vscode.WorkspaceEdit {
  const at = solutionInsertion(problem, steps, eol, caption, (n) => (n < document.lineCount ? document.lineAt(n).text : undefined));
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, document.lineAt(at.line).range.end, at.text);
  return edit;
}

/** A new markdown cell right after the cell that holds the problem's last line. */
function cellEdit(document: TutorDocument, notebook: vscode.NotebookDocument, problem: Problem, steps: readonly string[], caption: string): vscode.WorkspaceEdit | undefined {
  const last = document.place(problem.range.end);
  const cell = last && notebook.getCells().find((c) => c.document.uri.toString() === last.document.uri.toString());
  if (!cell) return undefined;
  const text = solutionCell(problem, steps, caption);
  const edit = new vscode.WorkspaceEdit();
  edit.set(notebook.uri, [vscode.NotebookEdit.insertCells(cell.index + 1, [new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, text, 'markdown')])]);
  return edit;
}
