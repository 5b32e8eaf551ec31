// Latest-wins requests: a newer operation for the same key aborts the older one, and the older
// one's result is recognisably stale even if it arrives anyway (the engine may finish first).

export interface Ticket {
  readonly signal: AbortSignal;
  /** False once a newer operation for the same key started, or this one was aborted. */
  isCurrent(): boolean;
  /** True once a newer operation for the same key started (which now owns the key's output). */
  replaced(): boolean;
  /** Call when the operation is over, so the key holds nothing. */
  done(): void;
}

export class Supersede<K> {
  private readonly running = new Map<K, AbortController>();

  start(key: K): Ticket {
    this.running.get(key)?.abort();
    const controller = new AbortController();
    this.running.set(key, controller);
    return {
      signal: controller.signal,
      isCurrent: () => this.running.get(key) === controller && !controller.signal.aborted,
      replaced: () => this.running.has(key) && this.running.get(key) !== controller,
      done: () => {
        if (this.running.get(key) === controller) this.running.delete(key);
      },
    };
  }

  abort(key: K): void {
    this.running.get(key)?.abort();
    this.running.delete(key);
  }

  abortWhere(match: (key: K) => boolean): void {
    for (const key of [...this.running.keys()]) if (match(key)) this.abort(key);
  }

  abortAll(): void {
    this.abortWhere(() => true);
  }
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Runs `fn` once typing for a key has paused for `delayMs`; each schedule restarts the wait. */
export class Debouncer<K> {
  private readonly pending = new Map<K, unknown>();

  constructor(
    private readonly delayMs: number,
    private readonly timers: Timers = realTimers,
  ) {}

  schedule(key: K, fn: () => void): void {
    this.cancel(key);
    this.pending.set(
      key,
      this.timers.setTimeout(() => {
        this.pending.delete(key);
        fn();
      }, this.delayMs),
    );
  }

  cancel(key: K): void {
    const handle = this.pending.get(key);
    if (handle === undefined) return;
    this.timers.clearTimeout(handle);
    this.pending.delete(key);
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }
}
