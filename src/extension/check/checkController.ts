// Check my steps: scores the user's working with the engine and shows it as decorations,
// diagnostics (an Error per line exact math finds wrong, a Warning for the TVM's first collapse
// when no exact error explains it; see decorationPlan.ts) and hovers. Results are shown only for the text they were computed for (CheckStore
// compares the scored text with the current parse on every document version); live checking
// re-checks watched problems after typing pauses, and a newer check of a problem aborts the older.
import * as vscode from 'vscode';
import { firstFlagged } from '../../core/check/index.js';
import type { Problem } from '../../core/notebook/index.js';
import type { TutorConfig } from '../configModel.js';
import { errorMessage, isCancellation, type EngineHost } from '../engineHost.js';
import type { NotebookIndex } from '../notebookIndex.js';
import { showFailure } from '../notify.js';
import { resolveTarget } from '../targets.js';
import { checkVerdictToast, failureToast, noWorkToast } from '../toastText.js';
import { Debouncer, Supersede } from '../util/supersede.js';
import { CheckStore, checkedText, type MappedCheck } from './checkStore.js';
import { checkVerdict, diagnosticsOf, planDecorations, type PlannedDiagnostic } from './decorationPlan.js';
import { CheckDecorations } from './decorations.js';

const DIAGNOSTIC_SEVERITY: Readonly<Record<PlannedDiagnostic['severity'], vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** Pause in typing before a live re-check. */
const LIVE_DELAY_MS = 700;

export class CheckController implements vscode.Disposable {
  private readonly store = new CheckStore();
  private readonly running = new Supersede<string>();
  private readonly debounce = new Debouncer<string>(LIVE_DELAY_MS);
  private readonly decorations = new CheckDecorations();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('tvmTutor');
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly engine: EngineHost,
    private readonly index: NotebookIndex,
    private readonly config: () => TutorConfig,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.changed(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.renderVisible()),
    ];
  }

  async checkCommand(arg: unknown): Promise<void> {
    const target = await resolveTarget(this.index, arg);
    if (!target) return;
    const { document, problem } = target;
    if ((problem.work?.steps.length ?? 0) === 0) {
      void vscode.window.showInformationMessage(noWorkToast(problem.title));
      return;
    }
    this.store.watch(document.uri.toString(), problem.key);
    await this.check(document, problem, true);
  }

  /** Current results for the problems of a document (for hovers and hints). */
  current(document: vscode.TextDocument): MappedCheck[] {
    return this.store.current(document.uri.toString(), this.index.problems(document)).checks;
  }

  dispose(): void {
    this.running.abortAll();
    this.debounce.dispose();
    this.subscriptions.forEach((s) => s.dispose());
    this.decorations.dispose();
    this.diagnostics.dispose();
  }

  private async check(document: vscode.TextDocument, problem: Problem, explicit: boolean): Promise<void> {
    const uri = document.uri.toString();
    const ticket = this.running.start(`${uri}#${problem.key}`);
    const config = this.config();
    try {
      const result = await this.engine.run('checking', (client) => client.check({ ...checkedText(problem), options: { threshold: config.checkThreshold, exact: config.exactMath } }, { signal: ticket.signal }));
      // The result is stamped with the problem as it was sent: render() shows it only if the
      // document still has exactly that text.
      if (!ticket.isCurrent()) return;
      this.store.record(uri, problem, result);
      // A flagged step gets a diagnostic; otherwise the verdict would go unsaid.
      if (explicit && firstFlagged(result) === null) void vscode.window.showInformationMessage(checkVerdictToast(problem.title, checkVerdict(result, config.checkThreshold)));
    } catch (error) {
      if (isCancellation(error)) return;
      // Live checks fail quietly (status bar and log); an explicit check says why.
      if (explicit) showFailure(failureToast('check', problem.title, errorMessage(error)));
      return;
    } finally {
      ticket.done();
    }
    this.render(document);
  }

  private changed(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    if (!this.store.hasWatched(uri)) return;
    // Stale results disappear at once; results of untouched problems move with their lines.
    const outdated = this.render(document);
    this.debounce.cancel(uri);
    for (const problem of outdated) this.running.abort(`${uri}#${problem.key}`);
    if (!this.config().liveCheck || outdated.length === 0) return;
    this.debounce.schedule(uri, () => {
      if (document.isClosed) return;
      for (const problem of this.render(document)) void this.check(document, problem, false);
    });
  }

  private closed(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    this.debounce.cancel(uri);
    this.running.abortWhere((key) => key.startsWith(`${uri}#`));
    this.store.forget(uri);
    this.diagnostics.delete(document.uri);
  }

  /** Shows the current results of a document; returns the watched problems that need a check. */
  private render(document: vscode.TextDocument): Problem[] {
    const { checks, outdated } = this.store.current(document.uri.toString(), this.index.problems(document));
    const plan = planDecorations(checks);
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.decorations.apply(editor, plan);
    this.diagnostics.set(
      document.uri,
      diagnosticsOf(plan).map(({ range, message, severity }) => {
        const bounds = new vscode.Range(range.startLine, range.startColumn, range.endLine, range.endColumn);
        const diagnostic = new vscode.Diagnostic(bounds, message, DIAGNOSTIC_SEVERITY[severity]);
        diagnostic.source = 'TVM Math Tutor';
        return diagnostic;
      }),
    );
    return outdated;
  }

  private renderVisible(): void {
    const documents = new Set(vscode.window.visibleTextEditors.map((e) => e.document));
    for (const document of documents) if (this.store.hasWatched(document.uri.toString())) this.render(document);
  }
}
