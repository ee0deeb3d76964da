/**
 * The two failure classes of the CLI and their exit codes: a usage error (a flag is missing or
 * malformed, exit 2) can be fixed by changing the command line; a data error (a file cannot be
 * read or its contents cannot be modelled, exit 1) needs other data.
 */

export const EXIT_OK = 0;
export const EXIT_DATA = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    /** The command whose --help explains the fix (usage errors only). */
    readonly command?: string,
  ) {
    super(message);
  }
}

export class UsageError extends CliError {
  override readonly name = 'UsageError';
  constructor(message: string, command?: string) {
    super(message, EXIT_USAGE, command);
  }
}

export class DataError extends CliError {
  override readonly name = 'DataError';
  constructor(message: string) {
    super(message, EXIT_DATA);
  }
}
