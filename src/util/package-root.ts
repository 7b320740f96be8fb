/** The folder of the installed package (holds package.json, rules/ and dist/). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

/** True when running the TypeScript sources (tests), not the built dist/. */
export const runningFromSource: boolean = fileURLToPath(import.meta.url).startsWith(join(packageRoot, 'src', '/'));
