// Check my steps on a notebook, with the real models: the engine's result goes through the
// extension's check store and decoration plan as the editor would show it. A planted slip gets an
// Error diagnostic stating the fact; the true line after it is not painted as wrong, though the
// TVM's value stays low there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDerivation } from '../../../src/core/check/index.js';
import { parseNotebook } from '../../../src/core/notebook/index.js';
import { checkedText, mapCheck } from '../../../src/extension/check/checkStore.js';
import { diagnosticsOf, planDecorations } from '../../../src/extension/check/decorationPlan.js';
import { hoverMarkdown } from '../../../src/extension/check/hover.js';
import { useRealBundle } from '../../helpers/realBundle.js';


const real = useRealBundle();

const NOTEBOOK = ['## Problem 1', 'What is $23 \\times 4$?', '**Solution:**', '- $23 \\times 4 = 91$', '- $91 + 1 = 92$', '- The answer is 92'].join('\n');

async function planFor(exact: boolean) {
  const problem = parseNotebook(NOTEBOOK)[0]!;
  const result = await checkDerivation(real.models, checkedText(problem), { exact });
  const check = mapCheck(problem, result)!;
  return { result, check, plan: planDecorations([check]) };
}

test('a planted false line gets an Error diagnostic stating the fact, through the real real.bundle', async () => {
  const { plan, check } = await planFor(true);
  const errors = diagnosticsOf(plan).filter((d) => d.severity === 'error');
  assert.deepEqual(errors, [{ range: { startLine: 3, startColumn: 2, endLine: 3, endColumn: 20 }, message: '23 \\times 4 = 91 is false: 23 \\times 4 = 92', severity: 'error' }]);
  assert.deepEqual(plan.exact.wrong.map((s) => s.line), [3]);
  // The next line is true on its own, and the answer satisfies the problem: neither is painted as wrong.
  assert.deepEqual(plan.exact.sound.map((s) => s.line), [4, 5]);
  assert.equal(plan.underline.flat().length, 0);
  assert.match(hoverMarkdown([check], 3, 4) ?? '', /✗ \*\*Exact:\*\* 23 \\\\times 4 = 91 is false: 23 \\\\times 4 = 92 \(right value `92`\)/);
  assert.match(hoverMarkdown([check], 5, 4) ?? '', /✓ \*\*Exact:\*\* the final answer satisfies the problem \(verified\)/);
});

test('with exact math off, the same working gets the TVM alone', async () => {
  const { plan, result } = await planFor(false);
  assert.deepEqual(plan.errors, []);
  assert.deepEqual(plan.exact, { sound: [], wrong: [] });
  assert.equal(plan.underline.flat().length, 3, 'every line takes the colour of its value');
  assert.equal(plan.suspicions.length, result.firstSuspicious === null ? 0 : 1);
});
