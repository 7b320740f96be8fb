/** The world the CLI talks to, passed in so tests can run main() in-process. */
export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  /** Reads all of standard input (only called for --stdin). */
  readStdin(): Promise<string>;
}

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/**
 * Colour: `--color` / `--no-color` win (a flag is the most explicit wish, as
 * no-color.org asks); then FORCE_COLOR (`0` or `false` turns colour off, any
 * other value on); then NO_COLOR; else only on a TTY that is not dumb.
 */
export function wantsColor(io: CliIO, flag: boolean | undefined, stream: { isTTY?: boolean }): boolean {
  if (flag === false) return false;
  if (flag === true) return true;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY) && io.env.TERM !== 'dumb';
}
