/** The content check on a thread of its own, so that `npm run build` runs it beside Astro's build (scripts/build.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { validateContent } from '../src/tooling/validate';

parentPort!.postMessage(validateContent(workerData as string));
