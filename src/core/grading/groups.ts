// Groups equivalent answers for voting. Equivalence is not a hash (expressions are compared by
// evaluation), so each answer is compared with the first member of every group so far; N is small.
import { parseCached, parsedEquivalent } from './equivalence.js';

export interface AnswerGroup {
  /** The answer as first written by a member: what is shown and returned. */
  answer: string;
  /** Indexes (into the input) of the answers in this group, in input order. */
  members: number[];
}

/** Groups in order of first appearance; null answers (no answer stated) belong to no group. */
export function groupAnswers(answers: ReadonlyArray<string | null>): AnswerGroup[] {
  const groups: AnswerGroup[] = [];
  answers.forEach((answer, index) => {
    if (answer === null) return;
    const parsed = parseCached(answer);
    const group = groups.find((g) => parsedEquivalent(parseCached(g.answer), parsed));
    if (group) group.members.push(index);
    else groups.push({ answer, members: [index] });
  });
  return groups;
}
