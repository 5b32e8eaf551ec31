// `npm run test:e2e`: the extension end to end, in a real VS Code (code-server 4.100.3 from npm)
// driven by headless Debian chromium through playwright-core. Builds the vsix, installs it into a
// fresh profile, opens copies of examples/ in a temp workspace and runs the stages in stages.ts.
// Prints `N passed, N failed` last; exits non-zero on any failure.
//
//   npm run test:e2e                         the full suite (needs models/default)
//   npm run test:e2e -- --bundle <folder>    UI-only run against another bundle (e.g. the random
//                                            test/fixtures/bundle-mqa): checks that need a
//                                            competent model are reported as skipped
//   npm run test:e2e -- --only solve,check   some stages (ids in stages.ts)
//   npm run test:e2e -- --vsix <file>        reuse a built vsix;  --keep: keep the temp folder
//   npm run test:e2e -- --docs-images        replace docs/images/*.png with this run's screenshots
//   npm run test:e2e -- --tolerate-model-verdicts   a stage whose UI checks all pass but whose model
//                                            verdict is wrong (ModelVerdictError) is reported as a
//                                            known model failure and does not fail the run (CI)
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ensureAptPackages, ensureCodeServer, installExtension, makeProfile, startCodeServer, type Profile } from './codeServer.js';
import { atExit, findProcesses, installCleanup, killAll, killGroup, runGroup, trackGroup } from './processes.js';
import { ACCESSIBILITY_STAGE } from './accessibilityStage.js';
import { NOTEBOOK_STAGE } from './notebookStage.js';
import { ModelVerdictError, STAGES, type StageContext } from './stages.js';
import { THEME_STAGE } from './themeStage.js';
import { Workbench } from './workbench.js';

const ROOT = resolve(__dirname, '..', '..');
const SCREENSHOTS = join(__dirname, 'screenshots');
const DOC_IMAGES = join(ROOT, 'docs', 'images');
/** The whole run, cold install included. */
const RUN_LIMIT_MS = 15 * 60_000;
const STAGE_LIMIT_MS = 4 * 60_000;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** The extension's own log (its LogOutputChannel), for failure reports. */
function extensionLog(profile: Profile): string {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/TVM Math Tutor\.log$/.test(entry.name)) found.push(path);
    }
  };
  if (existsSync(join(profile.userData, 'logs'))) walk(join(profile.userData, 'logs'));
  return found.map((f) => readFileSync(f, 'utf8').split('\n').slice(-40).join('\n')).join('\n');
}

async function buildVsix(bundle: string, out: string): Promise<void> {
  const { code, output } = await runGroup(process.execPath, [join(ROOT, 'packaging', 'package.mjs'), '--bundle', bundle, '--out', out], { cwd: ROOT, quiet: true });
  if (code !== 0) throw new Error(`npm run package failed (${code}):\n${output.slice(-4000)}`);
}

const results: Array<{ id: string; ok: boolean }> = [];
/** Stages whose UI checks passed but whose model verdict was wrong, under --tolerate-model-verdicts. */
const knownModelFailures: string[] = [];

