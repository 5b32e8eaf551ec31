// Collects test/**/*.test.ts (except the E2E suite and the remote engine's real-server suite, npm run test:remote) and runs them with node's test runner.
// Node 20's --test does not expand globs itself.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function collect(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'e2e' || name === 'fixtures' || name === 'remote-server' ? [] : collect(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const filter = process.argv[2];
const root = process.env.TVM_TEST_ROOT ?? 'test';
const files = collect(root).filter((f) => !filter || f.includes(filter)).sort();
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--require', './test/helpers/fastCheckSeed.cjs', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
  { stdio: 'inherit', env: { ...process.env, ORT_DISABLE_TELEMETRY: '1' } },
);
process.exit(result.status ?? 1);
