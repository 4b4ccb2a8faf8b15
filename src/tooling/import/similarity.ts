/**
 * How alike two entries' texts are, for suggesting links across years (a measure `continues` an
 * achievement, an achievement `reportsOn` a measure): cosine of their Chinese character bigrams,
 * weighted by how rare each bigram is among the texts compared. Pure.
 */

export interface Doc {
	id: string;
	text: string;
}

function bigrams(text: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const run of text.match(/[\u3400-\u9fff]+/g) ?? []) {
		for (let i = 0; i + 1 < run.length; i++) {
			const gram = run.slice(i, i + 2);
			counts.set(gram, (counts.get(gram) ?? 0) + 1);
		}
	}
	return counts;
}

export interface Suggestion {
	from: string;
	to: string;
	score: number;
}

/**
 * For each query, the candidates at least `threshold` alike (at most `max`, best first).
 * Bigrams common to most texts ("推进", "工作") weigh little.
 */
export function suggestLinks(queries: readonly Doc[], candidates: readonly Doc[], { threshold = 0.3, max = 2 } = {}): Suggestion[] {
	const all = [...queries, ...candidates].map((d) => bigrams(d.text));
	const df = new Map<string, number>();
	for (const grams of all) for (const gram of grams.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
	const weigh = (grams: Map<string, number>) => {
		const vector = new Map<string, number>();
		let norm = 0;
		for (const [gram, count] of grams) {
			const weight = count * Math.log((all.length + 1) / (df.get(gram) ?? 1));
			vector.set(gram, weight);
			norm += weight * weight;
		}
		return { vector, norm: Math.sqrt(norm) };
	};
	const targets = candidates.map((c) => ({ id: c.id, ...weigh(bigrams(c.text)) }));
	return queries.flatMap((q) => {
		const own = weigh(bigrams(q.text));
		if (!own.norm) return [];
		return targets
			.map((t) => {
				let dot = 0;
				for (const [gram, weight] of own.vector) dot += weight * (t.vector.get(gram) ?? 0);
				return { from: q.id, to: t.id, score: t.norm ? dot / (own.norm * t.norm) : 0 };
			})
			.filter((s) => s.score >= threshold && s.to !== q.id)
			.sort((a, b) => b.score - a.score)
			.slice(0, max);
	});
}
