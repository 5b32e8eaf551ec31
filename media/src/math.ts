// KaTeX rendering into elements. katex.render builds DOM nodes and sets styles through the
// CSSOM, which the panel's CSP allows (renderToString's inline style attributes would be blocked).
// Model output and notebooks are untrusted: no \href & co, bounded macro expansion and sizes,
// and a formula that fails shows inline instead of breaking the panel.
import katex, { type KatexOptions } from 'katex';

export const KATEX_OPTIONS = {
  throwOnError: false,
  trust: false,
  strict: 'ignore',
  maxExpand: 200,
  maxSize: 20,
  output: 'htmlAndMathml',
  errorColor: 'var(--vscode-errorForeground)',
} as const satisfies KatexOptions;

export function renderMath(target: HTMLElement, tex: string, displayMode: boolean): void {
  try {
    katex.render(tex, target, { ...KATEX_OPTIONS, displayMode });
  } catch (error) {
    // Only non-parse failures get here (throwOnError:false covers parse errors): show the source.
    target.textContent = tex;
    target.classList.add('math-error');
    target.title = error instanceof Error ? error.message : String(error);
  }
}
