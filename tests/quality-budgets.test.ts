// Page budgets, in bytes: every page's HTML and CSS fit in 14 KB gzipped; a reading page runs at
// most 1 KB of JavaScript (the 长者模式 script); the search page's own code, apart from
// Pagefind, stays under 5 KB gzipped.
import { describe, expect, it } from 'vitest';
import { htmlPages } from './a11y/site';
import { budgets, pageWeight } from './a11y/weights';
import { testDist } from './setup/build-site';

const weights = htmlPages(testDist).map((page) => pageWeight(testDist, page));
const isSearch = (path: string) => path === '/search/';

describe('page budgets', () => {
	it('weighs every page, the search page among them', () => {
		expect(weights.length).toBeGreaterThan(50);
		expect(weights.some((w) => isSearch(w.path))).toBe(true);
	});

	it.each(weights.map((w) => [w.path, w] as const))('%s: HTML + CSS ≤ 14 KB gzip', (_, weight) => {
		expect(weight.cssFiles.length).toBeGreaterThan(0);
		expect(weight.html + weight.css, `${weight.html} B HTML + ${weight.css} B CSS`).toBeLessThanOrEqual(budgets.htmlAndCss);
	});

	it.each(weights.filter((w) => !isSearch(w.path)).map((w) => [w.path, w] as const))('%s: only the 长者模式 script, ≤ 1 KB', (_, weight) => {
		expect(weight.jsFiles).toEqual(['reading-modes.js']);
		expect(weight.js).toBeLessThanOrEqual(budgets.readingJs);
	});

	it('/search/: its own code apart from Pagefind ≤ 5 KB gzip', () => {
		const search = weights.find((w) => isSearch(w.path))!;
		expect(search.jsFiles.some((file) => file.startsWith('_astro/'))).toBe(true);
		expect(search.jsFiles.filter((file) => file.includes('pagefind/'))).toEqual([]);
		expect(search.jsGzip).toBeLessThanOrEqual(budgets.searchJs);
	});
});
