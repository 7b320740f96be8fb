/** The worker-thread module when the CLI runs from the bundle: workers start from the same bundle and code cache. */
import { loadBundle } from './bundle.js';

const bundle = loadBundle({ cache: 'worker' });
export default bundle ? bundle.exports.lintInWorker : (await import('../engine/worker.js')).default;
