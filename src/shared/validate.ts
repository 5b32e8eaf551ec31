// Runtime validation of the protocols' incoming messages, beside their types (./engineProtocol.ts,
// ./webviewProtocol.ts): what comes back from the Solve panel's webview (it renders untrusted model
// output) and the state VS Code restores after a reload. Imports nothing outside src/shared, so the
// host and the webview bundle share it. (Engine messages come from our own child process over
// Node IPC; src/core/host/engineService.ts and engineClient.ts check their shape where they read them.)
import type { SolveStatus, SolveView, WebviewState, WebviewToHost } from './webviewProtocol.js';

const WEBVIEW_TYPES: ReadonlySet<string> = new Set<WebviewToHost['type']>(['ready', 'insertSolution', 'cancel', 'solveAgain']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates a message from the webview (untrusted: it runs rendered model output). */
export function parseWebviewMessage(raw: unknown): WebviewToHost | undefined {
  if (!isRecord(raw) || typeof raw.type !== 'string' || !WEBVIEW_TYPES.has(raw.type)) return undefined;
  return { type: raw.type } as WebviewToHost;
}

const STATUSES: ReadonlySet<string> = new Set<SolveStatus>(['solving', 'done', 'cancelled', 'error']);

function isSolveView(raw: unknown): raw is SolveView {
  return (
    isRecord(raw) &&
    typeof raw.documentUri === 'string' &&
    typeof raw.problemKey === 'string' &&
    typeof raw.title === 'string' &&
    typeof raw.problem === 'string' &&
    typeof raw.status === 'string' &&
    STATUSES.has(raw.status) &&
    isRecord(raw.settings) &&
    ['steps', 'tree', 'paths', 'votes'].every((key) => Array.isArray(raw[key]))
  );
}

/** Validates state restored after a reload; anything unexpected restores an empty panel. */
export function parseWebviewState(raw: unknown): WebviewState {
  const state = isRecord(raw) ? raw : {};
  return {
    view: isSolveView(state.view) ? state.view : null,
    treeOpen: state.treeOpen === true,
    tokensOpen: state.tokensOpen === true,
  };
}
