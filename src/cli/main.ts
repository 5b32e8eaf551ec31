// tvm-tutor: solve, check and evaluate from the command line (bundled to dist/cli.js, which
// bin/tvm-tutor.js requires). Results go to stdout, progress and errors to stderr.
import { parseCheck, parseEval, parseSolve, USAGE, type CommonArgs } from './args.js';
import { runCheck, stepsOf } from './commands/check.js';
import { readItems, runEval } from './commands/eval.js';
import { runSolve } from './commands/solve.js';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_SERVER, UsageError, exitCodeFor } from './errors.js';
import { openModels, type OpenModels } from './models.js';

type Command = (open: OpenModels, signal: AbortSignal) => Promise<string>;

/**
 * onnxruntime reads /proc/self/cmdline when it starts and overflows the stack (a segmentation
 * fault) on command lines from about 29 KB. No problem the models can read is that long: refuse.
 */
const MAX_COMMAND_LINE_BYTES = 16_000;

function checkCommandLineLength(argv: readonly string[]): void {
  const bytes = argv.reduce((sum, arg) => sum + Buffer.byteLength(arg) + 1, 0);
  if (bytes <= MAX_COMMAND_LINE_BYTES) return;
  throw new UsageError(
    `the command line is ${bytes} bytes long, more than the ${MAX_COMMAND_LINE_BYTES} the CLI accepts ` +
      '(the model reads a few hundred tokens at most, and onnxruntime crashes on very long command lines): ' +
      'shorten the problem, or put long working in a file with --steps-file',
  );
}

/** Runs the CLI and resolves to the exit code (sets process.exitCode rather than exiting, so output flushes). */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const { args, command } = prepare(name, rest);
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    checkCommandLineLength(process.argv);
    const open = await openModels(args, controller.signal);
    try {
      const output = await command(open, controller.signal);
      process.stdout.write(`${output}\n`);
    } finally {
      await open.release();
    }
    return EXIT_OK;
  } catch (error) {
    const code = exitCodeFor(error);
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(code === EXIT_BAD_INPUT || code === EXIT_SERVER ? `tvm-tutor: ${message}\n` : `tvm-tutor: internal error: ${(error as Error)?.stack ?? message}\n`);
    return code;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** Parses and reads every input before models load, so bad input fails fast with exit code 2. */
function prepare(name: string, rest: string[]): { args: CommonArgs; command: Command } {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  switch (name) {
    case 'solve': {
      const args = parseSolve(rest);
      return { args, command: (open, signal) => runSolve(args, open, signal) };
    }
    case 'check': {
      const args = parseCheck(rest);
      const steps = args.help ? [] : stepsOf(args);
      return { args, command: (open, signal) => runCheck(args, steps, open, signal) };
    }
    case 'eval': {
      const args = parseEval(rest);
      const items = args.help ? [] : readItems(args.input, args.limit);
      return { args, command: (open, signal) => runEval(args, items, open, signal, log) };
    }
    default:
      throw new UsageError(`unknown command "${name}": use solve, check or eval (tvm-tutor --help)`);
  }
}

// Runs on load: bin/tvm-tutor.js only requires dist/cli.js, and `tsx src/cli/main.ts` runs it
// from source. Tests spawn it as a process rather than importing it.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
