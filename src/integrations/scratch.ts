import { accessSync, constants, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Linux's shared-memory file system: files there never reach the disk. */
const memory = '/dev/shm';

/**
 * A new, empty folder for a build step's temporary files, in memory where the system has such a
 * file system: on a slow or shared disk, writing and deleting thousands of files there cost more
 * than the step's own work (at 5,000 entries 10 s against 3.6 s for the search index's pages).
 */
export function scratchFolder(prefix: string): string {
	let parent = tmpdir();
	try {
		accessSync(memory, constants.W_OK);
		parent = memory;
	} catch {
		// No /dev/shm (macOS, Windows, some containers): the system's temp folder.
	}
	return mkdtempSync(join(parent, prefix));
}
