// For the Python suite (training/tests/test_recipe_units.py): the engine's own answer reading, so the
// recipe's Python port can be checked against it case by case. Prints one JSON object.
// Usage: node --import tsx training/tests/node/extract_answer.mts CASES.json
//   CASES.json: { "texts": [string, …], "references": [string, …] }
import { readFileSync } from 'node:fs';
import { DEFAULT_ANSWER_PATTERN } from '../../../src/core/bundle/huggingFaceFolder.js';
import { compileAnswerPattern, extractAnswer, referenceAnswer } from '../../../src/core/grading/extract.js';

const cases = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as { texts: string[]; references: string[] };
const pattern = compileAnswerPattern(DEFAULT_ANSWER_PATTERN);
console.log(JSON.stringify({
  pattern: DEFAULT_ANSWER_PATTERN,
  extracted: cases.texts.map((text) => extractAnswer(text, pattern)),
  references: cases.references.map((field) => referenceAnswer(field)),
}));
