// Shared pieces of the robustness suite (docs/robustness.md): time limits, hostile inputs, the
// engine child process and the CLI as separate processes, and resident memory of a process.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { EngineClient } from '../../src/core/host/engineClient.js';

/**
 * Wall-clock limits. Generous, because the suite runs on busy 2-core machines, yet far below what
 * the quadratic behaviour these tests guard against takes on the inputs used (minutes to hours).
 * The parse limit was 3 s: the 150 000-item lists take about 0.5 s on an idle machine but 3.2–7.1 s
 * at a load average of 16, and a quadratic parser needs minutes on them either way.
 */
export const LIMIT_MS = { parse: 15_000, answer: 1000, render: 10_000 } as const;

/** Runs `fn`, fails if it takes longer than `limitMs`, returns its result. */
export function within<T>(limitMs: number, label: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  assert.ok(ms < limitMs, `${label}: took ${Math.round(ms)} ms, limit ${limitMs} ms`);
  return result;
}

export async function withinAsync<T>(limitMs: number, label: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  const ms = performance.now() - start;
  assert.ok(ms < limitMs, `${label}: took ${Math.round(ms)} ms, limit ${limitMs} ms`);
  return result;
}

export const MB = 1024 * 1024;

/** About `bytes` characters of `unit` repeated. */
export function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length));
}

/** Random bytes read as UTF-8 (invalid sequences become U+FFFD, as readFileSync(…, 'utf8') does). */
export function randomUtf8(bytes: number): string {
  return randomBytes(bytes).toString('utf8');
}

/** Random bytes read as Latin-1: every control character, NUL included. */
export function randomLatin1(bytes: number): string {
  return randomBytes(bytes).toString('latin1');
}

/** Text with lone surrogates (what a broken editor buffer or a sliced string can hold). */
export function loneSurrogates(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String.fromCharCode(0xd800 + (i % 0x800)) + 'x';
  return text;
}

/** The engine straight from source, as the other engine tests run it (no build needed). */
export function newEngineClient(env?: Record<string, string>): EngineClient {
  return new EngineClient({ enginePath: 'src/core/host/engineProcess.ts', execArgv: ['--import', 'tsx'], ...(env && { env }) });
}

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the CLI from source as a separate process; `stdin` is piped in when given. */
export function cli(args: readonly string[], options: { stdin?: Buffer | string; timeoutMs?: number } = {}): Promise<CliResult> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, ORT_DISABLE_TELEMETRY: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, ms: performance.now() - start });
    });
    child.stdin.on('error', () => undefined); // the CLI may exit before reading stdin
    child.stdin.end(options.stdin ?? '');
  });
}

/** Resident set size of a process in bytes (Linux /proc), or undefined elsewhere. */
export function residentBytes(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
