// Scores a derivation the user wrote: the verifier's value after every token and every step, and
// the first step where the value collapses (see suspicious.ts); beside it, unless turned off, the
// exact verdict on every line and the stated final answer checked against the problem
// (exactCheck.ts).
import { throwIfAborted, type EngineModels } from '../lm.js';
import { BadRequestError } from '../search/models.js';
import { TextFormat } from '../search/format.js';
import { requireVerifier } from '../search/fromEngine.js';
import { assessFamiliarity } from '../familiarity/assess.js';
import { checkProblemText } from '../problemText.js';
import { derivationSucceeded, firstFlagged, isContradicted, judgeLines, tvmWarningStands, verifyStatedAnswer } from './exactCheck.js';
import { DEFAULT_SUSPICION, firstCollapse, noSuspicionReason, steepestDrop, suspicionReason } from './suspicious.js';
import type { CheckOptions, CheckResult, CheckedStep, SuspicionOptions } from '../../shared/engineProtocol.js';

export type { CheckOptions, CheckResult, CheckedStep, CheckedToken } from '../../shared/engineProtocol.js';

export interface DerivationRequest {
  problem: string;
  /** The user's steps, one per line, in order. */
  steps: readonly string[];
}


export async function checkDerivation(
  models: EngineModels,
  request: DerivationRequest,
  options: CheckOptions = {},
  signal?: AbortSignal,
): Promise<CheckResult> {
  const suspicion: SuspicionOptions = { ...DEFAULT_SUSPICION, ...definedOnly(options) };
  validateRequest(request, suspicion);
  const verifierName = options.verifier ?? 'tvm';
  const verifier = requireVerifier(models, verifierName, 'Check my steps');
  const format = new TextFormat(models.info, models.tokenizer);
  throwIfAborted(signal);

  const { tokens, promptLength, stepEnds } = format.encodePrefix(request.problem, request.steps, { closeAnswer: true });
  if (promptLength >= models.info.maxPositions) {
    throw new BadRequestError(`the problem takes ${promptLength} tokens, but the model reads at most ${models.info.maxPositions}: shorten the problem`);
  }
  if (tokens.length > models.info.maxPositions) {
    throw new BadRequestError(`the problem and steps are ${tokens.length} tokens, more than the model's ${models.info.maxPositions}: check fewer steps at a time`);
  }
  const [raw = []] = await verifier.tokenValues([tokens], signal);
  const display = await assessFamiliarity(models, format, request.problem, signal);
  // Where the verifier flags a step is decided on its raw values (the rule's thresholds were
  // measured on them, bench:check); what the user reads is displayed values only.
  const firstSuspicious = firstCollapse(
    raw[promptLength - 1] ?? 0,
    stepEnds.map((end) => raw[end - 1] ?? 0),
    suspicion,
  );
  const exact = options.exact === false ? null : judgeLines(request.problem, request.steps);
  const finished = format.isAnswerLine(request.steps.at(-1) ?? '');
  const contradicted = exact ? exact.findIndex(isContradicted) : -1;
  const firstFalse = contradicted < 0 ? null : contradicted;
  const verified = exact && finished ? verifyStatedAnswer(request.problem, format.extractAnswer(request.steps.join('\n'))) : null;
  // A derivation that reaches a verified answer with no false line is shown as a solve reaching it is
  // (at least at the calibration's verifiedFloor), so that Solve and Check agree on the same lines.
  const values = raw.map(derivationSucceeded({ firstFalse, verified }) ? display.showVerified : display.show);
  const problemValue = values[promptLength - 1] ?? 0;

  let start = promptLength;
  const steps: CheckedStep[] = request.steps.map((text, i) => {
    const end = stepEnds[i] as number;
    const ids = tokens.slice(start, end);
    const texts = format.tokenTexts(ids);
    const step: CheckedStep = {
      text,
      value: values[end - 1] ?? 0,
      before: values[start - 1] ?? 0,
      tokens: ids.map((id, k) => ({ id, text: texts[k] ?? '', value: values[start + k] ?? 0 })),
      exact: exact?.[i] ?? null,
    };
    start = end;
    return step;
  });

  const flagged = firstSuspicious === null ? undefined : steps[firstSuspicious];
  const suspiciousToken = flagged ? steepestDrop(flagged.before, flagged.tokens.map((t) => t.value)) : null;
  const reason =
    flagged && firstSuspicious !== null && suspiciousToken !== null
      ? suspicionReason(firstSuspicious, flagged.before, flagged.value, flagged.text, flagged.tokens[suspiciousToken]?.text ?? '')
      : noSuspicionReason(steps.at(-1)?.value ?? problemValue, suspicion);
  const flags = { steps, firstSuspicious, firstFalse, verified };
  return {
    verifier: verifierName,
    problemValue,
    ...flags,
    warningStands: tvmWarningStands(flags),
    firstFlagged: firstFlagged(flags),
    suspiciousToken,
    suspiciousDrop: firstSuspicious === null ? null : rawDrop(raw, promptLength, stepEnds, firstSuspicious),
    reason,
    finished,
    familiarity: display.familiarity,
  };
}

/** The raw value before step `index` minus the one after it. */
function rawDrop(raw: readonly number[], promptLength: number, stepEnds: readonly number[], index: number): number {
  const start = index === 0 ? promptLength : (stepEnds[index - 1] as number);
  return (raw[start - 1] ?? 0) - (raw[(stepEnds[index] as number) - 1] ?? 0);
}

function validateRequest(request: DerivationRequest, suspicion: SuspicionOptions): void {
  checkProblemText(request.problem);
  if (request.steps.length === 0) throw new BadRequestError('there are no steps to check: pass at least one line of working');
  const blank = request.steps.findIndex((s) => s.trim() === '');
  if (blank >= 0) throw new BadRequestError(`step ${blank + 1} is empty: remove blank steps`);
  if (!(suspicion.threshold >= 0 && suspicion.threshold <= 1)) throw new BadRequestError(`threshold must be between 0 and 1, got ${suspicion.threshold}`);
  if (!(suspicion.relativeDrop > 0 && suspicion.relativeDrop <= 1)) {
    throw new BadRequestError(`relativeDrop must be in (0, 1], got ${suspicion.relativeDrop}`);
  }
  if (!(suspicion.minDrop >= 0 && suspicion.minDrop <= 1)) throw new BadRequestError(`minDrop must be between 0 and 1, got ${suspicion.minDrop}`);
}

/** Drops keys whose value is undefined, so they do not override defaults when spread. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
