import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on `script` and gives the one message it answers with. The answer fails
 * when the worker throws, or stops without answering, so that a caller never waits forever.
 */
export function startWorker<T>(script: URL, options: WorkerOptions): { worker: Worker; answer: Promise<T> } {
	const worker = new Worker(script, options);
	const answer = new Promise<T>((resolve, reject) => {
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`${script.pathname} stopped without answering (exit code ${code})`)));
	});
	return { worker, answer };
}
