// The bundle's text conventions (CONTRACTS.md "Text format"): prompt template, one step per
// line, a final "The answer is X" line, then EOS.
import type { BundleInfo, TextCodec } from '../lm.js';
import { compileAnswerPattern, extractAnswer, isAnswerLine } from '../grading/index.js';
import { oneLine, promptText } from '../prompt/promptText.js';
import { BadRequestError } from './models.js';

export class TextFormat {
  readonly answerPattern: RegExp;

  constructor(
    readonly info: BundleInfo,
    readonly codec: TextCodec,
  ) {
    this.answerPattern = compileAnswerPattern(info.answerPattern);
  }

  /** The templated prompt, the problem written as the bundle's prompt format says (promptText.ts). */
  prompt(problem: string): string {
    return promptText(this.info.promptTemplate, problem, this.info.promptFormat);
  }

  /** A step as written text, one line, as the policy would have produced it (delimiter included). */
  stepLine(step: string): string {
    return oneLine(step) + this.info.stepDelimiter;
  }

  /**
   * encodePrefix for a search: the policy must have room for at least one more token, so a
   * problem (plus given steps) that fills maxPositions is the caller's mistake, not a crash.
   */
  encodeSearchPrefix(problem: string, steps: readonly string[]): number[] {
    const { tokens } = this.encodePrefix(problem, steps);
    if (tokens.length >= this.info.maxPositions) {
      throw new BadRequestError(
        `the problem${steps.length > 0 ? ' and steps' : ''} take ${tokens.length} tokens, but the model reads at most ${this.info.maxPositions}: shorten the problem`,
      );
    }
    return tokens;
  }

  /**
   * Token ids of the prompt followed by the given steps, each encoded as its own line. With
   * `closeAnswer`, a last step that states the final answer ends with EOS instead of the
   * delimiter, as the policy ends a solution: verifiers that read the policy's token
   * log-probabilities would otherwise see a line break the policy finds very unlikely there.
   */
  encodePrefix(
    problem: string,
    steps: readonly string[],
    { closeAnswer = false }: { closeAnswer?: boolean } = {},
  ): { tokens: number[]; promptLength: number; stepEnds: number[] } {
    const tokens = this.codec.encode(this.prompt(problem));
    const promptLength = tokens.length;
    const stepEnds: number[] = [];
    steps.forEach((step, i) => {
      const closing = closeAnswer && i === steps.length - 1 && this.isAnswerLine(step);
      // Each step is encoded separately so its tokens match what step-wise sampling would have
      // produced (a sampled step always ends with the delimiter token), and so the token ranges
      // of steps are exact.
      const ids = closing ? [...this.codec.encode(oneLine(step)), this.codec.eosId] : this.codec.encode(this.stepLine(step));
      // A loop, not push(...ids): spreading a long step's ids overflows the stack.
      for (const id of ids) tokens.push(id);
      stepEnds.push(tokens.length);
    });
    return { tokens, promptLength, stepEnds };
  }

  /** Display text of generated tokens: decoded, EOS dropped, delimiters and surrounding blanks removed. */
  stepText(tokens: readonly number[]): string {
    return this.codec.decode(tokens).split(this.info.stepDelimiter).join(' ').trim();
  }

  /** Per-token texts with EOS made visible. */
  tokenTexts(tokens: readonly number[]): string[] {
    const texts = this.codec.tokenTexts(tokens);
    return texts.map((text, i) => (tokens[i] === this.codec.eosId ? this.info.eosToken : text));
  }

  isAnswerLine(line: string): boolean {
    return isAnswerLine(line, this.answerPattern);
  }

  extractAnswer(text: string): string | null {
    return extractAnswer(text, this.answerPattern);
  }

  /** Whether a token ends a step: its text contains the delimiter, or it is EOS. */
  endsStep(tokenText: string, id: number): boolean {
    return id === this.codec.eosId || tokenText.includes(this.info.stepDelimiter);
  }
}
