// The built site in Chromium, beyond accessibility: the CSP is in force (inline script refused)
// while search still works under it; the print stylesheet drops the navigation and shows link
// targets; and the site built under a sub-path (/plan/) loads every asset and finds with search.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, serveSite, useSite, type Site } from './harness';

const { site, browser } = useSite();

describe('Content-Security-Policy in the browser', () => {
	it('refuses an inline script injected into a page', async () => {
		const { page, context, errors } = await openPage(browser(), site());
		await page.goto(site().url());
		const ran = await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.injected = true';
			document.head.append(script);
			return (window as unknown as { injected?: boolean }).injected ?? false;
		});
		expect(ran).toBe(false);
		expect(errors.some((error) => /Content Security Policy/.test(error))).toBe(true);
		await context.close();
	});

	it('lets search load Pagefind (WebAssembly) and find results, with no violation', async () => {
		const { page, context, errors, blocked } = await openPage(browser(), site());
		await page.goto(site().url(`search/?q=${encodeURIComponent('公平竞争审查')}`));
		await page.locator('#search-results > li a').first().waitFor();
		expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
		expect(errors).toEqual([]);
		expect(blocked).toEqual([]);
		await context.close();
	});
});

describe('print', () => {
	/** What the print stylesheet shows: of the page furniture present, what is visible; and each link's ::after. */
	const printed = (page: Page) =>
		page.evaluate(() => ({
			shown: ['.site-header', '.site-nav', '.site-footer', '.breadcrumbs', '#large-text'].filter((selector) => {
				const element = document.querySelector(selector);
				return element && getComputedStyle(element).display !== 'none' && element.checkVisibility();
			}),
			links: [...document.querySelectorAll<HTMLAnchorElement>('main a[href^="/"]')].map((a) => ({ href: a.getAttribute('href'), after: getComputedStyle(a, '::after').content })),
		}));

	it.each([
		['an entry', 'measures/old-elevator-safety-assessment/'],
		['the progress page', 'progress/'],
	])('prints %s without navigation and with link targets', async (_, path) => {
		const { page, context } = await openPage(browser(), site());
		await page.goto(site().url(path));
		await page.emulateMedia({ media: 'print' });
		const { shown, links } = await printed(page);
		expect(shown).toEqual([]);
		expect(links.length).toBeGreaterThan(0);
		for (const link of links) expect(link.after, link.href ?? '').toBe(`" (${link.href})"`);
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		await page.emulateMedia({ media: 'screen' });
		// On screen, the header, its navigation and switch and the footer are all there.
		expect((await printed(page)).shown).toEqual(expect.arrayContaining(['.site-header', '.site-nav', '.site-footer', '#large-text']));
		await context.close();
	});
});

describe('the site built under /plan/', () => {
	const base = '/plan/';
	const dir = mkdtempSync(join(tmpdir(), 'e2e-plan-'));
	let plan: Site | undefined;
	const planSite = () => plan!;

	beforeAll(async () => {
		// Vite's variables in the worker's environment (BASE_URL) must not reach the build.
		const { BASE_URL, MODE, DEV, PROD, SSR, ...env } = process.env;
		const root = resolve(import.meta.dirname, '..', '..');
		execFileSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
			cwd: root,
			env: { ...env, SITE_BASE: base, SITE_URL: 'https://example.test', SITE_OUT_DIR: dir },
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		plan = await serveSite({ root: dir, base });
	}, 300_000);
	afterAll(async () => {
		await plan?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it.each(['', 'measures/', 'progress/', 'source/'])('/plan/%s loads every asset from under /plan/', async (path) => {
		const { page, context, errors, blocked } = await openPage(browser(), planSite());
		const failed: string[] = [];
		page.on('response', (response) => {
			if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
		});
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		expect((await page.goto(planSite().url(path)))?.status()).toBe(200);
		expect(failed).toEqual([]);
		expect(requested.filter((pathname) => !pathname.startsWith(base))).toEqual([]);
		expect(await page.evaluate(() => [...document.styleSheets].length)).toBeGreaterThan(0);
		expect(errors).toEqual([]);
		expect(blocked).toEqual([]);
		await context.close();
	});

	it('searches from /plan/search/ and links each result to a page under /plan/', async () => {
		const { page, context, errors } = await openPage(browser(), planSite());
		await page.goto(planSite().url(`search/?q=${encodeURIComponent('电梯')}`));
		const links = page.locator('#search-results > li a');
		await links.first().waitFor();
		const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
		expect(hrefs.length).toBeGreaterThan(0);
		for (const href of hrefs) expect(href).toMatch(/^\/plan\//);
		await links.first().click();
		await page.waitForURL((url) => url.pathname !== '/plan/search/');
		expect(new URL(page.url()).pathname).toMatch(/^\/plan\/(achievements|measures)\/[^/]+\/$/);
		expect(await page.locator('h1').textContent()).not.toBe('页面不存在');
		expect(errors).toEqual([]);
		await context.close();
	});
});
