// The search page in Chromium against the built site: a deep link runs the search, a filter
// narrows it and stays in the URL, a result opens its page with the term highlighted, and the
// header search box works without JavaScript.
import { expect, it } from 'vitest';
import { openPage, useSite } from './harness';

const { site, browser } = useSite();
// The first search loads Pagefind and its index; on a busy machine that takes a few seconds.
const patience = { timeout: 15_000 };

it('runs the search of a ?q= link, narrows it with a filter kept in the URL, and highlights the term where a result leads', { timeout: 90_000 }, async () => {
	const { page, context, blocked, errors } = await openPage(browser(), site());
	const filterFiles: string[] = [];
	page.on('request', (request) => request.url().includes('/pagefind/filter/') && filterFiles.push(request.url()));
	await page.goto(site().url(`search/?q=${encodeURIComponent('电梯')}`));
	const results = page.locator('#search-results > li');
	await results.first().waitFor();
	expect(await page.inputValue('#search-q')).toBe('电梯');
	expect(await page.locator('#search-status').textContent()).toMatch(/^找到 \d+ 条结果/);
	const all = await results.count();
	expect(all).toBeGreaterThan(1);
	expect(await results.first().locator('mark').first().textContent()).toBe('电梯');

	// The counts need every filter's file: they load when 筛选 opens, not with the first search.
	expect(filterFiles).toEqual([]);
	// Filter: measures only.
	await page.locator('#search-filters summary').click();
	const measures = page.getByRole('checkbox', { name: /^举措/ });
	await expect.poll(() => measures.evaluate((box) => box.parentElement?.textContent), patience).toMatch(/举措\s*（1）/);
	expect(filterFiles.length).toBeGreaterThan(0);
	await measures.check();
	await expect.poll(() => results.count(), patience).toBe(1);
	expect(new URL(page.url()).searchParams.getAll('kind')).toEqual(['举措']);
	expect(await page.locator('#search-status').textContent()).toMatch(/^找到 1 条结果/);

	// The result opens its page, where the browser highlights the term (a text fragment).
	const link = results.first().getByRole('link');
	expect(await link.getAttribute('href')).toMatch(/#:~:text=/);
	await link.click();
	await page.waitForURL(/\/measures\/old-elevator-safety-assessment\//);
	// The highlight is a rendering, not markup: compare the summary with the same page opened plainly.
	const summary = page.locator('.entry-summary');
	const plain = await openPage(browser(), site());
	await plain.page.goto(site().url('measures/old-elevator-safety-assessment/'));
	const unmarked = await plain.page.locator('.entry-summary').screenshot();
	await expect.poll(async () => (await summary.screenshot()).equals(unmarked), patience).toBe(false);
	await plain.context.close();

	// Back on the search page, the URL still holds the query and the filter.
	await page.goBack();
	await results.first().waitFor();
	expect(await page.getByRole('checkbox', { name: /^举措/ }).isChecked()).toBe(true);
	expect(await results.count()).toBe(1);
	expect(blocked).toEqual([]);
	expect(errors).toEqual([]);
	await context.close();
});

it('leaves the counts out when their files fail to download, and shows them when 筛选 opens again', { timeout: 60_000 }, async () => {
	const { page, context, errors } = await openPage(browser(), site());
	let aborted = 0;
	// The first filter file fails, as on a dropped connection; later requests go through.
	await page.route('**/pagefind/filter/**', (route) => (aborted++ === 0 ? route.abort() : route.fallback()));
	await page.goto(site().url(`search/?q=${encodeURIComponent('电梯')}`));
	await page.locator('#search-results > li').first().waitFor(patience);
	const status = await page.locator('#search-status').textContent();
	const summary = page.locator('#search-filters summary');
	const count = page.getByRole('checkbox', { name: /^举措/ }).locator('xpath=..').locator('.search-count');
	const failed = page.waitForEvent('requestfailed', patience);
	await summary.click();
	await failed;
	// Let the page settle on the failure: the counts stay empty, the results and status stand.
	await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
	expect(await count.textContent()).toBe('');
	expect(await page.locator('#search-status').textContent()).toBe(status);
	await summary.click();
	await summary.click();
	await expect.poll(() => count.textContent(), patience).toBe('（1）');
	// The browser and Pagefind log the aborted download; the page itself throws nothing.
	expect(errors.filter((error) => !error.startsWith('console:'))).toEqual([]);
	expect(errors.some((error) => error.includes('/pagefind/filter/'))).toBe(true);
	await context.close();
});

it('finds for a traditional query what its simplified form finds, with an excerpt from the entry\'s own words', async () => {
	const { page, context, errors } = await openPage(browser(), site());
	const titles = async (query: string) => {
		await page.goto(site().url(`search/?q=${encodeURIComponent(query)}`));
		await page.locator('#search-results > li').first().waitFor(patience);
		return page.locator('#search-results > li h2').allTextContents();
	};
	const simplified = await titles('老旧电梯');
	expect(await titles('老舊電梯')).toEqual(simplified);
	const first = page.locator('#search-results > li').first();
	expect(await first.locator('mark').first().textContent()).toBe('老旧电梯');
	expect(await first.locator('.search-meta').textContent()).toMatch(/^举措 · \d{4}年 · .+报告 · \S+ · 责任单位：\S+$/);
	const excerpt = (await first.locator('.search-excerpt').textContent()) ?? '';
	expect(excerpt).toContain('老旧电梯');
	// Headings of the entry page, the task list's glyphs and Pagefind's block joins stay out.
	expect(excerpt).not.toMatch(/报告原文|具体任务|进展记录|关键词|[○✓]|\S\. /);
	expect(errors).toEqual([]);
	await context.close();
});

it('says so when nothing matches, and lists nothing', async () => {
	const { page, context, errors } = await openPage(browser(), site());
	await page.goto(site().url(`search/?q=${encodeURIComponent('火星电梯')}`));
	await expect.poll(() => page.locator('#search-status').textContent(), patience).toMatch(/^没有找到与“火星电梯”相关的结果/);
	expect(await page.locator('#search-results > li').count()).toBe(0);
	expect(errors).toEqual([]);
	await context.close();
});

it('searches as the query is typed and keeps the URL shareable', async () => {
	const { page, context } = await openPage(browser(), site());
	await page.goto(site().url('search/'));
	await page.fill('#search-q', '苏小检');
	await expect.poll(() => page.locator('#search-results > li h2').first().textContent(), patience).toBe('“苏小检在行动”民生项目');
	expect(new URL(page.url()).searchParams.get('q')).toBe('苏小检');
	await context.close();
});

it('submits the header search box to /search/?q= without JavaScript', async () => {
	const { page, context, blocked } = await openPage(browser(), site(), { javaScriptEnabled: false });
	await page.goto(site().url('achievements/'));
	await page.fill('#site-search-q', '免罚轻罚');
	await page.press('#site-search-q', 'Enter');
	await page.waitForURL(/\/search\/\?q=/);
	const url = new URL(page.url());
	expect(url.pathname).toBe(`${site().base}search/`);
	expect(url.searchParams.get('q')).toBe('免罚轻罚');
	expect(await page.locator('main').textContent()).toContain('搜索需要启用 JavaScript');
	expect(blocked).toEqual([]);
	await context.close();
});

it('loads Pagefind on the search page only, and on the main thread', async () => {
	const { page, context } = await openPage(browser(), site());
	const requested: string[] = [];
	page.on('request', (request) => requested.push(new URL(request.url()).pathname));
	await page.goto(site().url('measures/old-elevator-safety-assessment/'));
	await page.goto(site().url('achievements/'));
	expect(requested.filter((path) => path.includes('pagefind') || path.endsWith('.js') && !path.endsWith('reading-modes.js'))).toEqual([]);
	await page.goto(site().url(`search/?q=${encodeURIComponent('12315')}`));
	await page.locator('#search-results > li').first().waitFor();
	expect(requested.some((path) => path.endsWith('/pagefind/pagefind.js'))).toBe(true);
	expect(requested.filter((path) => path.endsWith('pagefind-worker.js'))).toEqual([]);
	await context.close();
});
