// The one place that reads `tvmTutor.*` settings: everything else receives a TutorConfig.
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { resolveConfig, type Inspect, type TutorConfig } from './configModel.js';

export const SECTION = 'tvmTutor';

export function readConfig(extensionPath: string): TutorConfig {
  const settings = vscode.workspace.getConfiguration(SECTION);
  const inspect: Inspect = (key) => settings.inspect(key);
  return resolveConfig(inspect, {
    trusted: vscode.workspace.isTrusted,
    extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    home: homedir(),
  });
}

/** Fires when any `tvmTutor.*` setting or the workspace trust changes (both change the config). */
export function onConfigChange(listener: () => void): vscode.Disposable {
  const settings = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(SECTION)) listener();
  });
  const trust = vscode.workspace.onDidGrantWorkspaceTrust(listener);
  return vscode.Disposable.from(settings, trust);
}
