// Every process the E2E run starts goes into its own process group (setsid via `detached`), and
// is killed by group (kill -- -pgid) when the run ends, fails, times out or is interrupted.
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';

const groups = new Set<number>();

/** Remembers a process group to kill at the end (Playwright's browser, for instance). */
export function trackGroup(pgid: number): void {
  groups.add(pgid);
}

/** Kills the process group `pgid`; a process that is not a group leader is killed on its own. */
export function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    try {
      process.kill(pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  groups.delete(pgid);
}

const finalizers: Array<() => void> = [];

/** Runs after the process groups are killed, at exit (e.g. removing the temp folder). */
export function atExit(fn: () => void): void {
  finalizers.push(fn);
}

export function killAll(): void {
  for (const pgid of [...groups]) killGroup(pgid);
  for (const fn of finalizers.splice(0)) {
    try {
      fn();
    } catch {
      // best effort
    }
  }
}

let installed = false;

/** Kills every tracked group on exit, on Ctrl-C / SIGTERM, and after `limitMs` (then exits 1). */
export function installCleanup(limitMs: number, onTimeout: () => void): void {
  if (installed) return;
  installed = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`e2e: ${signal}: stopping`);
      killAll();
      process.exit(130);
    });
  }
  const timer = setTimeout(() => {
    console.error(`e2e: the whole run took longer than ${limitMs / 1000} s: stopping`);
    onTimeout();
    killAll();
    process.exit(1);
  }, limitMs);
  timer.unref();
}

export interface Started {
  pid: number;
  /** Resolves with the exit code (or null after a signal). */
  exited: Promise<number | null>;
  output: () => string;
}

/** Starts a long-lived process in a new session; its output is kept (tail) for error messages. */
export function startGroup(command: string, args: readonly string[], options: SpawnOptions & { logPrefix?: string }): Started {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  trackGroup(child.pid);
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { pid: child.pid, exited, output: () => tail };
}

/** Runs a command to completion in its own group (killed with the rest if the run is stopped). */
export function runGroup(command: string, args: readonly string[], options: SpawnOptions & { quiet?: boolean; timeoutMs?: number } = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) {
      reject(new Error(`could not start ${command}`));
      return;
    }
    const pgid = child.pid;
    trackGroup(pgid);
    let output = '';
    const keep = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-200_000);
      if (!options.quiet) process.stdout.write(text);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const timer = options.timeoutMs
      ? setTimeout(() => {
          output += `\n(killed after ${options.timeoutMs} ms)`;
          killGroup(pgid);
        }, options.timeoutMs)
      : undefined;
    child.on('error', reject);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      // Whatever it left behind in its group goes too.
      killGroup(pgid);
      resolve({ code, output });
    });
  });
}

/** Processes whose command line contains `needle`: [pid, command line]. */
export function findProcesses(needle: string): Array<{ pid: number; cmd: string }> {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), cmd: m[2]! }))
    .filter((p) => p.cmd.includes(needle) && p.pid !== process.pid);
}
