/**
 * Runs `work` on every item, `width` at a time: build steps that read and write thousands of
 * files keep the disk and the thread pool busy while JavaScript works on the next file, without
 * opening every file at once.
 */
export async function eachAtOnce<T>(items: Iterable<T>, width: number, work: (item: T) => Promise<void>): Promise<void> {
	const queue = [...items].reverse();
	const worker = async () => {
		while (queue.length) await work(queue.pop()!);
	};
	await Promise.all(Array.from({ length: Math.max(1, width) }, worker));
}
