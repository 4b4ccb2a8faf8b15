// Preloaded into every Node process of a benchmark build (NODE_OPTIONS=--import): on exit, it
// appends the process's peak resident memory (getrusage maxrss, KiB) and the CPU time it used
// (user + system, µs) to BENCH_PEAK_FILE.
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_FILE;
if (file) {
	process.on('exit', () => {
		const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
		appendFileSync(file, `${process.pid} ${maxRSS} ${userCPUTime + systemCPUTime}\n`);
	});
}
