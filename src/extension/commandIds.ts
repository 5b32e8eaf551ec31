// Command ids (also in package.json `contributes.commands`) and the argument CodeLenses pass.
export const COMMANDS = {
  solve: 'tvmTutor.solve',
  check: 'tvmTutor.checkSteps',
  hint: 'tvmTutor.hint',
  showLog: 'tvmTutor.showLog',
  setServerApiKey: 'tvmTutor.setServerApiKey',
} as const;

/** Which problem a command is for; without one, the problem at the active editor's cursor. */
export interface ProblemTarget {
  uri: string;
  line: number;
}

/** Command arguments can come from anywhere (keybindings, other extensions): validate them. */
export function parseTarget(arg: unknown): ProblemTarget | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { uri, line } = arg as Record<string, unknown>;
  return typeof uri === 'string' && typeof line === 'number' && Number.isInteger(line) && line >= 0 ? { uri, line } : undefined;
}
