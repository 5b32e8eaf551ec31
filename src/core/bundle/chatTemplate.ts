// Turns a Hugging Face chat template (Jinja, from tokenizer_config.json or chat_template.jinja)
// into the bundle's prompt template: the text the model sees for one user turn, with `{problem}`
// where the problem goes. Rendered by @huggingface/jinja, the implementation transformers.js uses,
// so templates behave as they do in Transformers.
import { Template } from '@huggingface/jinja';

/** Stands in for the problem while rendering; braces pass through Jinja untouched. */
const PROBLEM = '{problem}';

export interface ChatTemplateContext {
  /** An optional system turn before the problem (e.g. "Please reason step by step …"). */
  systemPrompt?: string;
  /** Special token strings the template may print (bos_token, eos_token, …). */
  specialTokens: Record<string, string>;
}

/** Throws (plain Error) when the template does not parse or render, or drops the problem. */
export function promptFromChatTemplate(source: string, context: ChatTemplateContext): string {
  const messages = [
    ...(context.systemPrompt === undefined ? [] : [{ role: 'system', content: context.systemPrompt }]),
    { role: 'user', content: PROBLEM },
  ];
  const rendered = new Template(source).render({ ...context.specialTokens, messages, add_generation_prompt: true });
  const uses = rendered.split(PROBLEM).length - 1;
  if (uses !== 1) throw new Error(`rendering one user message gave text with the message ${uses} times, expected once`);
  return rendered;
}
