// CI runs the property tests from a fixed seed (FC_SEED) so that its verdict is reproducible;
// without it each run explores new cases (a failure prints the seed that replays it).
// A CommonJS preload (`node --require`): it must configure the CommonJS fast-check the tests load.
const seed = process.env.FC_SEED;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
if (seed !== undefined) require('fast-check').configureGlobal({ seed: Number(seed) });
