// Student-style slips planted in reference solutions, for measuring whether Check my steps points
// at the step that went wrong. The steps after the slip stay as in the reference, as when a student
// makes one slip and carries on correctly, so only the slipped step itself is wrong.
import { createRandom } from '../../src/core/runtime/sampler.js';

export type SlipKind = 'off by one' | 'off by ten' | 'sign';

export interface PlantedDerivation {
  steps: string[];
  /** Index of the step with the slip. */
  slipped: number;
  kind: SlipKind;
}

const LAST_INTEGER = /-?\d+(?!.*\d)/;
const ANSWER_LINE = /^The answer is /;

/** The line with its last integer (the result of the step) changed by a slip of `kind`; null when the kind does not apply. */
export function plantSlip(line: string, kind: SlipKind, random: () => number): string | null {
  if (ANSWER_LINE.test(line) || !line.includes('=')) return null;
  const match = LAST_INTEGER.exec(line);
  if (!match) return null;
  const value = Number(match[0]);
  const sign = random() < 0.5 ? -1 : 1;
  const changed = kind === 'sign' ? -value : value + sign * (kind === 'off by one' ? 1 : 10);
  if (changed === value || (kind !== 'sign' && changed < 0 && value >= 0)) return null;
  return line.slice(0, match.index) + String(changed) + line.slice(match.index + match[0].length);
}

/** One slip in a seeded random step of the reference solution (never its answer line); null when no step takes one. */
export function plantInSolution(solution: readonly string[], seed: number): PlantedDerivation | null {
  const random = createRandom(seed);
  const kinds: SlipKind[] = ['off by one', 'off by ten', 'sign'];
  const tries = solution.flatMap((_, step) => kinds.map((kind) => ({ step, kind })));
  // A seeded shuffle, so every (step, kind) pair is tried before giving up.
  for (let i = tries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [tries[i], tries[j]] = [tries[j]!, tries[i]!];
  }
  for (const { step, kind } of tries) {
    const slipped = plantSlip(solution[step]!, kind, random);
    if (slipped !== null) return { steps: solution.map((s, i) => (i === step ? slipped : s)), slipped: step, kind };
  }
  return null;
}
