/** Errors the CLI turns into a one-line message and an exit code, without a stack trace. */

/** Unusable input (empty, binary, wrong encoding, too large, unreadable): exit code 2. */
export class InputError extends Error {
  readonly exitCode = 2;
  override name = 'InputError';
}

/** A mistake in how the command was called (unknown actor, bad flag value): exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  override name = 'UsageError';
}

export function isReportable(error: unknown): error is InputError | UsageError | DataFileError {
  return error instanceof InputError || error instanceof UsageError || error instanceof DataFileError;
}

/** A data file (registry, manifest, lexicon) that cannot be used: exit code 2, one line per problem. */
export class DataFileError extends Error {
  readonly exitCode = 2;
  override name = 'DataFileError';
  constructor(
    message: string,
    readonly problems: { file: string; line: number; column: number; message: string }[],
  ) {
    super(`${message}:\n${problems.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.message}`).join('\n')}`);
  }
}
