// Error toasts: the short text (toastText.ts) with a Show Log button, since the full message is
// in the log.
import * as vscode from 'vscode';
import { COMMANDS } from './commandIds.js';

const SHOW_LOG = 'Show Log';

export function showFailure(text: string): void {
  void vscode.window.showErrorMessage(text, SHOW_LOG).then((choice) => {
    if (choice === SHOW_LOG) void vscode.commands.executeCommand(COMMANDS.showLog);
  });
}