async function main(): Promise<number> {
  const started = Date.now();
  const only = option('only')?.split(',');
  const devBundle = option('bundle');
  const bundle = resolve(ROOT, devBundle ?? join('models', 'default'));
  const competent = devBundle === undefined;
  const keep = process.argv.includes('--keep');
  const tolerateVerdicts = process.argv.includes('--tolerate-model-verdicts');
  const work = mkdtempSync(join(tmpdir(), 'tvm-tutor-e2e-'));
  atExit(() => {
    // Anything still running from the temp folder left its process group (chromium's crash
    // handler starts its own): it goes too.
    for (const { pid } of findProcesses(work)) killGroup(pid);
    if (keep) console.log(`e2e: kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });
  let browser: Browser | undefined;
  installCleanup(RUN_LIMIT_MS, () => {
    const passed = results.filter((r) => r.ok).length;
    console.log(`${passed} passed, ${results.length - passed + 1} failed`);
  });

  // The default bundle is a Hugging Face folder (config.json); an older bundle has manifest.json.
  if (!existsSync(join(bundle, 'config.json')) && !existsSync(join(bundle, 'manifest.json'))) {
    console.error(
      `e2e: ${join(bundle, 'config.json')} is missing. The suite needs the trained default bundle ` +
        '(npm run models); for a UI-only run against another bundle pass --bundle <folder>.',
    );
    console.log('0 passed, 1 failed');
    return 1;
  }
  if (!competent) console.log(`e2e: UI-only run with ${bundle}: checks that need a competent model are skipped`);

  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  let profile: Profile | undefined;
  try {
    await ensureAptPackages();
    const entry = await ensureCodeServer();
    let vsix = option('vsix');
    if (vsix === undefined) {
      const t = Date.now();
      vsix = join(work, 'tvm-math-tutor.vsix');
      await buildVsix(bundle, vsix);
      console.log(`e2e: vsix built (${seconds(t)})`);
    }
    profile = makeProfile(join(work, 'profile'), {
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'update.mode': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'git.enabled': false,
      // code-server's default is afterDelay: the insert/undo stage must decide when to save.
      'files.autoSave': 'off',
      // Sticky headings would cover the lines (and CodeLenses) the stages look for.
      'editor.stickyScroll.enabled': false,
      // The vsix ships the bundle as its models/default; the engine runs on the CPU here.
      'tvmTutor.device': 'cpu',
    });
    await installExtension(entry, profile, vsix);

    const workspace = join(work, 'workspace');
    cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
    cpSync(join(__dirname, 'notebooks'), workspace, { recursive: true });
    const server = await startCodeServer(entry, profile, workspace);
    console.log(`e2e: code-server up at ${server.url} (${seconds(started)} since start)`);

    // A browser server, so that its process is known: Playwright starts it in its own process
    // group, which the cleanup kills like the others.
    const browserHome = join(work, 'browser');
    const browserServer = await chromium.launchServer({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-crash-reporter'],
      env: { ...process.env, HOME: browserHome, XDG_CONFIG_HOME: join(browserHome, '.config'), XDG_CACHE_HOME: join(browserHome, '.cache') },
    });
    const browserPid = browserServer.process().pid;
    if (browserPid !== undefined) trackGroup(browserPid);
    browser = await chromium.connect(browserServer.wsEndpoint());
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const wb = new Workbench(page);
    await wb.open(server.url, workspace);
    console.log(`e2e: workbench ready (${seconds(started)} since start)`);

    const ctx: StageContext = { wb, workspace, profile, competent, skipped: [], notes: [], docImages: new Map() };
    const stages = [...STAGES, NOTEBOOK_STAGE, THEME_STAGE, ACCESSIBILITY_STAGE].filter((s) => !only || only.includes(s.id));
    for (const [i, stage] of stages.entries()) {
      const t = Date.now();
      const shot = async (name: string): Promise<string> => {
        const path = join(SCREENSHOTS, `${String(i + 1).padStart(2, '0')}-${stage.id}-${name}.png`);
        await wb.screenshot(path);
        return path;
      };
      try {
        await Promise.race([
          stage.run(ctx, shot),
          new Promise((_, reject) => setTimeout(() => reject(new Error(`stage took longer than ${STAGE_LIMIT_MS / 1000} s`)), STAGE_LIMIT_MS).unref()),
        ]);
        results.push({ id: stage.id, ok: true });
        console.log(`ok   ${stage.id}: ${stage.title} (${seconds(t)})`);
      } catch (error) {
        if (error instanceof ModelVerdictError && tolerateVerdicts) {
          knownModelFailures.push(stage.id);
          console.log(`KNOWN ${stage.id}: ${stage.title} (${seconds(t)}): the UI checks passed; the model's verdict is wrong\n     ${error.message}`);
          await shot('MODEL-VERDICT').catch(() => undefined);
        } else {
          results.push({ id: stage.id, ok: false });
          console.log(`FAIL ${stage.id}: ${stage.title} (${seconds(t)})\n     ${error instanceof Error ? error.message.replace(/\n/g, '\n     ') : String(error)}`);
          await shot('FAILED').catch(() => undefined);
        }
      }
      // Whatever a stage left open (quick input, hover) must not leak into the next one.
      await page.keyboard.press('Escape').catch(() => undefined);
    }
    for (const note of ctx.notes) console.log(`note: ${note}`);
    for (const skip of ctx.skipped) console.log(`skipped (needs models/default): ${skip}`);
    // The README's pictures: from the trained model, from stages that passed; replaced only on
    // request (--docs-images), so that a test run leaves the working tree clean.
    if (competent) {
      mkdirSync(DOC_IMAGES, { recursive: true });
      for (const [name, { stage, path }] of ctx.docImages) {
        if (!results.some((r) => r.id === stage && r.ok)) continue;
        if (existsSync(join(DOC_IMAGES, name)) && !process.argv.includes('--docs-images')) continue;
        copyFileSync(path, join(DOC_IMAGES, name));
        console.log(`e2e: ${relative(ROOT, path)} -> docs/images/${name}`);
      }
    }
  } catch (error) {
    results.push({ id: 'setup', ok: false });
    console.log(`FAIL setup: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (results.some((r) => !r.ok) && profile) console.log(`--- extension log (tail) ---\n${extensionLog(profile)}\n---`);
    await browser?.close().catch(() => undefined);
    killAll();
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`e2e: ${seconds(started)} in all`);
  const known = knownModelFailures.length > 0 ? `, ${knownModelFailures.length} known model failure${knownModelFailures.length === 1 ? '' : 's'} (${knownModelFailures.join(', ')})` : '';
  console.log(`${passed} passed${known}, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    killAll();
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
