/** "Did you mean": the closest names to a mistyped one. */

/** Edit distance where swapping two neighbouring letters counts as one edit (`titel` → `title`). */
export function editDistance(a: string, b: string): number {
	const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
			rows[i]![j] = best;
		}
	}
	return at(a.length, b.length);
}

/** Candidates close enough to `name` to be what was meant, closest first. */
export function closest(name: string, candidates: Iterable<string>, limit = 3): string[] {
	const lower = name.toLowerCase();
	const tolerance = Math.max(2, Math.floor(lower.length / 3));
	return [...candidates]
		.map((candidate) => ({ candidate, distance: editDistance(lower, candidate.toLowerCase()) }))
		.filter(({ candidate, distance }) => distance <= tolerance || candidate.toLowerCase().includes(lower) || lower.includes(candidate.toLowerCase()))
		.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
		.slice(0, limit)
		.map(({ candidate }) => candidate);
}
