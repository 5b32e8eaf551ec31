// The remote engine's API key, in VS Code's SecretStorage (never in settings, logs, traces or the
// webview). It is stored per server origin, so a key set for one server is never sent to another
// that a (trusted) workspace's settings point at.
import * as vscode from 'vscode';
import type { ServerSettings } from './configModel.js';

const PREFIX = 'tvmTutor.server.apiKey:';

/** The origin (scheme://host:port) a key belongs to, or undefined when the URL is not http(s). */
export function serverOrigin(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

export function readServerApiKey(secrets: vscode.SecretStorage, server: ServerSettings): Thenable<string | undefined> {
  const origin = serverOrigin(server.url);
  return origin ? secrets.get(PREFIX + origin) : Promise.resolve(undefined);
}

/** The "Set model server API key" command: asks for the key of the configured server (empty removes it). Resolves true when the key changed. */
export async function setServerApiKey(secrets: vscode.SecretStorage, server: ServerSettings): Promise<boolean> {
  const origin = serverOrigin(server.url);
  if (!origin) {
    void vscode.window.showErrorMessage('Set tvmTutor.server.url to the model server\'s http:// or https:// address first; the key is kept for that server.');
    return false;
  }
  const key = await vscode.window.showInputBox({
    title: `API key for ${origin}`,
    prompt: 'Kept in VS Code\'s secret storage and sent only to this server. Leave empty to remove it.',
    password: true,
    ignoreFocusOut: true,
  });
  if (key === undefined) return false;
  if (key.trim() === '') await secrets.delete(PREFIX + origin);
  else await secrets.store(PREFIX + origin, key.trim());
  void vscode.window.showInformationMessage(key.trim() === '' ? `Removed the API key for ${origin}.` : `Saved the API key for ${origin}.`);
  return true;
}
