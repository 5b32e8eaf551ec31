// Driving VS Code's workbench (code-server, VS Code 1.100) with playwright-core: opening files,
// commands, CodeLenses, hovers, the Problems view, and the Solve panel's webview.
// Every wait is on UI state; the only fixed pause is the hover fade-in before a screenshot.
import type { Frame, Locator, Page } from 'playwright-core';

export const TIMEOUT = 30_000;

/** Thrown from a waitFor probe to stop waiting at once (the UI reached a state that cannot pass). */
export class Fatal extends Error {}

/** Editor text as the DOM shows it: VS Code renders spaces as non-breaking spaces. */
export function plain(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

/** Polls `probe` until it returns something other than undefined, or fails with `what`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = TIMEOUT): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      if (error instanceof Fatal) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${detail}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export class Workbench {
  constructor(readonly page: Page) {}

  async open(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  // ---- quick input ---------------------------------------------------------------------------

  /**
   * Opens quick input from the title bar's command center (a click: F1 or Ctrl+P would depend on
   * where keyboard focus is, and inside the Solve panel's iframe they do not always get through).
   * Types `text` (">" for commands, ":" for lines) and clicks the row labelled exactly `label`.
   */
  private async quickPick(text: string, label: string): Promise<void> {
    try {
      await this.page.locator('.command-center .command-center-quick-pick').click();
      const input = this.page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(text);
      const row = this.page.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
      await row.first().click();
      await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    } catch (error) {
      throw new Error(`quick input "${text}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Runs a command from the palette by its full title, e.g. "TVM Math Tutor: Solve". */
  async command(title: string): Promise<void> {
    await this.quickPick(`>${title}`, title);
  }

  /** Opens a workspace file with quick open and waits for its text. */
  async openFile(name: string, firstLine: string): Promise<void> {
    await this.quickPick(name, name);
    await this.page.locator('.part.editor .tab.active', { hasText: name }).waitFor();
    // A reopened file gets its old scroll position back: start at the top.
    await this.goTo(1);
    await this.editorLine(firstLine).waitFor();
  }

  /** Opens a workspace file with quick open, whatever editor it gets. */
  async quickOpen(name: string): Promise<void> {
    await this.quickPick(name, name);
  }

  /** Opens a workspace notebook (.ipynb) with quick open and waits for the notebook editor. */
  async openNotebook(name: string): Promise<void> {
    await this.quickPick(name, name);
    await this.page.locator('.part.editor .tab.active', { hasText: name }).waitFor();
    await this.page.locator('.notebookOverlay:visible').first().waitFor();
  }

  /** Moves the cursor of the active text editor to a 1-based line and column (quick open's `:line:column`). */
  async goTo(line: number, column = 1): Promise<void> {
    await this.page.locator('.command-center .command-center-quick-pick').click();
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await this.page.locator('.quick-input-widget', { hasText: `line ${line}` }).waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator('.part.editor .monaco-editor .line-numbers.active-line-number', { hasText: new RegExp(`^${line}$`) }).first().waitFor();
  }

  async clearNotifications(): Promise<void> {
    await this.command('Notifications: Clear All Notifications');
  }

  // ---- the active text editor ----------------------------------------------------------------

  get editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor, .monaco-editor.focused').first();
  }

  /** A rendered line of the (first) text editor containing `text`. */
  editorLine(text: string): Locator {
    return this.page.locator('.part.editor .monaco-editor .view-lines .view-line').filter({ hasText: new RegExp(escapeRegExp(text).replace(/ /g, '[ \u00a0]')) }).first();
  }

  /** Screen point in the middle of the first occurrence of `needle` in a rendered line. */
  async pointOf(line: Locator, needle: string): Promise<{ x: number; y: number }> {
    const point = await line.evaluate((element, wanted) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').replace(/\u00a0/g, ' ');
        const at = text.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    }, needle);
    if (!point) throw new Error(`"${needle}" is not in one text node of the line`);
    return point;
  }

  /** Hovers the editor at `needle` in `line` and returns the visible hover's text. */
  async hoverEditor(line: Locator, needle: string, expect: string): Promise<string> {
    const { x, y } = await this.pointOf(line, needle);
    // Move away first, so the editor sees a fresh hover, then onto the word in two small moves.
    await this.page.mouse.move(x, y + 200);
    await this.page.mouse.move(x, y);
    await this.page.mouse.move(x + 1, y);
    const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText: expect });
    await hover.first().waitFor({ state: 'visible' });
    return plain(await hover.first().innerText());
  }

  /** The CodeLens link `title` above the editor line containing `lineText`. */
  async codeLens(lineText: string, title: string): Promise<Locator> {
    const line = this.editorLine(lineText);
    await line.waitFor();
    const lenses = this.page.locator('.part.editor .monaco-editor .codelens-decoration');
    return waitFor(`the "${title}" CodeLens above "${lineText}"`, async () => {
      const lineBox = await line.boundingBox();
      if (!lineBox) return undefined;
      for (const lens of await lenses.all()) {
        const box = await lens.boundingBox();
        // A lens sits in the view zone right above its line.
        if (box && box.y < lineBox.y && lineBox.y - box.y <= lineBox.height * 1.6) {
          const link = lens.locator('a', { hasText: title });
          if ((await link.count()) > 0) return link.first();
        }
      }
      return undefined;
    });
  }

  // ---- Problems view -------------------------------------------------------------------------

  /** The tvmTutor diagnostics listed in the Problems view: message and 1-based line. */
  async problems(): Promise<Array<{ line: number; text: string }>> {
    // One read of every row: a row read one attribute at a time can be re-rendered away between
    // reads (as when the diagnostic goes), and a locator on it then waits for its full timeout.
    const rows = await this.page
      .locator('.markers-panel .monaco-list-row')
      .evaluateAll((elements) => elements.map((e) => ({ label: e.getAttribute('aria-label') ?? '', text: (e as HTMLElement).innerText })));
    const out: Array<{ line: number; text: string }> = [];
    for (const { label, text } of rows) {
      // aria-label: "Warning: <message> at line 3 and character 9." (code-server 4.100 adds the
      // source after it); the text shows the source.
      const at = label.match(/ at line (\d+) and character (\d+)\b/);
      if (at && plain(text).includes('TVM Math Tutor')) out.push({ line: Number(at[1]), text: label });
    }
    return out;
  }

  async showProblems(): Promise<void> {
    await this.command('Problems: Focus on Problems View');
    await this.page.locator('.markers-panel').waitFor({ state: 'visible' });
  }

  // ---- the Solve panel (webview) -------------------------------------------------------------

  /**
   * The content frame of the visible Solve panel whose title is `title`. Webviews are two nested
   * iframes (`iframe.webview.ready` → `iframe#active-frame`), same-origin with the workbench.
   */
  async panel(title: string): Promise<Frame> {
    return waitFor(`the Solve panel for "${title}"`, () => this.findPanel(title));
  }

  async hasPanel(title: string): Promise<boolean> {
    return (await this.findPanel(title)) !== undefined;
  }

  private async findPanel(title: string): Promise<Frame | undefined> {
    for (const frame of this.page.frames()) {
      if (frame === this.page.mainFrame()) continue;
      const element = await frame.frameElement().catch(() => null);
      if (!element || (await element.getAttribute('id')) !== 'active-frame') continue;
      const outer = await frame.parentFrame()?.frameElement().catch(() => null);
      const box = await (outer ?? element).boundingBox();
      if (!box || box.width < 10) continue;
      const shown = await frame.locator('#title').textContent({ timeout: 500 }).catch(() => null);
      if (shown === title) return frame;
    }
    return undefined;
  }

  async panelStatus(frame: Frame): Promise<string | null> {
    return frame.locator('#status').getAttribute('data-status', { timeout: 1000 });
  }

  /** Waits for the panel to reach `status` ('done', 'cancelled', …), failing early on 'error'. */
  async panelSettled(title: string, status: string, timeoutMs = 180_000): Promise<Frame> {
    return waitFor(
      `the Solve panel for "${title}" to be ${status}`,
      async () => {
        const frame = await this.findPanel(title);
        if (!frame) return undefined;
        const now = await this.panelStatus(frame);
        if (now === 'error' && status !== 'error') throw new Fatal(`the panel shows an error: ${await frame.locator('#status').textContent()}`);
        return now === status ? frame : undefined;
      },
      timeoutMs,
    );
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
