// Preloaded into every Node process of a benchmark build (NODE_OPTIONS=--import): on exit, it
// appends the process's peak resident memory (getrusage maxrss, KiB) and the CPU time it used
// (user + system, µs) to BENCH_PEAK_FILE.
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_PEAK_FILE;
// Worker threads (the build's content check, the CMS build) run this too, but their process's
// usage is the whole process's: only the main thread reports it, once, threads included.
if (file && isMainThread) {
	process.on('exit', () => {
		const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
		appendFileSync(file, `${process.pid} ${maxRSS} ${userCPUTime + systemCPUTime}\n`);
	});
}
