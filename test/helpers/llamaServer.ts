// Starts llama.cpp's llama-server on a free loopback port with the policy's GGUF, for the remote
// engine's real-server tests. The binary and GGUF come from training/remote/prepare.sh, through
// TVM_TUTOR_LLAMA_SERVER and TVM_TUTOR_POLICY_GGUF (training/remote/with-llama-server.sh sets them);
// without them the tests are skipped with the reason, except under CI=true, where a missing server
// fails the suite.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { closedPort } from './scriptedServer.js';

export const SERVED_MODEL = 'tvm-policy';

export interface LlamaServerFiles {
  binary: string;
  gguf: string;
}

/**
 * The binary and GGUF that training/remote/prepare.sh built, as training/remote/with-llama-server.sh
 * passes them (npm run test:remote, npm run bench:remote); the reason when they are not there.
 */
export function llamaServerFiles(): LlamaServerFiles | string {
  const binary = process.env.TVM_TUTOR_LLAMA_SERVER;
  const gguf = process.env.TVM_TUTOR_POLICY_GGUF;
  if (!binary || !gguf) return 'TVM_TUTOR_LLAMA_SERVER and TVM_TUTOR_POLICY_GGUF are not set: run npm run test:remote, which builds llama-server and the GGUF and sets them';
  if (!existsSync(binary)) return `llama-server is not built (${binary}): run bash training/remote/prepare.sh`;
  if (!existsSync(gguf)) return `the policy's GGUF is missing (${gguf}): run bash training/remote/prepare.sh`;
  return { binary, gguf };
}

/** `{ skip }` for node:test; under CI=true a missing server is an error instead. */
export function skipUnlessLlamaServer(files: LlamaServerFiles | string): { skip: string | false } {
  if (typeof files !== 'string') return { skip: false };
  if (process.env.CI === 'true') throw new Error(`CI=true and ${files}`);
  return { skip: files };
}

export interface RunningLlamaServer {
  url: string;
  process: ChildProcess;
  log: () => string;
  stop(): Promise<void>;
}

export async function startLlamaServer(files: LlamaServerFiles, options: { parallel?: number; context?: number } = {}): Promise<RunningLlamaServer> {
  const port = await closedPort();
  const parallel = options.parallel ?? 4;
  const child = spawn(
    files.binary,
    ['-m', files.gguf, '--host', '127.0.0.1', '--port', String(port), '--alias', SERVED_MODEL, '-np', String(parallel), '-c', String(parallel * (options.context ?? 384)), '-t', '2', '--no-webui'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`llama-server exited with ${child.exitCode}:\n${log.slice(-2000)}`);
    try {
      const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (health.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`llama-server did not become healthy within 60 s:\n${log.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, process: child, log: () => log, stop };
}
