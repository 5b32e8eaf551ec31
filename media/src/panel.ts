// Entry point of the Solve panel's script (bundled to media/dist/panel.js). Keeps the last view
// and the UI toggles in the webview state (restored after a reload), re-renders on every host
// message, and forwards button clicks. Says `ready` once listening, so the host never posts into
// a webview that cannot hear it yet. Keyboard focus survives re-renders, and the persistent live
// region (#announcer, in the HTML shell) tells a screen reader about progress and the result.
import type { HostToWebview, SolveView, WebviewState, WebviewToHost } from '../../src/shared/webviewProtocol.js';
import { parseWebviewState } from '../../src/shared/validate.js';
import { PROGRESS_ANNOUNCE_MS, viewAnnouncement } from './announce.js';
import { renderView } from './view.js';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app')!;
const announcer = document.getElementById('announcer');
let state = parseWebviewState(vscode.getState());
let lastProgressAnnounced = 0;

/** The control that takes the focus when the focused one is gone after a render (Cancel becomes Solve again). */
const FOCUS_SUCCESSOR: Readonly<Record<string, string>> = { cancel: 'solve-again', 'solve-again': 'cancel' };

/** Renders, putting keyboard focus back on the control that had it (the DOM is rebuilt). */
function render(): void {
  const focused = document.activeElement?.id ?? '';
  renderView(root, state.view, state);
  if (!focused) return;
  const target = document.getElementById(focused) ?? document.getElementById(FOCUS_SUCCESSOR[focused] ?? '');
  if (target instanceof HTMLElement && root.contains(target)) target.focus();
}

function update(next: WebviewState): void {
  state = next;
  vscode.setState(state);
  render();
}

function announce(text: string): void {
  if (announcer && announcer.textContent !== text) announcer.textContent = text;
}

function showView(view: SolveView): void {
  const previous = state.view;
  update({ ...state, view });
  // A new status (or a new problem) is news; a re-sent view of the same state is not.
  if (previous?.status !== view.status || previous.title !== view.title) announce(viewAnnouncement(view));
}

function onMessage(message: HostToWebview): void {
  switch (message.type) {
    case 'view':
      showView(message.view);
      break;
    case 'progress': {
      // Progress is transient: only the status line changes, nothing is persisted.
      const status = document.getElementById('status');
      if (status) status.textContent = message.text;
      if (Date.now() - lastProgressAnnounced >= PROGRESS_ANNOUNCE_MS) {
        lastProgressAnnounced = Date.now();
        announce(message.text);
      }
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
render();
vscode.postMessage({ type: 'ready' });
