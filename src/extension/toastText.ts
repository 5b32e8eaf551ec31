// Every notification's text. A toast shows one line of about TOAST_MAX_CHARS characters before VS
// Code cuts it ("…; it e…"), so each text here is short and complete; the detail lives where there
// is room: the Solve panel (progress, a solve's error), the editor (a hint, the check's labels and
// diagnostics) and the log (every engine error, in full: EngineHost.run). Pure, so the lengths are
// tested for the longest inputs.
import type { SearchProgress } from '../shared/engineProtocol.js';
import { formatPercent } from './valueScale.js';

/**
 * Longest toast text, title included. Measured in code-server 4.100.3 in Debian's Chromium (E2E
 * `accessibility` stage, 1600 px window): a toast's message line is 414 px wide, in the
 * workbench's 13 px system-ui font; these texts take up to 7.1 px a character there, so 56
 * characters need at most 398 px. That stage measures the longest text of every builder
 * (test/helpers/toastSamples.ts) in the real toast's font and fails if one is wider than the line.
 */
export const TOAST_MAX_CHARS = 56;

/** Problem titles come from headings and can be long: a toast names at most this much of one. */
const TITLE_CHARS = 20;

/** Cuts `text` at a word boundary to fit `max` characters, marking the cut with "…". */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function title(name: string): string {
  return fitText(name, TITLE_CHARS);
}

/** The progress notification's title. */
export function solvingToastTitle(problemTitle: string): string {
  return `Solving ${title(problemTitle)}`;
}

/** The progress notification's message (shown after its title); the panel gets progressText's full line. */
export function progressToast(p: SearchProgress): string {
  const where = p.strategy === 'beam' ? `step ${p.depth + 1} of ${p.maxSteps}` : `${p.finished} path${p.finished === 1 ? '' : 's'} done`;
  return `${where} · ${(p.elapsedMs / 1000).toFixed(1)} s`;
}

export type FailedAction = 'solve' | 'check' | 'hint';

const FAILED: Readonly<Record<FailedAction, string>> = { solve: 'Could not solve', check: 'Could not check', hint: 'No hint for' };

/** An engine failure: what failed and the start of why; the full message is in the log (Show Log). */
export function failureToast(action: FailedAction, problemTitle: string, message: string): string {
  return fitText(`${FAILED[action]} ${title(problemTitle)}: ${message}`, TOAST_MAX_CHARS);
}

/** A hint, shown in full beside its line in the editor; the toast says it and where. */
export function hintToast(problemTitle: string, hint: string): string {
  return fitText(`${title(problemTitle)} — ${hint}`, TOAST_MAX_CHARS);
}

export interface CheckVerdict {
  /** 0-based step the TVM's estimate fell at but that exact math shows follows; null if none. */
  followsDespiteDrop: number | null;
  /** The estimate after the last step. */
  finalValue: number;
  threshold: number;
  verified: boolean | null;
}

/** Check my steps found nothing to flag (a flagged step gets a diagnostic instead): the verdict in one line. */
export function checkVerdictToast(problemTitle: string, v: CheckVerdict): string {
  const verdict =
    v.followsDespiteDrop !== null
      ? `no line is wrong (step ${v.followsDespiteDrop + 1} follows)`
      : v.finalValue < v.threshold && v.verified !== true
        ? `nothing stands out, but it ends low (${formatPercent(v.finalValue)})`
        : `nothing flagged, ends at ${formatPercent(v.finalValue)}`;
  return fitText(`${title(problemTitle)}: ${verdict}${v.verified === true ? '; answer verified' : ''}`, TOAST_MAX_CHARS);
}

export function noWorkToast(problemTitle: string): string {
  return `${title(problemTitle)}: first write steps under "Solution:".`;
}

export const NO_NOTEBOOK_TOAST = 'Put the cursor on a problem in a markdown notebook.';
export const NO_PROBLEM_TOAST = 'No problem here: put the cursor in a problem.';
export const INSERT_FAILED_TOAST = 'The solution could not be inserted.';

export function goneToast(problemTitle: string): string {
  return `${title(problemTitle)} is no longer in its notebook.`;
}

/** The full explanation (which bundle, and the one used instead) goes to the log. */
export const UNTRUSTED_BUNDLE_TOAST = 'Untrusted workspace: tvmTutor.modelBundle is ignored.';
