/**
 * The worker-thread side of pool.ts: lint one file and return its FileResult.
 * The ConfigResolver is kept between files (its folder cache is the point),
 * and rebuilt only if a task comes from another run.
 */
import { ConfigResolver } from '../config/resolve.js';
import type { FileResult } from '../types.js';
import { failed } from './failed.js';
import { lintPath } from './lint-files.js';
import type { WorkerTask } from './pool.js';

let current: { key: string; resolver: ConfigResolver } | undefined;

export default async function lintInWorker(task: WorkerTask): Promise<FileResult> {
  task.port?.postMessage('start');
  try {
    const key = JSON.stringify([task.cwd, task.cli]);
    if (current?.key !== key) current = { key, resolver: new ConfigResolver(task.cwd, task.cli) };
    return await lintPath(task.file, current.resolver, task.opts, task.bytes);
  } catch (e) {
    return failed(task.file.path, 'article', e);
  } finally {
    task.port?.close();
  }
}
