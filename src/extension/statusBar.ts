// The status bar item: model, device and engine state; clicking it shows the log.
import * as vscode from 'vscode';
import type { EngineHost } from './engineHost.js';
import { statusBarText } from './statusModel.js';

export const SHOW_LOG_COMMAND = 'tvmTutor.showLog';

export function createStatusBar(engine: EngineHost): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('tvmTutor.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'TVM Math Tutor';
  item.command = SHOW_LOG_COMMAND;
  const update = (): void => {
    const snapshot = engine.snapshot();
    const { text, tooltip } = statusBarText(snapshot);
    item.text = text;
    item.tooltip = tooltip;
    item.backgroundColor = snapshot.state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  };
  update();
  item.show();
  return vscode.Disposable.from(item, engine.onDidChange(update));
}
