// Checking a user's own derivation and suggesting a next step.
export { checkDerivation, type CheckOptions, type CheckResult, type CheckedStep, type CheckedToken, type DerivationRequest } from './derivation.js';
export { firstFlagged, isContradicted, tvmWarningStands, type ExactStep, type FlagSource } from './exactCheck.js';
export { hintNextStep, hintForCheck, DEFAULT_HINT_K, type Hint, type HintOptions, type HintOutcome } from './hint.js';
export { DEFAULT_SUSPICION, firstCollapse, type SuspicionOptions } from './suspicious.js';
