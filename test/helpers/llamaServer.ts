// Starts llama.cpp's llama-server on a free loopback port with the policy's GGUF, for the remote
// engine's real-server tests. The binary and GGUF come from training/remote/prepare.sh (or
// TVM_TUTOR_LLAMA_SERVER and TVM_TUTOR_POLICY_GGUF); without them the tests are skipped with the
// reason, except under CI=true, where a missing server fails the suite.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { closedPort } from './scriptedServer.js';

export const SERVED_MODEL = 'tvm-policy';

export interface LlamaServerFiles {
  binary: string;
  gguf: string;
}

/**
 * Where training/remote/prepare.sh keeps a bundle's GGUF: named by the policy's weights and its
 * tokenizer files (the GGUF holds the vocabulary and the chat template too), hashed as that script
 * hashes them, in the same order.
 */
export function policyGgufKey(bundleDir: string): string {
  const weights = existsSync(join(bundleDir, 'model.safetensors')) ? 'model.safetensors' : 'policy.onnx';
  const hash = createHash('sha256');
  for (const name of [weights, 'tokenizer.json', 'tokenizer_config.json']) {
    if (existsSync(join(bundleDir, name))) hash.update(readFileSync(join(bundleDir, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The binary and GGUF from the environment, else the latest in the cache; a reason when absent. */
export function llamaServerFiles(bundleDir: string): LlamaServerFiles | string {
  const ggufHash = policyGgufKey(bundleDir);
  const cache = join(process.env.TVM_TUTOR_CACHE ?? join(homedir(), '.cache', 'tvm-tutor'), 'llama');
  const binary = process.env.TVM_TUTOR_LLAMA_SERVER ?? join(cache, '0.3.36', 'build', 'bin', 'llama-server');
  const gguf = process.env.TVM_TUTOR_POLICY_GGUF ?? join(cache, 'gguf', ggufHash, 'policy.gguf');
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
