// Entry point of the calculator process (bundled to dist/calculator.js) for the training pipeline:
// it answers, for continuations the Python sampler is decoding, what the engine's calculator would
// force next (the same `exactSearch().force` as the search uses, with the bundle's tokenizer), so
// training paths are sampled the way the engine samples them, and which tokens the engine's
// verifiers read as certain (certainCalculations.ts), so verifiers train on the inputs they get. Wire format: src/shared/calculatorProtocol.ts.
// Usage: node dist/calculator.js TOKENIZER_JSON EOS_TOKEN
import { createInterface } from 'node:readline';
import type { CalculatorReady, CalculatorReply, CalculatorRequest } from '../../shared/calculatorProtocol.js';
import { calculatorResult } from '../exact/index.js';
import { calculatedPositions } from '../runtime/certainCalculations.js';
import { exactSearch } from '../search/exactSearch.js';
import { stepEndFlags } from '../stepEnds.js';
import { BundleTokenizer } from '../tokenizer.js';
import { tokenText } from '../tokenText.js';

const [tokenizerPath, eosToken] = process.argv.slice(2);
if (!tokenizerPath || !eosToken) {
  process.stderr.write('usage: node dist/calculator.js TOKENIZER_JSON EOS_TOKEN\n');
  process.exit(2);
}
const codec = BundleTokenizer.fromFile(tokenizerPath, eosToken);
// The forcer does not read the problem (only the judge of lines does).
const { force } = exactSearch('', codec);
// The pipeline's bundles end a step at "\n" (tutor.json stepDelimiter).
const stepEnds = stepEndFlags(codec, '\n');

function answer(request: CalculatorRequest): CalculatorReply {
  if ('force' in request && Array.isArray(request.force)) return { forced: request.force.map((generated) => force(0, generated)?.slice() ?? null) };
  if ('lines' in request && Array.isArray(request.lines)) return { results: request.lines.map((line) => calculatorResult(line)) };
  if ('certain' in request && Array.isArray(request.certain)) return { certain: request.certain.map((tokens) => calculatedPositions(codec, tokens, stepEnds)) };
  return { error: 'a request is {"force": [[token ids], ...]}, {"lines": ["text", ...]} or {"certain": [[token ids], ...]}' };
}

function reply(line: string): CalculatorReply {
  try {
    return answer(JSON.parse(line) as CalculatorRequest);
  } catch (error) {
    return { error: `bad request line: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const triggers: number[] = [];
for (let id = 0; id < codec.vocabSize; id++) if (tokenText(codec, id).includes('=')) triggers.push(id);
const ready: CalculatorReady = { ready: true, triggers };
process.stdout.write(`${JSON.stringify(ready)}\n`);
const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on('line', (line) => process.stdout.write(`${JSON.stringify(reply(line))}\n`));
// stdin closed: the sampler is done with us.
input.on('close', () => process.exit(0));
