// Answer extraction and equivalence: what "correct" means for search, voting and benchmarks.
export { compileAnswerPattern, extractAnswer, isAnswerLine, referenceAnswer } from './extract.js';
export { parseAnswer, normalizeText, type ParsedAnswer } from './normalize.js';
export { answersEquivalent, parseCached, parsedEquivalent } from './equivalence.js';
export { groupAnswers, type AnswerGroup } from './groups.js';
