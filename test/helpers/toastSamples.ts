// The longest text each toast builder can produce (longest titles, errors, numbers): the unit test
// checks their length, the E2E accessibility stage their width in a real VS Code toast.
import type { SearchProgress } from '../../src/shared/engineProtocol.js';
import {
  checkVerdictToast,
  failureToast,
  goneToast,
  hintToast,
  INSERT_FAILED_TOAST,
  NO_NOTEBOOK_TOAST,
  NO_PROBLEM_TOAST,
  noWorkToast,
  progressToast,
  solvingToastTitle,
  UNTRUSTED_BUNDLE_TOAST,
} from '../../src/extension/toastText.js';

const LONG_TITLE = 'Problem 12: the train that leaves Paris at noon and the one that leaves Lyon';
export const LONG_ERROR =
  'engine exited (code 1) while loading /home/student/models/default/policy.onnx: Load model from policy.onnx failed: Protobuf parsing failed; it expects a bundle built by npm run models';
export const progress = (p: Partial<SearchProgress>): SearchProgress => ({ strategy: 'beam', stage: 'sampling', depth: 39, maxSteps: 40, finished: 256, sampledCandidates: 10240, elapsedMs: 1_234_567, ...p });

export function longestToasts(): string[] {
  return [
    // The progress notification shows its title and message on one line.
    `${solvingToastTitle(LONG_TITLE)}: ${progressToast(progress({}))}`,
    `${solvingToastTitle(LONG_TITLE)}: ${progressToast(progress({ strategy: 'wvote' }))}`,
    failureToast('solve', LONG_TITLE, LONG_ERROR),
    failureToast('check', LONG_TITLE, LONG_ERROR),
    failureToast('hint', LONG_TITLE, LONG_ERROR),
    hintToast(LONG_TITLE, `Instead of step 12: ${'x + '.repeat(40)}1 = 2 (83% chance of success)`),
    checkVerdictToast(LONG_TITLE, { followsDespiteDrop: 39, finalValue: 0.1, threshold: 0.5, verified: true }),
    checkVerdictToast(LONG_TITLE, { followsDespiteDrop: null, finalValue: 0.123, threshold: 0.5, verified: true }),
    checkVerdictToast(LONG_TITLE, { followsDespiteDrop: null, finalValue: 1, threshold: 0.5, verified: true }),
    noWorkToast(LONG_TITLE),
    goneToast(LONG_TITLE),
    NO_NOTEBOOK_TOAST,
    NO_PROBLEM_TOAST,
    INSERT_FAILED_TOAST,
    UNTRUSTED_BUNDLE_TOAST,
  ];
}
