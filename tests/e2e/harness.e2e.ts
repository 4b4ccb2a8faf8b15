// The harness itself: the built site is served on 127.0.0.1 and nothing loads from another host.
import { expect, it } from 'vitest';
import { openPage, useSite } from './harness';

const { site, browser } = useSite();

it('serves the home page in Chinese, without errors or requests to other hosts', async () => {
	const { page, context, blocked, errors } = await openPage(browser(), site());
	const response = await page.goto(site().url());
	expect(response?.status()).toBe(200);
	expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
	expect(blocked).toEqual([]);
	expect(errors).toEqual([]);
	await context.close();
});

it('blocks and records a request to another host', async () => {
	const { page, context, blocked } = await openPage(browser(), site());
	// A blank page: the site's own pages forbid such a request in their CSP before it is even made.
	await page.goto('about:blank');
	await page.evaluate(() => fetch('https://example.com/').catch(() => undefined));
	expect(blocked).toEqual(['https://example.com/']);
	await context.close();
});

it('answers a missing page with the 404 page', async () => {
	const { page, context } = await openPage(browser(), site());
	const response = await page.goto(site().url('no-such-page/'));
	expect(response?.status()).toBe(404);
	await context.close();
});
