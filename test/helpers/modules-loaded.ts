/** Which modules a real CLI run loads: an ESM loader hook in the child process lists every URL. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { project } from './cli.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'plainspoke.js');

const HOOK = [
  "import { register } from 'node:module';",
  "import { MessageChannel } from 'node:worker_threads';",
  'const { port1, port2 } = new MessageChannel();',
  'const seen = [];',
  "port1.on('message', (u) => seen.push(u));",
  'port1.unref();',
  "register('data:text/javascript,' + encodeURIComponent('let p; export function initialize(d) { p = d.port; } export async function load(u, c, n) { p.postMessage(u); return n(u, c); }'), { data: { port: port2 }, transferList: [port2] });",
  // CommonJS loads too: bin/plainspoke.js is CommonJS (issue 19), and the start-up bundle loads jsdom, axe-core and
  // Node.js built-ins with require(), which the hook above does not see on Node.js 20.
  "import { createRequire } from 'node:module';",
  "import { pathToFileURL } from 'node:url';",
  "const Module = createRequire(import.meta.url)('node:module');",
  'const load = Module._load;',
  'Module._load = function (request, parent, isMain) {',
  "  if (Module.isBuiltin(request)) seen.push(request.startsWith('node:') ? request : 'node:' + request);",
  '  else { try { seen.push(pathToFileURL(Module._resolveFilename(request, parent, isMain)).href); } catch {} }',
  '  return load.apply(this, arguments);',
  '};',
  "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(seen) + '\\n'));",
].join('\n');

/** Every module URL `plainspoke <args>` loads in `cwd` (`env` adds to the environment). */
export function modulesLoaded(args: string[], cwd: string, env: Record<string, string> = {}): string[] {
  const dir = project({ 'hook.mjs': HOOK });
  const r = spawnSync(process.execPath, ['--import', join(dir, 'hook.mjs'), BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  expect(line, r.stderr).toBeDefined();
  return JSON.parse(line!.slice(7)) as string[];
}
