// The exact judge on the hand-written natural split (bench/data/README.md): verifyAnswer on every
// problem with its own right answer. A right answer can only be confirmed or left unread; each
// rejection is a misreading of the problem that would set a right answer aside with exact math on.
// The same problems with the answer off by one measure the other side: those should be rejected.
//
//   npm run bench:natural-judge
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAnswer } from '../src/core/exact/index.js';
import { fromDecimal, rational } from '../src/core/exact/rational.js';

interface NaturalProblem {
  id: string;
  family: string;
  question: string;
  answer: string;
}

const problems = readFileSync(join(__dirname, 'data', 'natural.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as NaturalProblem);

/** The right answer plus one, as an integer or a fraction a/b (the natural answers are integers, fractions or decimals). */
function offByOne(answer: string): string {
  const [num, den] = answer.includes('/') ? answer.split('/').map(BigInt) : [fromDecimal(answer)!.num, fromDecimal(answer)!.den];
  const value = rational(num! + den!, den!);
  return value.den === 1n ? String(value.num) : `${value.num}/${value.den}`;
}

const verdicts = problems.map((p) => ({ id: p.id, verdict: verifyAnswer(p.question, p.answer) }));
const wrongVerdicts = problems.map((p) => verifyAnswer(p.question, offByOne(p.answer)));
const count = (verdict: boolean | null): number => verdicts.filter((v) => v.verdict === verdict).length;
const countWrong = (verdict: boolean | null): number => wrongVerdicts.filter((v) => v === verdict).length;
console.log(`natural split, ${problems.length} problems (Node ${process.version}): ${count(true)} confirmed, ${count(false)} rejected, ${count(null)} not read`);
console.log(`answers off by one: ${countWrong(false)} rejected, ${countWrong(true)} confirmed, ${countWrong(null)} not read`);
for (const v of verdicts.filter((v) => v.verdict === false)) console.log(`rejected: ${v.id}`);
console.log(`confirmed: ${verdicts.filter((v) => v.verdict === true).map((v) => v.id).join(' ')}`);
