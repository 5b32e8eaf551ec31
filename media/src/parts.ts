// Pieces shared by the step list and the search tree.
import type { ValueView } from '../../src/shared/webviewProtocol.js';
import { h, type Attrs } from './dom.js';
import { renderMarkdown } from './markdown.js';

/** `data-value` (3 decimals) and `data-bucket` (colour class) for anything with a value. */
export function valueAttrs(value: ValueView | null): Attrs {
  return value ? { 'data-value': value.value.toFixed(3), 'data-bucket': value.bucket } : {};
}

export function markdownBlock(attrs: Attrs, text: string, inline: boolean): HTMLElement {
  const element = h(inline ? 'span' : 'div', { ...attrs, class: `${attrs.class ?? ''} markdown`.trim() });
  renderMarkdown(element, text, inline);
  return element;
}
