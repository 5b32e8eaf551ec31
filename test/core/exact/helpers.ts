// Shared by the exact-math tests: one line judged on its own, the reference splits read once.
import { readFileSync } from 'node:fs';
import { judgeSteps, type ExactJudgement } from '../../../src/core/exact/index.js';

/** The verdict of one line with no problem context. */
export const judgeLine = (line: string, problem = ''): ExactJudgement => judgeSteps(problem, [line])[0] as ExactJudgement;

export interface Example {
  question: string;
  answer: string;
  family: string;
  solution: string;
}

export function splitExamples(split: 'val' | 'test' | 'hard'): Example[] {
  return readFileSync(`models/default/splits/${split}.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Example);
}

/** A curriculum's committed sample (training/tests/test_curriculum_<version>.py keeps it equal to the generator's output). */
export function curriculumSample(version: 'v2' | 'v3' | 'v4'): Example[] {
  return readFileSync(`test/fixtures/curriculum-${version}-sample.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Example);
}
