/**
 * The search itself, on top of Pagefind's JS API; the same code runs on the search page and in the
 * Node tests and benchmark. The index holds one token per Chinese character (search-text.ts), so:
 * - a page matches a term when it holds the term's characters as one phrase (Pagefind's quoted
 *   search), or those of one of its synonyms; a page matches a query when it matches every term;
 * - pages are ranked by Pagefind's BM25 score of the same characters (titles weigh most);
 * - filters are applied here from the page sets of each filter value, so counts stay exact;
 * - traditional characters in the query are read as the simplified ones the index holds.
 */
import { parseQuery, type QueryTerm } from './search-text';
import { toSimplified, type VariantTable } from './search-variants';

/** The part of Pagefind's JS API used here (pagefind.js, `createInstance`). */
export interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindResponse>;
	filters(): Promise<Record<string, Record<string, number>>>;
	destroy(): Promise<void>;
}

export interface PagefindResponse {
	results: PagefindResult[];
}

export interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<PagefindFragment>;
}

export interface PagefindFragment {
	url: string;
	/** The page's indexed text; Pagefind has removed the zero-width spaces. */
	content: string;
	/** The indexed text as the index holds it, one word after another (here: zero-width spaces between characters). */
	raw_content?: string;
	/** Elements with an id in the indexed text, at the position (in words) where each starts. */
	anchors?: { element: string; id: string; text: string; location: number }[];
	meta: Record<string, string | undefined>;
	filters: Record<string, string[]>;
}

/** Selected values per filter name; within a filter any value may match, across filters all must. */
export type FilterSelection = Record<string, readonly string[]>;

export interface SearchOutcome {
	/** The query's terms, in simplified characters. */
	terms: QueryTerm[];
	/** Results in rank order. */
	results: PagefindResult[];
	/**
	 * For every filter value: how many results it would leave, given the other filters chosen. It
	 * loads every filter's page sets, so the page asks only when the reader opens 筛选.
	 */
	counts(): Promise<Record<string, Record<string, number>>>;
}

export interface SearchEngine {
	search(query: string, selection?: FilterSelection): Promise<SearchOutcome>;
}

/**
 * Builds the engine over a Pagefind instance, the site's variant table and the names of the filters
 * the search page offers. The filter sets load on first use: a search with no filter chosen never
 * fetches them, and their files grow with the site (a fifth of a first search at 5,000 entries).
 */
export function createSearchEngine(pagefind: Pagefind, variants: VariantTable, filterNames: readonly string[]): SearchEngine {
	let loaded: Promise<FilterSets> | undefined;
	const filterSets = () =>
		(loaded ??= readFilterSets(pagefind, filterNames).catch((error: unknown) => {
			// A failed download is not kept: the next filter chosen or 筛选 opened asks again.
			loaded = undefined;
			throw error;
		}));

	return {
		async search(query, selection = {}) {
			const terms = parseQuery(toSimplified(query, variants));
			const chosen = Object.entries(selection).filter(([, values]) => values.length > 0);
			const sets: FilterSets = chosen.length > 0 ? await filterSets() : new Map();
			// With no query, a filter lists every page it selects.
			const ranked = terms.length > 0 ? await rank(pagefind, terms) : chosen.length > 0 ? (await pagefind.search(null)).results : [];
			const passes = (id: string, except?: string) =>
				chosen.every(([name, values]) => name === except || values.some((v) => sets.get(name)?.get(v)?.has(id)));
			return {
				terms,
				results: ranked.filter((r) => passes(r.id)),
				async counts() {
					const counts: Record<string, Record<string, number>> = {};
					for (const [name, byValue] of await filterSets()) {
						const base = ranked.filter((r) => passes(r.id, name));
						counts[name] = Object.fromEntries([...byValue].map(([value, ids]) => [value, base.filter((r) => ids.has(r.id)).length]));
					}
					return counts;
				},
			};
		},
	};
}

/** The pages of each value of each filter, by filter name and value. */
type FilterSets = Map<string, Map<string, Set<string>>>;

async function readFilterSets(pagefind: Pagefind, names: readonly string[]): Promise<FilterSets> {
	const filters = await pagefind.filters();
	// Pagefind logs a filter file that failed to download and leaves its filter out: kept, the sets
	// would count 0 and match nothing for the rest of the visit.
	const missing = names.filter((name) => !(name in filters));
	if (missing.length) throw new Error(`filters not loaded: ${missing.join(', ')}`);
	const sets: FilterSets = new Map();
	for (const [name, values] of Object.entries(filters)) {
		const byValue = new Map<string, Set<string>>();
		for (const value of Object.keys(values)) {
			const { results } = await pagefind.search(null, { filters: { [name]: value } });
			byValue.set(value, new Set(results.map((r) => r.id)));
		}
		sets.set(name, byValue);
	}
	return sets;
}

/** Pages that hold every term as a phrase, best first. */
async function rank(pagefind: Pagefind, terms: QueryTerm[]): Promise<PagefindResult[]> {
	let matched: Map<string, { result: PagefindResult; score: number }> | undefined;
	for (const term of terms) {
		const found = new Map<string, { result: PagefindResult; score: number }>();
		for (const tokens of term.forms) {
			// A decimal point holds a place in the index but cannot be searched: the digits on each side
			// of it are phrases of their own ("10.7万家" → "1 0" and "7 万 家").
			const pieces = tokens.join(' ').split(' . ');
			const [words, ...phrases] = await Promise.all([
				pagefind.search(tokens.filter((t) => t !== '.').join(' ')),
				...pieces.map((piece) => pagefind.search(`"${piece}"`)),
			]);
			const scores = new Map(words!.results.map((r) => [r.id, r.score]));
			const inEvery = phrases.slice(1).map((p) => new Set(p.results.map((r) => r.id)));
			for (const result of phrases[0]!.results) {
				if (!inEvery.every((ids) => ids.has(result.id))) continue;
				const score = scores.get(result.id) ?? 0;
				const known = found.get(result.id);
				if (!known || known.score < score) found.set(result.id, { result, score });
			}
		}
		if (matched) {
			for (const [id, hit] of matched) {
				const next = found.get(id);
				if (next) hit.score += next.score;
				else matched.delete(id);
			}
		} else matched = found;
	}
	return [...(matched?.values() ?? [])].sort((a, b) => b.score - a.score).map((hit) => hit.result);
}
