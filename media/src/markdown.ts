// Step and problem text → DOM: markdown-it with raw HTML off, then KaTeX into the placeholders
// that the math rules leave. Links and images are off too: model output has no business
// opening URLs or loading resources.
import MarkdownIt from 'markdown-it';
import { mathRules, MATH_BLOCK, MATH_INLINE } from '../../src/shared/mathRules.js';
import { renderMath } from './math.js';
import { plainFormulaTex } from './plainFormula.js';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false })
  .use(mathRules)
  .disable(['link', 'image', 'autolink']);

md.renderer.rules[MATH_INLINE] = (tokens, idx) => {
  const token = tokens[idx]!;
  const display = token.info === 'display' ? ' data-display="true"' : '';
  return `<span class="math"${display} data-tex="${md.utils.escapeHtml(token.content)}"></span>`;
};
md.renderer.rules[MATH_BLOCK] = (tokens, idx) =>
  `<div class="math" data-display="true" data-tex="${md.utils.escapeHtml(tokens[idx]!.content)}"></div>\n`;

/** Renders markdown into `target`; `inline` for one-line steps (no paragraph wrapper). */
export function renderMarkdown(target: HTMLElement, text: string, inline: boolean): void {
  const formula = inline ? plainFormulaTex(text) : null;
  if (formula !== null) {
    const math = document.createElement('span');
    math.className = 'math';
    target.replaceChildren(math);
    renderMath(math, formula, false);
    return;
  }
  target.innerHTML = inline ? md.renderInline(text) : md.render(text);
  for (const placeholder of Array.from(target.querySelectorAll<HTMLElement>('.math'))) {
    renderMath(placeholder, placeholder.getAttribute('data-tex') ?? '', placeholder.getAttribute('data-display') === 'true');
  }
}
