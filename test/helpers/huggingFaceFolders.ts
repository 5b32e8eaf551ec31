// Hugging Face model folders (Optimum / transformers.js layout) made from the MQA fixture bundle's
// graphs: its policy is a GPT-BigCode-shaped decoder (2 layers, 4 query heads sharing 1 KV head of
// 8, learned positions, 512 tokens), so a config.json that says so describes it truthfully.
// Real exports from Transformers are exercised by training/tests/test_hf_parity.py.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_BUNDLES } from './bundles.js';

export const FIXTURE_CONFIG = { model_type: 'gpt_bigcode', architectures: ['GPTBigCodeForCausalLM'], n_embd: 32, n_layer: 2, n_head: 4, multi_query: true, n_positions: 256, vocab_size: 512 };
/** ChatML, as Qwen2's tokenizer_config.json has it. */
export const CHATML =
  '{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}';
/** The fixture tokenizer's EOS token (<|eos|>). */
export const FIXTURE_EOS_ID = 511;

export interface HfFolder {
  dir: string;
  write(file: string, content: unknown): void;
  remove(file: string): void;
  cleanup(): void;
}

/** A folder with config.json, generation_config.json, tokenizer files and onnx/model.onnx. */
export function makeHuggingFaceFolder(): HfFolder {
  const dir = mkdtempSync(join(tmpdir(), 'tvm-hf-'));
  const fixture = FIXTURE_BUNDLES.mqa;
  mkdirSync(join(dir, 'onnx'));
  copyFileSync(join(fixture, 'policy.onnx'), join(dir, 'onnx', 'model.onnx'));
  copyFileSync(join(fixture, 'tokenizer.json'), join(dir, 'tokenizer.json'));
  const write = (file: string, content: unknown): void => writeFileSync(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content, null, 1));
  write('config.json', FIXTURE_CONFIG);
  write('generation_config.json', { eos_token_id: FIXTURE_EOS_ID });
  write('tokenizer_config.json', { eos_token: '<|eos|>', chat_template: 'Problem: {{ messages[0].content }}\n' });
  return { dir, write, remove: (file) => rmSync(join(dir, file), { force: true }), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Adds the fixture's TVM as tvm/model.onnx, named by tutor.json. */
export function addFixtureTvm(folder: HfFolder): void {
  mkdirSync(join(folder.dir, 'tvm'), { recursive: true });
  copyFileSync(join(FIXTURE_BUNDLES.mqa, 'tvm.onnx'), join(folder.dir, 'tvm', 'model.onnx'));
  folder.write('tutor.json', { verifiers: { tvm: { file: 'tvm/model.onnx' } } });
}
