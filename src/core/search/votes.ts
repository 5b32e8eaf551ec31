// Choosing among complete paths: majority vote, verifier-weighted vote and best-of-N reranking
// (by the verifier's value, or by the policy's likelihood in a bundle without a value model).
// Pure functions over TracePaths, shared by the strategies and the accuracy benchmark (which
// applies them to the first N paths of one sampled pool).
import { groupAnswers } from '../grading/index.js';
import type { TracePath, TraceVote } from './trace.js';

export interface Selection {
  /** Index into the given paths of the returned path. */
  chosen: number;
  answer: string | null;
  votes: TraceVote[];
}

/**
 * Groups equivalent answers and picks the winner: most members (plain) or largest summed value
 * (weighted); ties go to the other criterion, then to the group seen first. The returned path is
 * the group's first member (plain) or its highest-valued member (weighted). Paths without an
 * answer do not vote; if no path has one, path 0 (plain) or the highest-valued path is returned.
 */
export function vote(paths: readonly TracePath[], weighted: boolean): Selection {
  const groups = groupAnswers(paths.map((p) => p.answer));
  const votes: TraceVote[] = groups.map((g) => ({
    answer: g.answer,
    members: g.members,
    weight: weighted ? g.members.reduce((sum, i) => sum + (paths[i]?.value ?? 0), 0) : null,
    winner: false,
  }));
  const order = votes
    .map((v, firstSeen) => ({ v, firstSeen }))
    .sort((x, y) => {
      const byPrimary = weighted ? (y.v.weight ?? 0) - (x.v.weight ?? 0) : y.v.members.length - x.v.members.length;
      if (byPrimary !== 0) return byPrimary;
      const bySecondary = weighted ? y.v.members.length - x.v.members.length : (y.v.weight ?? 0) - (x.v.weight ?? 0);
      return bySecondary !== 0 ? bySecondary : x.firstSeen - y.firstSeen;
    })
    .map((x) => x.v);
  const winner = order[0];
  if (!winner) return { chosen: weighted ? bestIndex(paths) : 0, answer: null, votes: [] };
  winner.winner = true;
  const chosen = weighted ? bestIndex(paths, winner.members) : (winner.members[0] as number);
  return { chosen, answer: winner.answer, votes: order };
}

/** What best-of-N ranks by: the verifier's value at the last token, or the policy's mean token log-probability. */
export type PathRanking = 'value' | 'likelihood';

const RANK_KEY: Record<PathRanking, (path: TracePath | undefined) => number> = {
  value: (path) => path?.value ?? -Infinity,
  likelihood: (path) => path?.meanLogprob ?? -Infinity,
};

/** Best-of-N: the path ranked highest, by value unless told otherwise (ties: the earlier path). */
export function bestOfN(paths: readonly TracePath[], ranking: PathRanking = 'value'): Selection {
  const chosen = bestIndex(paths, undefined, RANK_KEY[ranking]);
  return { chosen, answer: paths[chosen]?.answer ?? null, votes: [] };
}

function bestIndex(paths: readonly TracePath[], among?: readonly number[], key = RANK_KEY.value): number {
  const candidates = among ?? paths.map((_, i) => i);
  let best = candidates[0] ?? 0;
  for (const i of candidates) {
    if (key(paths[i]) > key(paths[best])) best = i;
  }
  return best;
}
