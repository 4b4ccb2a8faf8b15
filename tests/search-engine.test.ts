// The search engine when the filter files fail to download, as on a dropped connection: Pagefind
// either fails the call or (for one file of several) logs the failure and leaves that filter out.
// Either way the caller gets the failure, and the next filter or count asks again instead of
// keeping wrong sets for the rest of the visit.
import { describe, expect, it } from 'vitest';
import { createSearchEngine, type Pagefind, type PagefindResult } from '../src/lib/search-engine';

const pages = [
	{ id: 'a', filters: { 类型: '成果', 报告: '2023' } },
	{ id: 'b', filters: { 类型: '举措', 报告: '2023' } },
	{ id: 'c', filters: { 类型: '举措', 报告: '2024' } },
];
type FilterName = keyof (typeof pages)[number]['filters'];
const names: FilterName[] = ['类型', '报告'];
const noVariants = { chars: {}, phrases: {} };

/** Pagefind over `pages`, whose first `filters()` call fails as `first` says. */
function flakyPagefind(first: 'rejects' | 'drops 类型' | 'works'): Pagefind & { filterCalls: number } {
	const result = (id: string): PagefindResult => ({ id, score: 1, data: () => Promise.reject(new Error('not asked for here')) });
	const values = (name: FilterName) => {
		const counts: Record<string, number> = {};
		for (const page of pages) counts[page.filters[name]] = (counts[page.filters[name]] ?? 0) + 1;
		return counts;
	};
	return {
		filterCalls: 0,
		options: async () => {},
		init: async () => {},
		destroy: async () => {},
		async filters() {
			const call = ++this.filterCalls;
			if (call === 1 && first === 'rejects') throw new Error('network error');
			return call === 1 && first === 'drops 类型' ? { 报告: values('报告') } : { 类型: values('类型'), 报告: values('报告') };
		},
		async search(term, options) {
			if (term !== null) throw new Error('only filter listings are asked for here');
			const [[name, value] = []] = Object.entries(options?.filters ?? {});
			return { results: pages.filter((p) => !name || p.filters[name as FilterName] === value).map((p) => result(p.id)) };
		},
	};
}

describe('the search engine when a filter file fails to download', () => {
	it.each(['rejects', 'drops 类型'] as const)('fails that search when Pagefind %s, and the next one with a filter downloads them again', async (failure) => {
		const pagefind = flakyPagefind(failure);
		const engine = createSearchEngine(pagefind, noVariants, names);
		await expect(engine.search('', { 类型: ['举措'] })).rejects.toThrow();
		const outcome = await engine.search('', { 类型: ['举措'] });
		expect(outcome.results.map((r) => r.id)).toEqual(['b', 'c']);
		expect(pagefind.filterCalls).toBe(2);
	});

	it.each(['rejects', 'drops 类型'] as const)('fails the counts when Pagefind %s, and asking again gives them', async (failure) => {
		const outcome = await createSearchEngine(flakyPagefind(failure), noVariants, names).search('', { 报告: [] });
		await expect(outcome.counts()).rejects.toThrow();
		expect(await outcome.counts()).toEqual({ 类型: { 成果: 0, 举措: 0 }, 报告: { 2023: 0, 2024: 0 } });
	});

	it('names the filter whose file is missing', async () => {
		const outcome = await createSearchEngine(flakyPagefind('drops 类型'), noVariants, names).search('', {});
		await expect(outcome.counts()).rejects.toThrow('filters not loaded: 类型');
	});

	it('downloads them once when nothing fails', async () => {
		const pagefind = flakyPagefind('works');
		const engine = createSearchEngine(pagefind, noVariants, names);
		const outcome = await engine.search('', { 报告: ['2024'] });
		expect(outcome.results.map((r) => r.id)).toEqual(['c']);
		expect(await outcome.counts()).toEqual({ 类型: { 成果: 0, 举措: 1 }, 报告: { 2023: 2, 2024: 1 } });
		await engine.search('', { 类型: ['成果'] });
		expect(pagefind.filterCalls).toBe(1);
	});
});
