/**
 * Runs a command and measures its wall time and peak memory. Peak memory is the largest resident
 * set of any process of the run, the figure GNU `time -v` reports as "Maximum resident set size":
 * Node processes report their own exact peak on exit (peak-memory.mjs, preloaded), and on Linux
 * /proc is sampled for the other processes of the run (Pagefind's binary, esbuild).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Measured {
	seconds: number;
	/** Largest resident set of any one process of the run, in MiB. */
	peakMiB: number;
	/**
	 * CPU time of every process of the run (user + system), in seconds: unlike wall time, it hardly
	 * changes when other work shares the machine.
	 */
	cpuSeconds: number;
	/** What the command wrote, stdout and stderr interleaved. */
	output: string;
}

const preload = pathToFileURL(join(import.meta.dirname, 'peak-memory.mjs')).href;

/** Parent pid of every process, read from /proc (empty where there is no /proc). */
function parents(): Map<number, number> {
	const map = new Map<number, number>();
	if (!existsSync('/proc')) return map;
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			// The command name is in parentheses and may hold spaces; the parent pid follows it.
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			map.set(Number(name), ppid);
		} catch {
			// The process ended between listing and reading.
		}
	}
	return map;
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

interface Sample {
	/** Peak resident set (VmHWM) of the largest process, KiB. */
	peak: number;
	/** CPU seconds so far of each process; those that reported their own (Node's) are left out at the end. */
	cpu: Map<number, number>;
}

/**
 * Peak memory and CPU time of `root` and its descendants. Node processes are told apart afterwards
 * by the report they write, not by name: Node 24 names its main thread "MainThread".
 */
function sampleTree(root: number, into: Sample) {
	const tree = parents();
	const inTree = (pid: number): boolean => {
		for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = tree.get(p), hops++) if (p === root) return true;
		return false;
	};
	for (const pid of tree.keys()) {
		if (!inTree(pid)) continue;
		try {
			const status = readFileSync(`/proc/${pid}/status`, 'utf8');
			const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
			if (hwm) into.peak = Math.max(into.peak, Number(hwm[1]));
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const [utime, stime] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 13).map(Number);
			into.cpu.set(pid, ((utime ?? 0) + (stime ?? 0)) / ticksPerSecond);
		} catch {
			// Ended meanwhile; a Node process has reported its own figures.
		}
	}
}

export async function measure(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; log?: string }): Promise<Measured> {
	const scratch = mkdtempSync(join(tmpdir(), 'bench-peak-'));
	const peakFile = join(scratch, 'peak.txt');
	const nodeOptions = [options.env['NODE_OPTIONS'], `--import=${preload}`].filter(Boolean).join(' ');
	const started = performance.now();
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: { ...options.env, NODE_OPTIONS: nodeOptions, BENCH_PEAK_FILE: peakFile },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const chunks: Buffer[] = [];
	const log = options.log ? createWriteStream(options.log) : undefined;
	for (const stream of [child.stdout, child.stderr]) {
		stream.on('data', (chunk: Buffer) => {
			chunks.push(chunk);
			log?.write(chunk);
		});
	}
	const sample: Sample = { peak: 0, cpu: new Map() };
	const timer = setInterval(() => {
		if (child.pid) sampleTree(child.pid, sample);
	}, 100);
	const code = await new Promise<number | null>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	});
	const seconds = (performance.now() - started) / 1000;
	clearInterval(timer);
	log?.end();
	const output = Buffer.concat(chunks).toString('utf8');
	const reported = existsSync(peakFile)
		? readFileSync(peakFile, 'utf8')
				.trim()
				.split('\n')
				.map((line) => line.split(' ').map(Number))
		: [];
	rmSync(scratch, { recursive: true, force: true });
	if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code} in ${options.cwd}:\n${output.slice(-4000)}`);
	const nodeCpu = reported.reduce((sum, [, , micros]) => sum + (micros ?? 0) / 1e6, 0);
	const reportedPids = new Set(reported.map(([pid]) => pid));
	const otherCpu = [...sample.cpu].reduce((sum, [pid, s]) => (reportedPids.has(pid) ? sum : sum + s), 0);
	return { seconds, peakMiB: Math.max(sample.peak, ...reported.map(([, kib]) => kib ?? 0)) / 1024, cpuSeconds: nodeCpu + otherCpu, output };
}
