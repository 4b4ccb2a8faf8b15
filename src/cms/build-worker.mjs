// Runs the CMS's Vite build (src/cms/vite.config.ts) on a thread of its own, so that it uses the
// core the site's page rendering leaves idle. Plain JavaScript: a worker thread has no TypeScript
// loader, and Vite loads the config file itself. Answers with the entry script's file name.
import { parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** @type {{ base: string; outDir: string }} */
const { base, outDir } = workerData;
const result = await build({ configFile: fileURLToPath(new URL('vite.config.ts', import.meta.url)), base, build: { outDir } });
const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
const entry = outputs.find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
if (!entry) throw new Error('The CMS build produced no entry script');
parentPort?.postMessage(entry.fileName);
