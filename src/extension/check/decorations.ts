// Applies a DecorationPlan to the editors showing a document. The decoration types are created
// once: one underline colour per value bucket, one per exact look (sound, wrong), and one type
// for the value labels.
import * as vscode from 'vscode';
import type { Bucket } from '../valueScale.js';
import type { DecorationPlan, ExactLook } from './decorationPlan.js';
import type { ColumnSpan } from './tokenSpans.js';

/** Theme colours (readable in light, dark and high-contrast themes), lowest value first. */
export const BUCKET_COLORS: readonly string[] = ['charts.red', 'charts.orange', 'charts.yellow', 'charts.blue', 'charts.green'];

/** Lines exact math decided: sound ones in the passing colour, wrong ones in the error colour. */
export const EXACT_COLORS: Readonly<Record<ExactLook, string>> = { sound: 'testing.iconPassed', wrong: 'editorError.foreground' };

function range(span: ColumnSpan): vscode.Range {
  return new vscode.Range(span.line, span.start, span.line, span.end);
}

export class CheckDecorations implements vscode.Disposable {
  private readonly underline = BUCKET_COLORS.map((color) =>
    vscode.window.createTextEditorDecorationType({
      borderColor: new vscode.ThemeColor(color),
      borderStyle: 'solid',
      borderWidth: '0 0 2px 0',
    }),
  );
  private readonly exact = (['sound', 'wrong'] as const).map((look) => ({
    look,
    type: vscode.window.createTextEditorDecorationType({
      borderColor: new vscode.ThemeColor(EXACT_COLORS[look]),
      borderStyle: look === 'sound' ? 'dotted' : 'solid',
      borderWidth: '0 0 2px 0',
    }),
  }));
  private readonly label = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 1.5em', fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });

  apply(editor: vscode.TextEditor, plan: DecorationPlan): void {
    this.underline.forEach((type, bucket) => editor.setDecorations(type, (plan.underline[bucket] ?? []).map(range)));
    this.exact.forEach(({ look, type }) => editor.setDecorations(type, plan.exact[look].map(range)));
    editor.setDecorations(
      this.label,
      plan.labels.map((l) => ({
        range: new vscode.Range(l.line, l.column, l.line, l.column),
        renderOptions: { after: { contentText: l.text, color: new vscode.ThemeColor(l.exact ? EXACT_COLORS[l.exact] : BUCKET_COLORS[l.bucket as Bucket]!) } },
      })),
    );
  }

  clear(editor: vscode.TextEditor): void {
    this.types().forEach((type) => editor.setDecorations(type, []));
  }

  private types(): vscode.TextEditorDecorationType[] {
    return [...this.underline, ...this.exact.map((e) => e.type), this.label];
  }

  dispose(): void {
    this.types().forEach((type) => type.dispose());
  }
}
