// Public surface of the notebook parser.
export { parseNotebook, problemAt, problemByKey } from './parse.js';
export { mathRules, MATH_BLOCK, MATH_INLINE } from '../../shared/mathRules.js';
export { splitLines } from './lines.js';
export type { DerivationStep, LineRange, Problem, ProblemLabelKind, StepSegment, Work } from './types.js';
