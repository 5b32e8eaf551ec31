// code-server (VS Code for the web, from npm) installed offline into a cache folder outside the
// repository, reused between runs; and one fresh, isolated server per run.
// Recipe and workarounds: /work/shared/notes/offline-vscode-e2e.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGroup, startGroup, type Started } from './processes.js';

export const CODE_SERVER_VERSION = '4.100.3';
/** The @vscode/ripgrep version code-server 4.100.3 depends on, and the Debian rg it gets instead. */
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
/** chromium; kerberos headers and rg for building code-server; an emoji font for the screenshots (⏳, 💡). */
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'fonts-noto-color-emoji'];

export function cacheRoot(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tvm-tutor-e2e');
}

function log(message: string): void {
  console.log(`e2e: ${message}`);
}

export async function ensureAptPackages(): Promise<void> {
  const missing = APT_PACKAGES.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) return;
  log(`installing ${missing.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
    const { code, output } = await runGroup('apt-get', args, { env, quiet: true });
    if (code !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${code}); install ${missing.join(' ')} yourself:\n${output.slice(-3000)}`);
  }
}

/** `node_modules/code-server/out/node/entry.js` of the cached install; installs it the first time. */
export async function ensureCodeServer(): Promise<string> {
  const dir = join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const complete = join(dir, '.complete');
  if (existsSync(complete) && existsSync(entry)) return entry;

  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (once; native modules compile, a few minutes)`);
  const started = Date.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'tvm-tutor-e2e-code-server', private: true }, null, 2)}\n`);
  // @vscode/ripgrep's postinstall downloads rg from GitHub: give it Debian's from its cache folder.
  const tmp = join(dir, 'tmp');
  mkdirSync(join(tmp, RIPGREP_CACHE), { recursive: true });
  const tar = spawnSync('tar', ['czf', join(tmp, RIPGREP_CACHE, RIPGREP_ARCHIVE), '-C', '/usr/bin', 'rg']);
  if (tar.status !== 0) throw new Error(`could not pack /usr/bin/rg: ${tar.stderr}`);
  const env = {
    ...process.env,
    TMPDIR: tmp,
    // Its postinstall refuses to run as root otherwise; node-pty's runs `npx node-gyp`.
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const { code, output } = await runGroup('npm', ['install', '--no-save', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env, quiet: true });
  if (code !== 0 || !existsSync(entry)) throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (${code}):\n${output.slice(-6000)}`);
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(complete, `${new Date().toISOString()}\n`);
  log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return entry;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Folders of one run: a fresh HOME/XDG tree (code-server writes there even for --version). */
export interface Profile {
  root: string;
  home: string;
  userData: string;
  extensions: string;
  env: NodeJS.ProcessEnv;
}

export function makeProfile(root: string, settings: Record<string, unknown>): Profile {
  const home = join(root, 'home');
  const userData = join(root, 'user-data');
  const extensions = join(root, 'extensions');
  for (const d of [home, join(userData, 'User'), extensions]) mkdirSync(d, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    TMPDIR: tmpdir(),
    ORT_DISABLE_TELEMETRY: '1',
    // code-server reads these; none of ours may leak in from the caller.
    PASSWORD: undefined,
    HASHED_PASSWORD: undefined,
    VSCODE_PROXY_URI: undefined,
  };
  return { root, home, userData, extensions, env };
}

function serverArgs(profile: Profile): string[] {
  return ['--user-data-dir', profile.userData, '--extensions-dir', profile.extensions, '--config', join(profile.root, 'config.yaml')];
}

export async function installExtension(entry: string, profile: Profile, vsix: string): Promise<void> {
  writeFileSync(join(profile.root, 'config.yaml'), 'auth: none\ncert: false\n');
  const { code, output } = await runGroup(process.execPath, [entry, ...serverArgs(profile), '--install-extension', vsix], { env: profile.env, quiet: true, timeoutMs: 120_000 });
  if (code !== 0 || !/was successfully installed/i.test(output)) throw new Error(`--install-extension ${vsix} failed (${code}):\n${output.slice(-3000)}`);
}

export interface RunningServer {
  url: string;
  process: Started;
}

export async function startCodeServer(entry: string, profile: Profile, workspace: string): Promise<RunningServer> {
  const port = await freePort();
  const server = startGroup(
    process.execPath,
    [entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ...serverArgs(profile), workspace],
    { env: profile.env, cwd: profile.root },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code ?? -1));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`code-server exited (${exitCode}):\n${server.output().slice(-3000)}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return { url, process: server };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s:\n${server.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
