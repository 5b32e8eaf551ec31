/**
 * A model bundle that cannot be used. The message names the file, the problem and what to do,
 * because it is shown as-is to users who pointed the extension/CLI at a bundle folder.
 */
export class BundleError extends Error {
  override readonly name = 'BundleError';
  constructor(
    /** The file (or folder) at fault. */
    readonly file: string,
    /** What is wrong with it. */
    readonly problem: string,
    /** What the user can do about it. */
    readonly remedy: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${problem}. ${remedy}`, options);
  }
}

/** The first line of an error's message, for embedding a library error in a BundleError. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n', 1)[0]?.trim() ?? '';
}
