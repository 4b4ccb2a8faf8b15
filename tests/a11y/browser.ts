/**
 * Browser-side checks shared by the accessibility tests: axe-core with the WCAG 2.2 A/AA tags, the
 * site's pages (from its sitemap when the build had a public address, else from its files), one
 * page of each type, and a keyboard walk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { htmlPages } from './site';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the issue and GB/T 37668 ask for. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * axe-core's violations on the page, one line per rule and element. axe is injected through the
 * DevTools protocol (as @axe-core/playwright does), so the page keeps its own CSP.
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
	await page.evaluate(axeSource);
	const violations = await page.evaluate(
		async ({ tags, rules }) => {
			const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
			const result = await axe.run(document, rules ? { runOnly: { type: 'rule', values: rules } } : { runOnly: { type: 'tag', values: tags } });
			return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`) }));
		},
		{ tags: wcagTags, rules },
	);
	return violations.flatMap((v) => v.nodes.map((node) => `${v.id} ${node}`));
}

/**
 * Every page of the site built in `dir` under `base`, as paths inside the base ('' for the home
 * page): from the sitemap when there is one, else from the built HTML files. The 404 page is
 * visited at an address that does not exist.
 */
export function sitePaths(dir: string, base: string): string[] {
	const index = join(dir, 'sitemap-index.xml');
	const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc!).pathname);
	const paths = existsSync(index)
		? locs(readFileSync(index, 'utf8')).flatMap((sitemap) => locs(readFileSync(join(dir, sitemap.slice(base.length)), 'utf8')))
		: htmlPages(dir, base)
				.filter((page) => page.file !== '404.html')
				.map((page) => page.path);
	return [...paths.map((path) => path.slice(base.length)).sort(), notFoundPath];
}

export const notFoundPath = 'no-such-page/';

/**
 * One page of each type: the path with its last segment replaced by `*` names the type
 * (`measures/*`, `owners/*`), and the first page of each type stands for it. The search page comes
 * with a query so that it shows results.
 */
export function pageTypes(paths: string[]): string[] {
	const types = new Map<string, string>();
	for (const path of paths) {
		const type = path.split('/').length > 2 ? path.replace(/[^/]+\/$/, '*/') : path;
		if (!types.has(type)) types.set(type, path);
	}
	return [...types.values()].map((path) => (path === 'search/' ? `search/?q=${encodeURIComponent('电梯')}` : path));
}

export interface FocusStop {
	/** Index of the element among the page's focusable elements, or -1 for one not listed there. */
	index: number;
	element: string;
	/** An outline or box-shadow is drawn while :focus-visible. */
	ring: boolean;
	/** The element has a size and lies within the viewport once focused. */
	inView: boolean;
}

/**
 * Tabs through the page from its start and records every stop, until focus leaves the page or
 * comes back to the first stop, or `limit` presses. Before walking it numbers the elements a
 * keyboard user must be able to reach: visible links, buttons, form fields, summaries and
 * positive-tabindex elements.
 */
export async function keyboardWalk(page: Page, limit: number): Promise<{ focusable: string[]; stops: FocusStop[] }> {
	const focusable = await page.evaluate(() => {
		const candidates = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]');
		const reachable = [...candidates].filter(
			(el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.checkVisibility({ visibilityProperty: true }) && !el.closest('[inert]'),
		);
		reachable.forEach((el, index) => (el.dataset.walk = String(index)));
		return reachable.map((el) => `<${el.localName}> ${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 30)}`);
	});
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	const stops: FocusStop[] = [];
	for (let press = 0; press < limit; press++) {
		await page.keyboard.press('Tab');
		const stop = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body || el === document.documentElement) return undefined;
			const style = getComputedStyle(el);
			const box = el.getBoundingClientRect();
			return {
				index: el.dataset.walk === undefined ? -1 : Number(el.dataset.walk),
				element: `<${el.localName}> ${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 30)}`,
				ring: el.matches(':focus-visible') && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'),
				inView: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
			};
		});
		if (!stop || (stops.length > 0 && stop.index === stops[0]!.index)) break;
		stops.push(stop);
	}
	return { focusable, stops };
}
