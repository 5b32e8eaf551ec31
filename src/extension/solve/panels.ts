// The Solve panels: one per problem (keyed by document and problem), reused when the same
// problem is solved again, and restored after a window reload from the state the webview saved.
import * as vscode from 'vscode';
import type { SolveView } from '../../shared/webviewProtocol.js';
import { parseWebviewState } from '../../shared/validate.js';
import { restoredView } from './viewModel.js';
import { PANEL_VIEW_TYPE, SolvePanel, webviewOptions, type PanelAction } from './panel.js';

export function panelKey(view: Pick<SolveView, 'documentUri' | 'problemKey'>): string {
  return `${view.documentUri}#${view.problemKey}`;
}

export type PanelActionHandler = (view: SolveView, action: PanelAction) => void;

export class SolvePanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly panels = new Map<string, SolvePanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly onAction: PanelActionHandler,
    private readonly onClosed: (view: SolveView) => void,
  ) {}

  /** Shows the view in its problem's panel, creating the panel if needed. */
  show(view: SolveView): SolvePanel {
    const existing = this.panels.get(panelKey(view));
    if (existing) {
      existing.show(view);
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, view.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(this.extensionUri));
    return this.adopt(panel, view);
  }

  get(view: Pick<SolveView, 'documentUri' | 'problemKey'>): SolvePanel | undefined {
    return this.panels.get(panelKey(view));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const { view } = parseWebviewState(state);
    if (!view || this.panels.has(panelKey(view))) {
      panel.dispose();
      return;
    }
    this.adopt(panel, restoredView(view));
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.panel.dispose();
  }

  private adopt(webviewPanel: vscode.WebviewPanel, view: SolveView): SolvePanel {
    const key = panelKey(view);
    const panel = new SolvePanel(
      webviewPanel,
      view,
      this.extensionUri,
      (p, action) => this.onAction(p.current, action),
      (p) => {
        this.panels.delete(key);
        this.onClosed(p.current);
      },
    );
    this.panels.set(key, panel);
    return panel;
  }
}
