// One Solve webview panel: its HTML shell, the ready handshake, and validated messages back.
import * as vscode from 'vscode';
import { panelHtml, makeNonce } from '../webview/html.js';
import type { HostToWebview, SolveView, WebviewToHost } from '../../shared/webviewProtocol.js';
import { parseWebviewMessage } from '../../shared/validate.js';

export const PANEL_VIEW_TYPE = 'tvmTutor.solve';

/** What a panel's buttons ask the host to do. */
export type PanelAction = Exclude<WebviewToHost, { type: 'ready' }>;

/** Options for a panel's webview: scripts on, and only media/ readable. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

export class SolvePanel {
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private view: SolveView,
    extensionUri: vscode.Uri,
    onAction: (panel: SolvePanel, action: PanelAction) => void,
    onDispose: (panel: SolvePanel) => void,
  ) {
    const webview = panel.webview;
    webview.options = webviewOptions(extensionUri);
    const media = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', ...path)).toString();
    webview.html = panelHtml({ cspSource: webview.cspSource, scriptUri: media('dist', 'panel.js'), styleUris: [media('katex', 'katex.min.css'), media('panel.css')] }, makeNonce());
    this.disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseWebviewMessage(raw);
        if (!message) return;
        if (message.type === 'ready') {
          // The webview (re)loaded, e.g. after being hidden: it gets the current view again.
          this.ready = true;
          this.post({ type: 'view', view: this.view });
          return;
        }
        onAction(this, message);
      }),
      panel.onDidDispose(() => {
        this.disposables.forEach((d) => d.dispose());
        onDispose(this);
      }),
    );
    panel.title = `Solve: ${view.title}`;
  }

  get current(): SolveView {
    return this.view;
  }

  show(view: SolveView): void {
    this.view = view;
    this.panel.title = `Solve: ${view.title}`;
    this.post({ type: 'view', view });
  }

  progress(text: string): void {
    this.post({ type: 'progress', text });
  }

  private post(message: HostToWebview): void {
    // Before `ready` the script cannot hear: the view goes out with the handshake instead.
    if (this.ready) void this.panel.webview.postMessage(message);
  }
}
