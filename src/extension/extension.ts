// Activation: wires the notebook index, the engine, the three features and the status bar.
// Every disposable is pushed to context.subscriptions exactly once, here.
import * as vscode from 'vscode';
import { CheckController } from './check/checkController.js';
import { StepHoverProvider } from './check/hoverProvider.js';
import { ProblemCodeLenses } from './codeLens.js';
import { COMMANDS } from './commandIds.js';
import { readServerApiKey, setServerApiKey } from './serverApiKey.js';
import { onConfigChange, readConfig } from './config.js';
import type { TutorConfig } from './configModel.js';
import { EngineHost } from './engineHost.js';
import { HintController } from './hint/hintController.js';
import { NotebookIndex } from './notebookIndex.js';
import { PANEL_VIEW_TYPE } from './solve/panel.js';
import { SolveController } from './solve/solveController.js';
import { createStatusBar } from './statusBar.js';
import { CELL_SCHEME } from './tutorDocument.js';
import { UNTRUSTED_BUNDLE_TOAST } from './toastText.js';

/** Markdown files, and the markdown cells of notebooks (Jupyter .ipynb in VS Code's notebook editor). */
const MARKDOWN: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'markdown', scheme: CELL_SCHEME },
];

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('TVM Math Tutor', { log: true });
  // Settings are read once per change, so every feature sees the same values.
  let config = readConfig(context.extensionPath);
  const currentConfig = (): TutorConfig => config;

  const index = new NotebookIndex();
  const engine = new EngineHost(context.asAbsolutePath('dist/engine.js'), currentConfig, log, (config) => readServerApiKey(context.secrets, config.server));
  const checks = new CheckController(engine, index, currentConfig);
  const solver = new SolveController(context.extensionUri, engine, index, currentConfig);
  const hints = new HintController(engine, index, checks, currentConfig);

  let warnedBundle: string | undefined;
  const warnUntrusted = (): void => {
    const ignored = config.ignoredWorkspaceBundle;
    if (ignored === undefined || ignored === warnedBundle) return;
    warnedBundle = ignored;
    const message = `This workspace is not trusted, so its tvmTutor.modelBundle setting ("${ignored}") is ignored; using ${config.modelBundle}.`;
    log.warn(message);
    void vscode.window.showWarningMessage(UNTRUSTED_BUNDLE_TOAST, 'Show Log').then((choice) => {
      if (choice) log.show();
    });
  };
  warnUntrusted();

  context.subscriptions.push(
    log,
    engine,
    checks,
    solver,
    hints,
    createStatusBar(engine),
    onConfigChange(() => {
      config = readConfig(context.extensionPath);
      engine.configurationChanged();
      warnUntrusted();
    }),
    vscode.workspace.onDidCloseTextDocument((document) => index.forget(document.uri)),
    vscode.workspace.onDidCloseNotebookDocument((notebook) => index.forget(notebook.uri)),
    vscode.languages.registerCodeLensProvider(MARKDOWN, new ProblemCodeLenses(index)),
    vscode.languages.registerHoverProvider(MARKDOWN, new StepHoverProvider(checks)),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, solver.serializer),
    vscode.commands.registerCommand(COMMANDS.solve, (arg: unknown) => solver.solveCommand(arg)),
    vscode.commands.registerCommand(COMMANDS.check, (arg: unknown) => checks.checkCommand(arg)),
    vscode.commands.registerCommand(COMMANDS.hint, (arg: unknown) => hints.hintCommand(arg)),
    vscode.commands.registerCommand(COMMANDS.showLog, () => log.show()),
    vscode.commands.registerCommand(COMMANDS.setServerApiKey, async () => {
      if (await setServerApiKey(context.secrets, currentConfig().server)) engine.restart();
    }),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions (the engine process included).
}
