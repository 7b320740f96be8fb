/** `plainspoke mcp`: the Model Context Protocol server (src/mcp/server.ts) over standard input and output. */
import { isProcessStdout, type CliIO } from '../io.js';
import { UsageError } from '../../util/errors.js';
import { loadOutsideBundle } from './outside-bundle.js';

export async function runMcp(io: CliIO): Promise<number> {
  if (!isProcessStdout(io.stdout)) throw new UsageError('mcp: the MCP server talks over the process standard input and output');
  const { serveMcpStdio } = await loadOutsideBundle<typeof import('../../mcp/server.js')>('mcp/server.js');
  await serveMcpStdio(io.cwd);
  return 0;
}
