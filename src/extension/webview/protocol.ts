// Webview ↔ host messages of the Solve panel. (To be merged into src/shared/protocol.ts.)
// The host sends a finished view model; the webview only lays it out. Everything is plain JSON
// because it crosses postMessage and is persisted with the panel's state across reloads.
import type { Bucket } from '../valueScale.js';

/** A number with its display forms, computed once on the host. */
export interface ValueView {
  value: number;
  percent: string;
  bucket: Bucket;
}

export interface TokenView {
  text: string;
  value: ValueView | null;
}

export interface StepView {
  index: number;
  /** Markdown with `$…$` math. */
  text: string;
  value: ValueView | null;
  /** Change from the previous step (or from the prompt for the first step), e.g. "+5 pts". */
  delta: string | null;
  tokens: TokenView[];
}

export interface CandidateView {
  id: string;
  parentBeam: number;
  text: string;
  value: ValueView | null;
  kept: boolean;
  /** On the returned solution. */
  chosen: boolean;
  finished: boolean;
  answer: string | null;
  rank: number;
}

export interface BeamView {
  index: number;
  value: ValueView | null;
  fromCandidate: string | null;
  candidates: CandidateView[];
}

export interface TreeLevelView {
  depth: number;
  beams: BeamView[];
}

/** A complete sampled path (greedy, vote, best-of-N). */
export interface PathView {
  index: number;
  steps: string[];
  answer: string | null;
  value: ValueView | null;
  chosen: boolean;
}

export interface VoteView {
  answer: string;
  count: number;
  weight: number | null;
  winner: boolean;
}

export interface SearchSettingsView {
  strategy: string;
  verifier: string | null;
  k: number;
  b: number;
  temperature: number;
  maxSteps: number;
  model: string;
  device: string;
}

export type SolveStatus = 'solving' | 'done' | 'cancelled' | 'error';

export interface SolveView {
  documentUri: string;
  problemKey: string;
  title: string;
  /** The problem statement, markdown with math. */
  problem: string;
  status: SolveStatus;
  /** Progress text while solving, the reason when cancelled or failed. */
  message: string | null;
  settings: SearchSettingsView;
  steps: StepView[];
  answer: { text: string; value: ValueView | null } | null;
  tree: TreeLevelView[];
  paths: PathView[];
  votes: VoteView[];
  /** Whole seconds and candidates, for the footer; null until done. */
  stats: { seconds: string; sampledCandidates: number } | null;
}

export type HostToWebview = { type: 'view'; view: SolveView } | { type: 'progress'; text: string };

export type WebviewToHost =
  /** Sent once the script has loaded; the host posts nothing before it (earlier posts are lost). */
  | { type: 'ready' }
  | { type: 'insertSolution' }
  | { type: 'cancel' }
  | { type: 'solveAgain' };

/** What the webview persists with `setState`, and the serializer gets back after a reload. */
export interface WebviewState {
  view: SolveView | null;
  treeOpen: boolean;
  tokensOpen: boolean;
}

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
