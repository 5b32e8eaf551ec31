// What bench/calibration.ts measures per problem, solved once and kept in solves.json so that
// choosing features and fitting the calibration map can be redone without solving again: the raw
// (uncalibrated) TVM values of the chosen steps, whether the answer is right, and every candidate
// out-of-distribution feature.
import { answersEquivalent } from '../../src/core/grading/index.js';
import type { EngineModels } from '../../src/core/lm.js';
import { solve } from '../../src/core/solve.js';
import { problemSurprise, type ProblemSurprise } from '../../src/core/familiarity/problemSurprise.js';
import { TextFormat } from '../../src/core/search/format.js';
import type { SearchTrace } from '../../src/core/search/trace.js';
import type { ProblemSet } from './problems.js';
import { splitWords } from '../../src/core/familiarity/splitWords.js';

export interface SolvedRecord {
  split: string;
  index: number;
  question: string;
  reference: string;
  answer: string | null;
  /** The answer is equivalent to the reference (false when there is none). */
  right: boolean;
  verified: boolean | null;
  /** The TVM's raw value at the end of each chosen step, in order (the last one is the answer's). */
  stepValues: number[];
  surprise: ProblemSurprise;
  /** Words the tokenizer splits into pieces (the old word-list caution's count). */
  splitWords: number;
  /** Among the finished candidates the search sampled, the share whose answer is the chosen one (null: none finished). */
  agreement: number | null;
}

/** A problem measured for familiarity only (no solve): how often in-distribution splits get flagged. */
export interface FamiliarityRecord {
  split: string;
  index: number;
  surprise: number;
  splitWords: number;
}

export async function measureFamiliarity(models: EngineModels, splits: readonly ProblemSet[]): Promise<FamiliarityRecord[]> {
  const format = new TextFormat(models.info, models.tokenizer);
  const records: FamiliarityRecord[] = [];
  for (const split of splits) {
    for (const [index, item] of split.items.entries()) {
      const surprise = await problemSurprise(models.policy, format, item.question);
      if (!surprise) throw new Error('this bench needs a policy that reports its log-probabilities (a local bundle, not the remote engine)');
      records.push({ split: split.name, index, surprise: surprise.meanNats, splitWords: splitWords(models.tokenizer, item.question).length });
    }
  }
  return records;
}

/** Solves every problem of `splits` with the default Solve on `models`, which must give raw values (no calibration). */
export async function solveForCalibration(models: EngineModels, splits: readonly ProblemSet[], log: (line: string) => void): Promise<SolvedRecord[]> {
  const format = new TextFormat(models.info, models.tokenizer);
  const records: SolvedRecord[] = [];
  for (const split of splits) {
    for (const [index, item] of split.items.entries()) {
      const result = await solve(models, { problem: item.question, seed: index });
      const surprise = await problemSurprise(models.policy, format, item.question);
      if (!surprise) throw new Error('this bench needs a policy that reports its log-probabilities (a local bundle, not the remote engine)');
      records.push({
        split: split.name,
        index,
        question: item.question,
        reference: item.reference,
        answer: result.answer,
        right: result.answer !== null && answersEquivalent(result.answer, item.reference),
        verified: result.verified,
        stepValues: result.steps.map((step) => step.value ?? 0),
        surprise,
        splitWords: splitWords(models.tokenizer, item.question).length,
        agreement: agreement(result.trace),
      });
      log(`${split.name} ${index + 1}/${split.items.length}`);
    }
  }
  return records;
}

function agreement(trace: SearchTrace): number | null {
  if (trace.answer === null) return null;
  const answers = [
    ...trace.steps.flatMap((step) => step.beams.flatMap((beam) => beam.candidates.filter((c) => c.finished && c.answer !== null).map((c) => c.answer as string))),
    ...trace.paths.filter((path) => path.answer !== null).map((path) => path.answer as string),
  ];
  if (answers.length === 0) return null;
  return answers.filter((answer) => answersEquivalent(answer, trace.answer as string)).length / answers.length;
}
