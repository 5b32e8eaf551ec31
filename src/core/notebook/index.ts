// Public surface of the notebook parser.
export { parseNotebook, problemAt, problemByKey } from './parse.js';
export { cellLineOf, cellStarts, joinedLineCount, type CellLine } from './cells.js';
export { mathRules, MATH_BLOCK, MATH_INLINE } from '../../shared/mathRules.js';
export { splitLines } from './lines.js';
