// One strategy list: package.json's `tvmTutor.strategy` setting (enum, enumDescriptions, default)
// and the CLI's help must say what src/shared/engineProtocol.ts's STRATEGIES says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_STRATEGY, STRATEGIES, STRATEGY_NAMES } from '../../src/shared/engineProtocol.js';
import { USAGE } from '../../src/cli/args.js';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
const setting = manifest.contributes.configuration.properties['tvmTutor.strategy'];

test("package.json's tvmTutor.strategy enum and descriptions equal STRATEGIES", () => {
  assert.deepEqual(setting.enum, STRATEGIES.map((s) => s.name));
  assert.deepEqual(setting.enumDescriptions, STRATEGIES.map((s) => s.description));
  assert.equal(setting.default, DEFAULT_STRATEGY);
});

test('the CLI help lists every strategy with its description', () => {
  assert.ok(USAGE.includes(`--strategy ${STRATEGY_NAMES.join('|')}`));
  for (const s of STRATEGIES) assert.ok(USAGE.includes(s.description), s.name);
});
