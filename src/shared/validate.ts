// Runtime validation of the protocols' incoming messages, beside their types (./engineProtocol.ts,
// ./webviewProtocol.ts): what comes back from the Solve panel's webview (it renders untrusted model
// output), the state VS Code restores after a reload, and the envelope of what reaches the engine
// process over Node IPC. Imports nothing outside src/shared, so the host, the engine and the webview
// bundle share it.
import type { EngineMethod, HostToEngineMessage } from './engineProtocol.js';
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
    ['steps', 'tree', 'paths', 'votes'].every((key) => Array.isArray(raw[key])) &&
    (raw.answer === null || (isRecord(raw.answer) && isOptionalText(raw.answer.caution)))
  );
}

/** A string, null, or absent (a state saved before the field existed). */
const isOptionalText = (value: unknown): boolean => value === undefined || value === null || typeof value === 'string';

/** Validates state restored after a reload; anything unexpected restores an empty panel. */
export function parseWebviewState(raw: unknown): WebviewState {
  const state = isRecord(raw) ? raw : {};
  return {
    view: isSolveView(state.view) ? state.view : null,
    treeOpen: state.treeOpen === true,
    tokensOpen: state.tokensOpen === true,
  };
}

/** The engine's methods; a request naming another one is answered with a 'bad-input' reply. */
export const ENGINE_METHODS: readonly EngineMethod[] = ['load', 'solve', 'check', 'hint'];

export function isEngineMethod(method: unknown): method is EngineMethod {
  return (ENGINE_METHODS as readonly unknown[]).includes(method);
}

/**
 * The envelope of a message to the engine (IPC delivers whatever the other side sent): a `cancel`,
 * or a `request` with an integer id, which can be answered. Anything else is dropped (undefined).
 * The method is checked with isEngineMethod when the request runs, so that it gets a reply; the
 * params are checked by the engine code that reads them.
 */
export function parseHostToEngine(raw: unknown): HostToEngineMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const message = raw as HostToEngineMessage;
  if (message.type === 'cancel') return message;
  if (message.type !== 'request' || !Number.isInteger(message.id)) return undefined;
  return message;
}
