/** Error classes that end a run with exit code 2 and a one-line message. */

/** A config file is wrong; names the file and the key. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly detail: string,
  ) {
    super(`${file}: ${key ? `'${key}' ` : ''}${detail}`);
    this.name = 'ConfigError';
  }

  /** The same error with the file shown another way (relative to the working folder). */
  withFile(file: string): ConfigError {
    return new ConfigError(file, this.key, this.detail);
  }
}

/** A file in rules/ is wrong (word tables, docs). */
export class RuleDataError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'RuleDataError';
  }
}

/** The command line is wrong: bad option, path that matches nothing. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A file could not be read or decoded; the run goes on with the others. */
export class FileError extends Error {
  override name = 'FileError';
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/** Errors we expect and explain in one line (no stack trace without --debug). */
export function isKnownError(e: unknown): e is Error {
  return e instanceof ConfigError || e instanceof RuleDataError || e instanceof UsageError || e instanceof FileError;
}
