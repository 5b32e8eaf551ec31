// Switching the model bundle setting to a folder that cannot be loaded (here a Hugging Face folder
// without tokenizer.json) shows the loader's message and leaves the previous bundle in use, in the
// extension's real EngineHost with the built engine process (dist/engine.js, made by `npm run build`).
import './fakeVscode.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolveConfig, type ConfigContext, type Inspect, type Inspected } from '../../src/extension/configModel.js';
import { EngineHost } from '../../src/extension/engineHost.js';
import { FIXTURE_BUNDLES, skipUnlessFixture } from '../helpers/bundles.js';
import { makeHuggingFaceFolder } from '../helpers/huggingFaceFolders.js';

const ENGINE = 'dist/engine.js';
const CTX: ConfigContext = { trusted: true, extensionPath: '/ext', workspaceFolder: '/repo', home: '/home/me' };
const SOLVE = { problem: 'Tom has 3 apples and buys 4 more. How many apples does he have?', strategy: 'greedy' as const, maxSteps: 1, maxStepTokens: 4 };

test(
  'a bundle that fails to load leaves the previous one loaded, and the message names the file',
  { skip: !existsSync(ENGINE) ? `${ENGINE} is missing: run npm run build` : skipUnlessFixture('mqa').skip },
  async () => {
    const broken = makeHuggingFaceFolder();
    broken.remove('tokenizer.json');
    let bundle = FIXTURE_BUNDLES.mqa;
    const inspect: Inspect = <T>(key: string) =>
      (key === 'modelBundle' ? { globalValue: bundle } : key === 'device' ? { globalValue: 'cpu' } : undefined) as Inspected<T> | undefined;
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
    const host = new EngineHost(ENGINE, () => resolveConfig(inspect, CTX), log as never, async () => undefined);
    try {
      await host.run('solving', (client) => client.solve(SOLVE));
      assert.equal(host.snapshot().model, 'bundle-mqa');
      assert.ok(host.snapshot().details.some((line) => line.startsWith('Strategies: beam, greedy, vote, bon, wvote')));

      bundle = broken.dir;
      host.configurationChanged();
      await assert.rejects(host.run('solving', (client) => client.solve(SOLVE)), (error: unknown) => {
        const message = (error as Error).message;
        return message.includes(`${broken.dir}/tokenizer.json: is missing`) && message.includes('The previous model bundle (bundle-mqa) stays loaded.');
      });
      const result = await host.run('solving', (client) => client.solve(SOLVE));
      assert.equal(result.trace.paths.length, 1, 'the previous bundle still answers');
      assert.equal(host.snapshot().model, 'bundle-mqa');
    } finally {
      host.dispose();
      broken.cleanup();
    }
  },
);
