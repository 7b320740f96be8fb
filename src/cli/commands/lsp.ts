/** `plainspoke lsp --stdio`: the language server (src/lsp/server.ts) over standard input and output. */
import { isProcessStdout, type CliIO } from '../io.js';
import { UsageError } from '../../util/errors.js';
import { loadOutsideBundle } from './outside-bundle.js';

export async function runLsp(opts: { stdio?: boolean }, io: CliIO): Promise<number> {
  if (!isProcessStdout(io.stdout)) throw new UsageError('lsp: the language server talks over the process standard input and output');
  void opts; // stdio is the only transport; --stdio is accepted because editors pass it
  const { startServer } = await loadOutsideBundle<typeof import('../../lsp/server.js')>('lsp/server.js');
  const connection = startServer();
  // The connection ends the process on `exit`; until then this command runs.
  await new Promise<void>((done) => connection.onExit(() => done()));
  return 0;
}
