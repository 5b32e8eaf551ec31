// Numbers from nowhere (src/core/exact/grounding.ts) on the validation split: how often sampled
// lines use one, how often such paths end right, and what beam search gets when such candidates
// are only marked, ranked at half their value, or pruned. The default (DEFAULT_GROUNDING in
// src/core/search/models.ts) is what this measures best on val; settings are never chosen on test.
//
//   npm run bench:grounding -- [--bundle DIR] [--splits val] [--limit 64] [--seed 0] [--out bench/results/exact]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { answersEquivalent } from '../src/core/grading/index.js';
import { DEFAULT_COMMON, SearchMeter, TextFormat, deriveSeed, sampleFullPaths, searchModels, stepBeamSearch, toTracePath } from '../src/core/search/index.js';
import { GROUNDINGS, type Grounding } from '../src/core/search/models.js';
import { exactSearch, judgePath } from '../src/core/search/exactSearch.js';
import { defaultBundleDir, openModels } from '../src/cli/models.js';
import { requiredSplit } from './lib/problems.js';

const PATHS = 16;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bundle: { type: 'string' },
      splits: { type: 'string', default: 'val' },
      limit: { type: 'string', default: '64' },
      seed: { type: 'string', default: '0' },
      out: { type: 'string', default: join('bench', 'results', 'exact') },
    },
  });
  const bundleDir = values.bundle ? resolve(values.bundle) : defaultBundleDir();
  const splits = values.splits.split(',').filter((s) => s !== '').map((split) => requiredSplit(bundleDir, split, Number(values.limit)));
  const open = await openModels({ bundle: bundleDir, device: 'auto', json: false, help: false });
  const lines = ['# Numbers from nowhere: mark, down-weight or prune?', '', `Bundle \`${open.models.info.name}\`, exact math on, seed ${values.seed}, ${new Date().toISOString().slice(0, 10)}; produced by \`npm run bench:grounding\`.`, ''];
  try {
    for (const split of splits) {
      const beamRight: Record<Grounding, number> = { mark: 0, downweight: 0, prune: 0 };
      let paths = 0;
      let ungroundedPaths = 0;
      let ungroundedRight = 0;
      let groundedRight = 0;
      for (const [index, item] of split.items.entries()) {
        const seed = deriveSeed(Number(values.seed), index);
        for (const grounding of GROUNDINGS) {
          const trace = await stepBeamSearch(item.question, searchModels(open.models, 'tvm'), { seed, grounding });
          if (answersEquivalent(trace.answer, item.reference)) beamRight[grounding]++;
        }
        const models = searchModels(open.models, null);
        const format = new TextFormat(open.models.info, open.models.tokenizer);
        const exact = exactSearch(item.question, open.models.tokenizer);
        const prompt = format.encodeSearchPrefix(item.question, []);
        const pool = await sampleFullPaths(models, new SearchMeter(), prompt, PATHS, { ...DEFAULT_COMMON, force: exact.force }, seed, undefined);
        for (const [i, sampled] of pool.entries()) {
          const path = judgePath(toTracePath(format, sampled, null, i), exact);
          const right = answersEquivalent(path.answer, item.reference);
          paths++;
          if (path.steps.some((step) => step.ungrounded)) {
            ungroundedPaths++;
            if (right) ungroundedRight++;
          } else if (right) groundedRight++;
        }
        process.stderr.write(`${split.name} ${index + 1}/${split.items.length}\n`);
      }
      const n = split.items.length;
      const pct = (x: number, of: number) => (of === 0 ? '–' : `${((100 * x) / of).toFixed(1)} %`);
      lines.push(
        `## ${split.name} (n = ${n})`,
        '',
        `Sampled paths (T = ${DEFAULT_COMMON.temperature}, ${PATHS} per problem): ${pct(ungroundedPaths, paths)} use a number from nowhere; of those ${pct(ungroundedRight, ungroundedPaths)} end right, of the others ${pct(groundedRight, paths - ungroundedPaths)}.`,
        '',
        '| beam search (TVM, K=16, b=4) | accuracy |',
        '|---|---:|',
        ...GROUNDINGS.map((g) => `| ${g} | ${pct(beamRight[g], n)} |`),
        '',
      );
    }
  } finally {
    await open.release();
  }
  mkdirSync(values.out, { recursive: true });
  const file = join(values.out, `grounding-${values.splits.replace(/,/g, '-')}.md`);
  writeFileSync(file, lines.join('\n'));
  process.stdout.write(lines.join('\n'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
