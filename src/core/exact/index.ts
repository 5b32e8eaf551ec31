// Exact math beside the TVM (issue "Exact math beside the TVM"): verdicts on lines, the
// calculator used while decoding, and the check of a final answer against its problem.
export { judgeSteps, DerivationWalker, type ExactJudgement, type ExactVerdict } from './judge.js';
export { isContradicted } from '../../shared/exactVerdicts.js';
export { answerSatisfies, verifyAnswer } from './answer.js';
export { problemContext, type ProblemContext } from './problem.js';
export { warmUp } from './expression.js';
export { calculatorResult } from './calculator.js';
