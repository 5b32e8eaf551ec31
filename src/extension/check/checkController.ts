// Check my steps: scores the user's working with the engine and shows it as decorations,
// diagnostics (an Error per line exact math finds wrong, a Warning for the TVM's first collapse
// when no exact error explains it; see decorationPlan.ts) and hovers. Results are shown only for the text they were computed for (CheckStore
// compares the scored text with the current parse on every document version); live checking
// re-checks watched problems after typing pauses, and a newer check of a problem aborts the older.
import * as vscode from 'vscode';
import type { Problem } from '../../shared/notebookTypes.js';
import type { TutorConfig } from '../configModel.js';
import { errorMessage, isCancellation, type EngineHost } from '../engineHost.js';
import type { NotebookIndex } from '../notebookIndex.js';
import { showFailure } from '../notify.js';
import { resolveTarget } from '../targets.js';
import { CELL_SCHEME, TutorDocument } from '../tutorDocument.js';
import { checkVerdictToast, failureToast, noWorkToast } from '../toastText.js';
import { Debouncer, Supersede } from '../util/supersede.js';
import { CheckStore, checkedText, type MappedCheck } from './checkStore.js';
import { checkVerdict, diagnosticsOf, planDecorations, type PlannedDiagnostic } from './decorationPlan.js';
import { CheckDecorations } from './decorations.js';
import { planInPart } from './partPlan.js';

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
        const notebook = e.contentChanges.length > 0 ? TutorDocument.ofText(e.document) : undefined;
        if (notebook) this.changed(notebook);
      }),
      // Jupyter cells added, removed or moved: the joined lines move.
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        if (e.contentChanges.length > 0) this.changed(TutorDocument.ofNotebook(e.notebook));
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        // A Jupyter cell closes when it is deleted or its notebook closes: its diagnostics go with it.
        if (d.uri.scheme === CELL_SCHEME) this.diagnostics.delete(d.uri);
        else this.closed(d.uri);
      }),
      vscode.workspace.onDidCloseNotebookDocument((n) => this.closed(n.uri)),
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

  /** Current results for the problems of a notebook (for hovers and hints). */
  current(document: TutorDocument): MappedCheck[] {
    return this.store.current(document.uri.toString(), this.index.problems(document)).checks;
  }

  dispose(): void {
    this.running.abortAll();
    this.debounce.dispose();
    this.subscriptions.forEach((s) => s.dispose());
    this.decorations.dispose();
    this.diagnostics.dispose();
  }

  private async check(document: TutorDocument, problem: Problem, explicit: boolean): Promise<void> {
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
      if (explicit && result.firstFlagged === null) void vscode.window.showInformationMessage(checkVerdictToast(problem.title, checkVerdict(result, config.checkThreshold)));
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

  private changed(document: TutorDocument): void {
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

  private closed(notebookUri: vscode.Uri): void {
    const uri = notebookUri.toString();
    this.debounce.cancel(uri);
    this.running.abortWhere((key) => key.startsWith(`${uri}#`));
    this.store.forget(uri);
    this.diagnostics.delete(notebookUri);
  }

  /**
   * Shows the current results of a notebook, each part (the markdown file, or each Jupyter cell)
   * on its own lines; returns the watched problems that need a check.
   */
  private render(given: TutorDocument): Problem[] {
    // Cells may have been added or edited since `given` was read: map lines with the current ones.
    const document = given.fresh();
    const { checks, outdated } = this.store.current(document.uri.toString(), this.index.problems(document));
    const plan = planDecorations(checks);
    const parts = document.parts.map((_, part) => planInPart(plan, document.localLine(part)));
    for (const { editor, part } of document.visibleEditors()) this.decorations.apply(editor, parts[part]!);
    document.parts.forEach((part, index) =>
      this.diagnostics.set(
        part.uri,
        diagnosticsOf(parts[index]!).map(({ range, message, severity }) => {
          const bounds = new vscode.Range(range.startLine, range.startColumn, range.endLine, range.endColumn);
          const diagnostic = new vscode.Diagnostic(bounds, message, DIAGNOSTIC_SEVERITY[severity]);
          diagnostic.source = 'TVM Math Tutor';
          return diagnostic;
        }),
      ),
    );
    return outdated;
  }

  private renderVisible(): void {
    const seen = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) {
      const document = TutorDocument.ofText(editor.document);
      const uri = document?.uri.toString();
      if (!document || uri === undefined || seen.has(uri)) continue;
      seen.add(uri);
      if (this.store.hasWatched(uri)) this.render(document);
    }
  }
}
