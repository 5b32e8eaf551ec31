// A DOM for rendering tests: linkedom, installed as the global `document` that the panel code
// and KaTeX use.
import { parseHTML } from 'linkedom';

export function installDom(): HTMLElement {
  const { document } = parseHTML('<!DOCTYPE html><html><body><main id="app"></main></body></html>');
  (globalThis as { document?: unknown }).document = document;
  return document.getElementById('app') as unknown as HTMLElement;
}
