import { fstatSync, writeSync } from 'node:fs';

/** The world the CLI talks to, passed in so tests can run main() in-process. */
export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  /** Reads all of standard input (only called for --stdin). */
  readStdin(): Promise<string>;
}

/**
 * process.stdout or process.stderr as the CLI writes to it, made only when first needed (issue 19). Making
 * the stream loads Node.js's net or tty modules (about 1.5 ms of a one-file run), so a write goes straight
 * to the file descriptor: a report to a pipe or a file, as from a hook or CI, never makes it. The stream
 * takes over for good when something reads `isTTY` of a descriptor that may be a terminal, or when a write
 * cannot go straight out (a pipe left in non-blocking mode and full, a closed pipe): it then writes the rest
 * and reports errors as before. Both
 * ways write synchronously (Node.js writes its standard streams synchronously to files, pipes and
 * terminals), so the order of the output is the same. On Windows the stream always writes (console code pages).
 */
export class StdStream {
  private stream: NodeJS.WriteStream | undefined;

  /** `fd`: 1 or 2 (tests pass others); `open`: makes the Node.js stream for that descriptor. */
  constructor(
    private readonly fd: number,
    private readonly open: () => NodeJS.WriteStream,
  ) {}

  /** Set when the reader has closed the pipe ("plainspoke … | head"): later writes are dropped. */
  private closed = false;

  /** The Node.js stream itself (it is made now if it was not yet). */
  get real(): NodeJS.WriteStream {
    if (!this.stream) {
      const stream = this.open();
      // A closed pipe is the reader saying "enough", not a crash: without a listener the error event ends the
      // process with a stack trace. Any other error is thrown as before.
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        this.closed = true;
      });
      this.stream = stream;
    }
    return this.stream;
  }

  /**
   * The stream's own answer, but a descriptor that is not a character device (a pipe or a file, as from a hook
   * or CI) is never a terminal: the answer is then Node.js's for those streams (undefined), without making the
   * stream (issue 19: the colour check made it for every stylish report, loading net and streams; about 10 ms
   * of a one-file run with picocolors' own check, which scripts/bundle.mjs takes out).
   */
  get isTTY(): boolean | undefined {
    if (!this.stream && process.platform !== 'win32' && !mayBeTerminal(this.fd)) return undefined;
    return this.real.isTTY;
  }

  write(s: string): boolean {
    if (this.closed) return false;
    if (this.stream || process.platform === 'win32') return this.real.write(s);
    const bytes = Buffer.from(s, 'utf8');
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done);
      return true;
    } catch (error) {
      // EPIPE: the reader has gone ("… | head"); the rest of the report has nowhere to go.
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
        this.closed = true;
        return false;
      }
      // EAGAIN (a pipe left in non-blocking mode and full): the stream writes what is left.
      return this.real.write(done === 0 ? s : bytes.subarray(done));
    }
  }
}

/** False only when `fd` is surely no terminal: open, and not a character device. */
function mayBeTerminal(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return true;
  }
}

let stdStreams: { stdout: StdStream; stderr: StdStream } | undefined;

/** The same two objects for the whole process, so every write to one stream goes the same way. */
function processStreams(): { stdout: StdStream; stderr: StdStream } {
  return (stdStreams ??= { stdout: new StdStream(1, () => process.stdout), stderr: new StdStream(2, () => process.stderr) });
}

/** True when `stream` is this process's standard output (the language and MCP servers need it). */
export function isProcessStdout(stream: CliIO['stdout']): boolean {
  return (stdStreams !== undefined && stream === stdStreams.stdout) || stream === process.stdout;
}

export function processIO(): CliIO {
  const { stdout, stderr } = processStreams();
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout,
    stderr,
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
