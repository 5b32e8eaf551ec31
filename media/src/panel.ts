// Entry point of the Solve panel's script (bundled to media/dist/panel.js). Keeps the last view
// and the UI toggles in the webview state (restored after a reload), re-renders on every host
// message, and forwards button clicks. Says `ready` once listening, so the host never posts into
// a webview that cannot hear it yet.
import type { HostToWebview, WebviewState, WebviewToHost } from '../../src/shared/webviewProtocol.js';
import { parseWebviewState } from '../../src/shared/validate.js';
import { renderView } from './view.js';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app')!;
let state = parseWebviewState(vscode.getState());

function update(next: WebviewState): void {
  state = next;
  vscode.setState(state);
  renderView(root, state.view, state);
}

function onMessage(message: HostToWebview): void {
  switch (message.type) {
    case 'view':
      update({ ...state, view: message.view });
      break;
    case 'progress': {
      // Progress is transient: only the status line changes, nothing is persisted.
      const status = document.getElementById('status');
      if (status) status.textContent = message.text;
      break;
    }
  }
}

function onClick(event: MouseEvent): void {
  const button = (event.target as Element | null)?.closest('button');
  switch (button?.id) {
    case 'toggle-tree':
      update({ ...state, treeOpen: !state.treeOpen });
      break;
    case 'toggle-tokens':
      update({ ...state, tokensOpen: !state.tokensOpen });
      break;
    case 'insert-solution':
      vscode.postMessage({ type: 'insertSolution' });
      break;
    case 'cancel':
      vscode.postMessage({ type: 'cancel' });
      break;
    case 'solve-again':
      vscode.postMessage({ type: 'solveAgain' });
      break;
  }
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => onMessage(event.data));
root.addEventListener('click', onClick);
renderView(root, state.view, state);
vscode.postMessage({ type: 'ready' });
