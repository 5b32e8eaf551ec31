// The prompt a bundle's policy reads for a problem: its template with the problem in place of
// `{problem}`, the problem written as the policy's prompt format says. The Python side's one
// definition is prompt_text() in training/tvm_training/data.py; both are tested against
// training/tests/fixtures/prompt_text_cases.json.
import type { PromptFormat } from '../../shared/engineProtocol.js';
import { canonicalProblem } from './canonicalProblem.js';

// A run of whitespace holding a line break. The lookbehind lets a match start only where a run
// starts; without it the match is retried from every space of a long run (quadratic).
const LINE_BREAK_RUN = /(?<!\s)\s*\n\s*/g;

/** The text on one line: a line break would read as a step break. */
export const oneLine = (text: string): string => text.replace(LINE_BREAK_RUN, ' ').trim();

/** The problem as the policy read problems in training: v1 as written (on one line), v2 canonical. */
export function problemInPrompt(problem: string, format: PromptFormat): string {
  return format === 'v2' ? canonicalProblem(problem) : oneLine(problem);
}

export function promptText(template: string, problem: string, format: PromptFormat): string {
  // split/join rather than replace(): "$&" or "$1" in a problem must stay literal.
  return template.split('{problem}').join(problemInPrompt(problem, format));
}
