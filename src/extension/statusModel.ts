// What the status bar item says: model, device and what the engine is doing. Pure.
import { basename } from 'node:path';

export type EngineState = 'idle' | 'loading' | 'solving' | 'checking' | 'hinting' | 'error';

export interface EngineSnapshot {
  state: EngineState;
  /** Bundle name once loaded, else the folder name. */
  model: string;
  /** The device in use once loaded ('cpu'/'cuda'), else the requested one ('auto'…). */
  device: string;
  /** The bundle's EOS token string once loaded (hidden from the Solve panel's token view). */
  eosToken?: string;
  /** Why that device, the last error, or an ignored untrusted setting. */
  details: string[];
}

const ICONS: Readonly<Record<EngineState, string>> = {
  idle: '$(symbol-numeric)',
  loading: '$(loading~spin)',
  solving: '$(loading~spin)',
  checking: '$(loading~spin)',
  hinting: '$(loading~spin)',
  error: '$(error)',
};

export function statusBarText(s: EngineSnapshot): { text: string; tooltip: string } {
  const state = s.state === 'idle' ? '' : ` · ${s.state}`;
  return {
    text: `${ICONS[s.state]} TVM ${s.model} · ${s.device}${state}`,
    tooltip: [`TVM Math Tutor — model ${s.model} on ${s.device}: ${s.state}`, ...s.details, 'Click to show the log.'].join('\n'),
  };
}

export function modelNameOf(bundleDir: string): string {
  return basename(bundleDir) || bundleDir;
}
