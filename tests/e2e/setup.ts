// Vitest global setup for the browser tests: one build of the site for every e2e file. Runs from
// several helpers may overlap on this machine; a lock makes a second run wait until the first has
// finished with the build, instead of rebuilding it under the first run's feet.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildSite, siteDir } from './harness';

const lock = `${siteDir}.lock`;
const waitMs = 15 * 60_000;

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

async function acquire() {
	const started = Date.now();
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(`${lock}/pid`, String(process.pid));
			return () => rmSync(lock, { recursive: true, force: true });
		} catch {
			let owner = 0;
			try {
				owner = Number(readFileSync(`${lock}/pid`, 'utf8'));
			} catch {
				// Released, or not written yet: try again.
			}
			// The lock of a run that has died is taken over.
			if (owner && !alive(owner)) rmSync(lock, { recursive: true, force: true });
			if (Date.now() - started > waitMs) throw new Error(`${lock} held by process ${owner} for 15 minutes`);
			await sleep(1000);
		}
	}
}

export default async function setup() {
	const release = await acquire();
	try {
		buildSite();
	} catch (error) {
		release();
		throw error;
	}
	return release;
}
