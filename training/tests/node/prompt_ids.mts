// For the Python suite (training/tests/test_smoke_build.py): loads a bundle (ours, or a Hugging Face
// folder) with the engine's own loader and prints the token ids of the prompt the engine builds for
// each problem (TextFormat.encodePrefix with no steps), with the bundle's prompt format and template.
// Usage: node --import tsx training/tests/node/prompt_ids.mts BUNDLE_DIR REQUEST.json
//   REQUEST.json: { "problems": [text, …] }
import { readFileSync } from 'node:fs';
import { loadBundle } from '../../../src/core/bundle/loadBundle.js';
import { TextFormat } from '../../../src/core/search/format.js';

const [dir, requestPath] = process.argv.slice(2) as [string, string];
const { problems } = JSON.parse(readFileSync(requestPath, 'utf8')) as { problems: string[] };
const bundle = await loadBundle(dir, { device: 'cpu' });
try {
  const format = new TextFormat(bundle.info, bundle.tokenizer);
  console.log(
    JSON.stringify({
      promptFormat: bundle.info.promptFormat,
      promptTemplate: bundle.info.promptTemplate,
      ids: problems.map((problem) => format.encodePrefix(problem, []).tokens),
    }),
  );
} finally {
  await bundle.release();
}
