// One line of progress for the Solve panel, from the engine's progress events (the notification
// gets a shorter one: toastText.progressToast).
import type { SearchProgress } from '../../shared/engineProtocol.js';

const STAGES: Readonly<Record<SearchProgress['stage'], string>> = {
  sampling: 'sampling',
  scoring: 'scoring',
  step: 'step done',
  done: 'done',
};

export function progressText(p: SearchProgress): string {
  const where = p.strategy === 'beam' ? `step ${p.depth + 1} of at most ${p.maxSteps}` : `${p.finished} paths finished`;
  return `${where} · ${STAGES[p.stage]} · ${p.sampledCandidates} candidates · ${(p.elapsedMs / 1000).toFixed(1)} s`;
}

/** Share of the step budget used (beam search only; whole-path strategies report no fraction). */
export function progressFraction(p: SearchProgress): number | undefined {
  if (p.strategy !== 'beam' || p.maxSteps <= 0) return undefined;
  return Math.min(1, (p.depth + (p.stage === 'step' ? 1 : 0)) / p.maxSteps);
}
