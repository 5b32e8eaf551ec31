// For the Python suite (training/tests/test_prompt_canonical.py): the engine's prompt text for each
// problem Python gives, and the v2 chat template rendered by @huggingface/jinja (the Jinja the engine
// reads chat templates with). Prints one JSON object.
// Usage: node --import tsx training/tests/node/prompt_text.mts REQUEST.json
//   REQUEST.json: { "problems": [text, …], "chatTemplate": jinja source }
import { readFileSync } from 'node:fs';
import { Template } from '@huggingface/jinja';
import { canonicalProblem } from '../../../src/core/prompt/canonicalProblem.js';
import { promptText } from '../../../src/core/prompt/promptText.js';

const { problems, chatTemplate } = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as { problems: string[]; chatTemplate: string };
const template = new Template(chatTemplate);
const TEMPLATE = 'Q: {problem}\n';
// Non-ASCII escaped: node_side.py reads the last line, and Python's splitlines() also breaks lines at
// U+0085, U+2028 and U+2029, which JSON.stringify writes as they are.
const ascii = (json: string): string => json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
console.log(
  ascii(JSON.stringify({
    canonical: problems.map(canonicalProblem),
    v1: problems.map((p) => promptText(TEMPLATE, p, 'v1')),
    v2: problems.map((p) => promptText(TEMPLATE, p, 'v2')),
    chat: problems.map((p) => template.render({ messages: [{ role: 'user', content: p }], eos_token: '<|eos|>', add_generation_prompt: true })),
  })),
);
