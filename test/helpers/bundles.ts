// Paths of the tiny random-weight fixture bundles (written by training/), and a way to make
// broken copies of them for validation tests.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** TVM_TEST_BUNDLES points at another folder holding bundle-mqa/ and bundle-mha/. */
const FIXTURES = resolve(process.env.TVM_TEST_BUNDLES ?? 'test/fixtures');

export const FIXTURE_BUNDLES = {
  /** One shared KV head, takes position_ids. */
  mqa: join(FIXTURES, 'bundle-mqa'),
  /** Four KV heads, no position_ids input (positions come from attention_mask). */
  mha: join(FIXTURES, 'bundle-mha'),
} as const;

export type FixtureKind = keyof typeof FIXTURE_BUNDLES;
export const FIXTURE_KINDS = Object.keys(FIXTURE_BUNDLES) as FixtureKind[];

/** `{ skip }` option for node:test when the fixture has not been generated. */
export function skipUnlessFixture(kind: FixtureKind): { skip: string | false } {
  return { skip: existsSync(join(FIXTURE_BUNDLES[kind], 'manifest.json')) ? false : `fixture bundle ${FIXTURE_BUNDLES[kind]} is missing` };
}

/** A throw-away copy of a fixture bundle; `edit` may break it. Returns the folder and a cleanup. */
export function copyFixture(kind: FixtureKind): { dir: string; manifest: () => any; writeManifest: (m: unknown) => void; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `tvm-bundle-${kind}-`));
  cpSync(FIXTURE_BUNDLES[kind], dir, { recursive: true, dereference: true });
  const manifestPath = join(dir, 'manifest.json');
  return {
    dir,
    manifest: () => JSON.parse(readFileSync(manifestPath, 'utf8')),
    writeManifest: (m) => writeFileSync(manifestPath, JSON.stringify(m, null, 1)),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
