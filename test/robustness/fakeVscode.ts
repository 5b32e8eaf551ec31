// A stand-in for the `vscode` module, just large enough to construct the extension's own
// SolvePanel and EngineHost outside VS Code (the robustness suite drives the real panel code into
// a real browser). Import this module before anything that imports `vscode`.
import Module from 'node:module';
import { join } from 'node:path';

export class FakeUri {
  constructor(readonly fsPath: string) {}
  get path(): string {
    return this.fsPath;
  }
  toString(): string {
    return `file://${this.fsPath}`;
  }
  static file(path: string): FakeUri {
    return new FakeUri(path);
  }
  static joinPath(base: FakeUri, ...parts: string[]): FakeUri {
    return new FakeUri(join(base.fsPath, ...parts));
  }
}

type Listener<T> = (value: T) => void;

export class FakeEventEmitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>): { dispose(): void } => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

const fake = {
  Uri: FakeUri,
  EventEmitter: FakeEventEmitter,
  Disposable: { from: (...items: Array<{ dispose(): void }>) => ({ dispose: () => items.forEach((d) => d.dispose()) }) },
};

// Resolve `vscode` to this object for every CommonJS require (tsx runs the sources as CommonJS).
type Resolve = (request: string, ...rest: unknown[]) => string;
const internals = Module as unknown as { _resolveFilename: Resolve; _cache: Record<string, unknown> };
const resolve = internals._resolveFilename;
internals._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
internals._cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fake, children: [], paths: [] };
