/**
 * The day each content file was last changed, from Git: a real date for 更新于 where the content
 * records none, never the build day. One `git log` for the whole folder, read once.
 *
 * What gives no date (the file shows none): no Git, a folder outside the repository, a file never
 * committed, and a file whose history a shallow clone cuts off (its boundary commit looks as if
 * it added every file). A commit that only moves a file (a 100% rename) does not count as a change:
 * the date stays that of the last change to its content.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The calendar day in China of a moment, as midnight UTC (the convention of src/schemas/day.ts). */
export function chinaDay(moment: Date): Date {
	const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(moment).split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d));
}

const git = (cwd: string, args: string[]) => {
	const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
	return result.status === 0 ? result.stdout : undefined;
};

/** The commits where a shallow clone's history stops. */
function shallowBoundaries(cwd: string): Set<string> {
	const file = git(cwd, ['rev-parse', '--git-path', 'shallow'])?.trim();
	if (!file) return new Set();
	try {
		return new Set(readFileSync(file.startsWith('/') ? file : `${cwd}/${file}`, 'utf8').split('\n').filter(Boolean));
	} catch {
		return new Set();
	}
}

/**
 * Parses `git log --format=@%H %ct --name-status -M --relative`, newest first, into the day each
 * path (as it is named now) last changed.
 */
export function parseLog(log: string, boundaries: ReadonlySet<string> = new Set()): Map<string, Date> {
	const days = new Map<string, Date>();
	// An older name → the name the file has now, learnt from renames seen on the way back.
	const renamed = new Map<string, string>();
	const current = (path: string) => renamed.get(path) ?? path;
	let commit: { hash: string; day: Date } | undefined;
	for (const line of log.split('\n')) {
		if (line.startsWith('@')) {
			const [hash = '', seconds = ''] = line.slice(1).split(' ');
			commit = { hash, day: chinaDay(new Date(Number(seconds) * 1000)) };
			continue;
		}
		const [status = '', ...paths] = line.split('\t');
		if (!commit || paths.length === 0) continue;
		const path = current(paths.at(-1)!);
		if (status.startsWith('R') && paths.length === 2) {
			renamed.set(paths[0]!, path);
			if (status === 'R100') continue;
		}
		if (boundaries.has(commit.hash) || days.has(path) || status === 'D') continue;
		days.set(path, commit.day);
	}
	return days;
}

const cache = new Map<string, Map<string, Date>>();

/** The day each file under `folder` last changed, by path relative to `root` (the project). */
export function lastChanged(root: string, folder: string): Map<string, Date> {
	const key = `${root}\0${folder}`;
	if (!cache.has(key)) {
		const log = git(root, ['log', '--format=@%H %ct', '--name-status', '-M', '--relative', '--', folder]);
		cache.set(key, log === undefined ? new Map() : parseLog(log, shallowBoundaries(root)));
	}
	return cache.get(key)!;
}

/** The commit the build is made from, with its day; undefined outside a Git checkout. */
export function headCommit(root: string): { hash: string; day: Date } | undefined {
	const [hash, seconds] = git(root, ['log', '-1', '--format=%h %ct'])?.trim().split(' ') ?? [];
	return hash && seconds ? { hash, day: chinaDay(new Date(Number(seconds) * 1000)) } : undefined;
}
