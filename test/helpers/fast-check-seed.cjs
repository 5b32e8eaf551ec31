// CI runs the property tests from a fixed seed (FC_SEED) so that its verdict is reproducible;
// without it each run explores new cases (a failure prints the seed that replays it).
const seed = process.env.FC_SEED;
if (seed !== undefined) require('fast-check').configureGlobal({ seed: Number(seed) });
