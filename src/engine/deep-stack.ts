/**
 * Deeply nested documents (HTML 10,000 levels deep) overflow the parsers'
 * recursion on a thread's default stack. Such a file is linted again, alone,
 * in a worker thread with a large stack, so it finishes instead of failing.
 */
import { Worker } from 'node:worker_threads';
import type { FileResult } from '../types.js';
import type { Discovered } from './discover.js';
import type { CliOverrides } from '../config/resolve.js';
import { workerFile, type WorkerLintOptions } from './pool.js';
import { tuneV8ForWorkers } from '../boot/v8-flags.js';

/** Stack for the retry: enough for 10,000 nested elements through parse5, hast and the rules. */
const STACK_MB = 256;

/** Lints one file on a big stack; keeps the first result when that is not possible or also fails. */
export async function lintOnBigStack(file: Discovered, first: FileResult, base: { cwd: string; cli: CliOverrides; opts: WorkerLintOptions }, timeoutSeconds: number): Promise<FileResult> {
  const filename = workerFile();
  if (!filename) return first;
  const source = `
    import { workerData, parentPort } from 'node:worker_threads';
    import { pathToFileURL } from 'node:url';
    const { default: lint } = await import(pathToFileURL(workerData.filename).href);
    parentPort.postMessage(await lint(workerData.task));
  `;
  // Workers load the code cache made under these flags.
  tuneV8ForWorkers();
  return new Promise<FileResult>((resolve) => {
    const worker = new Worker(source, {
      eval: true,
      workerData: { filename, task: { ...base, file } },
      resourceLimits: { stackSizeMb: STACK_MB },
    });
    const timer = setTimeout(() => void worker.terminate(), Math.max(1, timeoutSeconds) * 1000);
    let settled = false;
    const finish = (r: FileResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    worker.once('message', (r: FileResult) => finish(r));
    worker.once('error', () => finish(first));
    worker.once('exit', () => finish(first));
  });
}
