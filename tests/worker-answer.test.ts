// The worker threads of the build (the content check, the CMS bundle) answer once; a worker that
// fails or stops without answering must fail the build, never leave it waiting.
import { describe, expect, it } from 'vitest';
import { startWorker } from '../src/integrations/worker-answer';

const script = (code: string) => new URL(`data:text/javascript,${encodeURIComponent(code)}`);

describe('startWorker', () => {
	it('gives the message the worker answers with', async () => {
		const { answer } = startWorker<number>(script("import { parentPort, workerData } from 'node:worker_threads'; parentPort.postMessage(workerData * 2);"), { workerData: 21 });
		await expect(answer).resolves.toBe(42);
	});

	it('fails with the error the worker throws', async () => {
		const { answer } = startWorker(script("throw new Error('内容检查出错');"), {});
		await expect(answer).rejects.toThrow('内容检查出错');
	});

	it('fails when the worker stops without answering', async () => {
		const { answer } = startWorker(script('process.exit(3);'), {});
		await expect(answer).rejects.toThrow('exit code 3');
	});
});
