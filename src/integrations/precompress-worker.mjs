// Compresses a share of the files of one pass of src/integrations/precompress.ts, on a thread of
// its own. Plain JavaScript: a worker thread has no TypeScript loader. Synchronous zlib on this
// thread rather than zlib's thread pool, which the build's own file reads and writes wait on.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** @type {{ files: string[]; done: Map<string, string>; background: boolean; encodings: { suffix: string; format: 'gzip' | 'brotli'; level: number }[] }} */
const { files, done, background, encodings } = workerData;

// In the background, this thread takes only what the build leaves idle: the first pass runs while
// Pagefind indexes the pages, and would otherwise slow it down as much as it gains. (On Linux the
// priority is the calling thread's own.)
if (background) setPriority(19);

const compressors = {
	gzip: (/** @type {Buffer} */ bytes, /** @type {number} */ level) => gzipSync(bytes, { level }),
	brotli: (/** @type {Buffer} */ bytes, /** @type {number} */ level) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: level } }),
};

/** The file's version (modification time and size), or undefined when it is gone: other steps delete files meanwhile. */
const version = (/** @type {string} */ file) => {
	const stats = statSync(file, { throwIfNoEntry: false });
	return stats && `${stats.mtimeMs}:${stats.size}`;
};

/** What this worker compressed, each file with the version it read. */
const compressed = new Map();
let written = 0;
for (const file of files) {
	const current = version(file);
	if (current === undefined || done.get(file) === current) continue;
	let bytes;
	try {
		bytes = readFileSync(file);
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') continue;
		throw error;
	}
	for (const { suffix, format, level } of encodings) {
		const packed = compressors[format](bytes, level);
		// A copy that would not be smaller (Pagefind's index files are compressed already) is not kept.
		if (packed.byteLength >= bytes.byteLength) rmSync(file + suffix, { force: true });
		else {
			writeFileSync(file + suffix, packed);
			written++;
		}
	}
	compressed.set(file, current);
}

parentPort?.postMessage({ compressed, written });
