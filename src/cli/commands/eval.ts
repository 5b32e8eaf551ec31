// `tvm-tutor eval`: accuracy of one strategy over a JSONL file of {question, answer} lines.
import { readFileSync } from 'node:fs';
import { answersEquivalent, referenceAnswer } from '../../core/grading/index.js';
import { solve } from '../../core/solve.js';
import type { EvalArgs } from '../args.js';
import { UsageError } from '../errors.js';
import type { OpenModels } from '../models.js';

export interface EvalItem {
  question: string;
  /** The reference answer, bare (GSM8K solutions are reduced to what follows "####"). */
  reference: string;
}

export interface EvalResult {
  index: number;
  question: string;
  reference: string;
  answer: string | null;
  correct: boolean;
  ms: number;
}

export async function runEval(args: EvalArgs, items: readonly EvalItem[], open: OpenModels, signal: AbortSignal, log: (line: string) => void): Promise<string> {
  const results: EvalResult[] = [];
  for (const [index, item] of items.entries()) {
    const t0 = performance.now();
    const solved = await solve(
      open.models,
      { problem: item.question, strategy: args.strategy, verifier: args.verifier, k: args.k, b: args.b, temperature: args.temperature, maxSteps: args.maxSteps, seed: args.seed, exact: args.exact },
      signal,
    );
    const correct = answersEquivalent(solved.answer, item.reference);
    results.push({ index, question: item.question, reference: item.reference, answer: solved.answer, correct, ms: Math.round(performance.now() - t0) });
    const right = results.filter((r) => r.correct).length;
    log(`[${index + 1}/${items.length}] ${correct ? 'correct' : 'wrong  '} ${JSON.stringify(solved.answer)} vs ${JSON.stringify(item.reference)}  (${right}/${results.length})`);
  }
  const correct = results.filter((r) => r.correct).length;
  const accuracy = results.length === 0 ? 0 : correct / results.length;
  if (args.json) return JSON.stringify({ accuracy, n: results.length, correct, results });
  return `${args.strategy} (${args.verifier ?? 'tvm'}): ${correct}/${results.length} correct, accuracy ${(accuracy * 100).toFixed(1)}%`;
}

/** Parses the JSONL input (before any model loads), naming the first bad line. */
export function readItems(file: string, limit: number | undefined): EvalItem[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --input ${file}: ${(error as Error).message.split('\n', 1)[0]}`);
  }
  const items: EvalItem[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UsageError(`${file} line ${i + 1} is not JSON: each line must be {"question": "...", "answer": "..."}`);
    }
    const { question, answer } = (value ?? {}) as { question?: unknown; answer?: unknown };
    if (typeof question !== 'string' || (typeof answer !== 'string' && typeof answer !== 'number')) {
      throw new UsageError(`${file} line ${i + 1} needs a string "question" and a string or number "answer"`);
    }
    items.push({ question, reference: referenceAnswer(String(answer)) });
  });
  if (items.length === 0) throw new UsageError(`${file} has no problems: write one {"question", "answer"} object per line`);
  return items.slice(0, limit);
}
