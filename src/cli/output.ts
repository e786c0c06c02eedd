/** Problems go to stderr one per line; the process exits non-zero. */
export class CliFailure extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(line: string): void {
  process.stdout.write(`${line}\n`);
}
