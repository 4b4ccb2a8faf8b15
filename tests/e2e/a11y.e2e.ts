// Accessibility in Chromium, with the site's own CSP in force: axe-core (WCAG 2.2 A/AA) on every
// page, nothing loaded from another host and no console error; then on one page of each type:
// contrast in dark and more-contrast modes, a keyboard-only walk, 360 px without horizontal
// scrolling (also in 长者模式 and 高对比度), 200% text without clipping, and the 长者模式 and
// 高对比度 switches (axe in each mode, kept across pages, hidden without JavaScript).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, keyboardWalk, notFoundPath, pageTypes, sitePaths } from '../a11y/browser';
import { openPage, siteBase, siteDir, useSite } from './harness';

const { site, browser } = useSite();
const paths = sitePaths(siteDir, siteBase);
const types = pageTypes(paths);
const label = (path: string) => `/${decodeURIComponent(path)}`;
/** Opens a page and waits until it shows what it is for: the search page its results. */
const visit = async (page: Page, path: string) => {
	const response = await page.goto(site().url(path));
	if (path.startsWith('search/?q=')) await page.locator('#search-results > li').first().waitFor();
	return response;
};
// The one console error a 404 page must have: the browser reports the status of the page itself.
const ownStatus = (errors: string[]) => errors.filter((e) => !/status of 404/.test(e));

describe('every page', () => {
	it('includes the page types the site has', () => {
		expect(paths.length).toBeGreaterThan(50);
		for (const type of ['', 'achievements/', 'measures/', 'owners/', 'source/', 'progress/', 'search/', 'accessibility/']) expect(paths).toContain(type);
	});

	it.each(paths.map((path) => [label(path), path] as const))('%s: no axe violation, nothing from another host, no console error', async (_, path) => {
		const { page, context, blocked, errors } = await openPage(browser(), site());
		const response = await visit(page, path);
		expect(response?.status()).toBe(path === notFoundPath ? 404 : 200);
		expect(await axeViolations(page)).toEqual([]);
		expect(blocked).toEqual([]);
		expect(path === notFoundPath ? ownStatus(errors) : errors).toEqual([]);
		await context.close();
	});
});

type Media = { colorScheme?: 'dark'; contrast?: 'more' };
describe.each<[string, Media]>([
	['dark mode', { colorScheme: 'dark' }],
	['more contrast', { contrast: 'more' }],
	['more contrast, dark', { colorScheme: 'dark', contrast: 'more' }],
])('%s', (_, media) => {
	it.each(types.map((path) => [label(path), path] as const))('%s keeps 4.5:1 contrast and passes axe', async (_, path) => {
		const { page, context } = await openPage(browser(), site(), media);
		await visit(page, path);
		expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(media.colorScheme === 'dark');
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});
});

describe('keyboard only', () => {
	it.each(types.map((path) => [label(path), path] as const))(
		'%s: skip link first, every control reachable with a visible focus ring, no trap',
		async (_, path) => {
			const { page, context } = await openPage(browser(), site(), { viewport: { width: 1280, height: 800 } });
			await visit(page, path);
			const { focusable, stops } = await keyboardWalk(page, 600);
			expect(stops[0]?.element).toBe('<a> 跳到正文');
			expect(stops.filter((stop) => !stop.ring || !stop.inView)).toEqual([]);
			// Every control, in order, each once; the walk then leaves the page (no trap).
			expect(stops.map((stop) => stop.index)).toEqual(focusable.map((_, index) => index));
			await context.close();
		},
		120_000,
	);

	it('axe and the walk catch what they are meant to catch', async () => {
		const { page, context } = await openPage(browser(), site());
		await visit(page, 'accessibility/');
		await page.evaluate(() => {
			const main = document.querySelector('main')!;
			main.insertAdjacentHTML('beforeend', '<img src="favicon.svg"><p><span id="faint">浅色文字</span></p><div id="trap" tabindex="0">陷阱</div>');
			document.getElementById('faint')!.style.color = '#cccccc';
			// A keyboard trap: Tab on this element always comes back to it.
			document.getElementById('trap')!.addEventListener('keydown', (event) => event.key === 'Tab' && event.preventDefault());
		});
		const violations = await axeViolations(page);
		expect(violations.some((v) => v.startsWith('image-alt'))).toBe(true);
		expect(violations.some((v) => v.startsWith('color-contrast #faint'))).toBe(true);
		const { focusable, stops } = await keyboardWalk(page, 80);
		expect(focusable.length).toBeLessThan(60);
		expect(stops.length).toBe(80);
		expect(stops.map((stop) => stop.index)).not.toEqual(focusable.map((_, index) => index));
		await context.close();
	});

	it('skip link moves focus to the main content', async () => {
		const { page, context } = await openPage(browser(), site());
		await page.goto(site().url('measures/'));
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))).toBe(true);
		await context.close();
	});
});

describe('small screens and large text', () => {
	it.each(types.map((path) => [label(path), path] as const))('%s: no horizontal scrolling at 360 px, also in 长者模式', async (_, path) => {
		const { page, context } = await openPage(browser(), site(), { viewport: { width: 360, height: 740 } });
		await visit(page, path);
		const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(await overflow()).toBe(0);
		for (const modes of [['large-text'], ['high-contrast'], ['large-text', 'high-contrast']]) {
			await page.evaluate((names) => {
				document.documentElement.classList.remove('large-text', 'high-contrast');
				document.documentElement.classList.add(...names);
			}, modes);
			expect(await overflow(), modes.join(' + ')).toBe(0);
		}
		await context.close();
	});

	it.each(types.map((path) => [label(path), path] as const))('%s: at 200% text size nothing is cut off', async (_, path) => {
		const { page, context } = await openPage(browser(), site(), { viewport: { width: 1280, height: 800 } });
		// The browser's own text-size setting (Chrome: Settings › Appearance › Font size), doubled.
		const cdp = await context.newCDPSession(page);
		await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
		await visit(page, path);
		expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBe(32);
		const clipped = await page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('body *')]
				.filter((el) => !el.closest('.visually-hidden, .skip-link') && el.checkVisibility())
				.filter((el) => {
					const style = getComputedStyle(el);
					const clipsX = /hidden|clip/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
					const clipsY = /hidden|clip/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
					return clipsX || clipsY || style.textOverflow === 'ellipsis';
				})
				.map((el) => `<${el.localName} class="${el.className}">`),
		);
		expect(clipped).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
		await context.close();
	});
});

describe('长者模式', () => {
	it('is a keyboard-operable switch that enlarges the text and stays on from page to page', async () => {
		const { page, context, errors } = await openPage(browser(), site());
		await page.goto(site().url());
		const button = page.locator('#large-text');
		const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
		expect(await button.isVisible()).toBe(true);
		expect(await button.getAttribute('aria-pressed')).toBe('false');
		expect(await rootSize()).toBe(16);

		await button.focus();
		await page.keyboard.press('Space');
		expect(await button.getAttribute('aria-pressed')).toBe('true');
		expect(await rootSize()).toBe(24);

		await page.goto(site().url('measures/'));
		expect(await page.locator('#large-text').getAttribute('aria-pressed')).toBe('true');
		expect(await rootSize()).toBe(24);
		expect(await axeViolations(page)).toEqual([]);

		await page.locator('#large-text').press('Enter');
		await page.goto(site().url('source/'));
		expect(await rootSize()).toBe(16);
		expect(await page.locator('#large-text').getAttribute('aria-pressed')).toBe('false');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('widens the lines and paragraphs as well as the text', async () => {
		const { page, context } = await openPage(browser(), site());
		await page.goto(site().url('accessibility/'));
		const spacing = () =>
			page.evaluate(() => {
				const p = getComputedStyle(document.querySelector('main p')!);
				return { size: parseFloat(p.fontSize), line: parseFloat(p.lineHeight), after: parseFloat(p.marginBlockEnd) };
			});
		expect(await spacing()).toEqual({ size: 16, line: 28, after: 16 });
		await page.locator('#large-text').click();
		expect(await spacing()).toEqual({ size: 24, line: 48, after: 30 });
		await context.close();
	});

	it('shows no switch, and the normal size and colours, without JavaScript', async () => {
		const { page, context } = await openPage(browser(), site(), { javaScriptEnabled: false });
		await page.goto(site().url());
		expect(await page.locator('#large-text').isHidden()).toBe(true);
		expect(await page.locator('#high-contrast').isHidden()).toBe(true);
		expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBe(16);
		expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(255, 255, 255)');
		await context.close();
	});
});

describe('高对比度', () => {
	const colours = (page: Page) => page.evaluate(() => ({ text: getComputedStyle(document.body).color, background: getComputedStyle(document.documentElement).backgroundColor }));

	it('is a switch that turns the page white on black, kept from page to page, whatever the system scheme', async () => {
		// Light system scheme: the switch does not depend on the OS setting.
		const { page, context, errors } = await openPage(browser(), site(), { colorScheme: 'light' });
		await page.goto(site().url());
		const button = page.locator('#high-contrast');
		expect(await button.isVisible()).toBe(true);
		expect(await button.getAttribute('aria-pressed')).toBe('false');
		expect(await colours(page)).toEqual({ text: 'rgb(26, 26, 26)', background: 'rgb(255, 255, 255)' });

		await button.focus();
		await page.keyboard.press('Enter');
		expect(await button.getAttribute('aria-pressed')).toBe('true');
		expect(await colours(page)).toEqual({ text: 'rgb(255, 255, 255)', background: 'rgb(0, 0, 0)' });

		await page.goto(site().url('measures/'));
		expect(await page.locator('#high-contrast').getAttribute('aria-pressed')).toBe('true');
		expect(await colours(page)).toEqual({ text: 'rgb(255, 255, 255)', background: 'rgb(0, 0, 0)' });
		// 长者模式 is a separate switch: turning it on keeps high contrast.
		await page.locator('#large-text').click();
		await page.goto(site().url('source/'));
		expect(await page.evaluate(() => document.documentElement.className)).toMatch(/(?=.*large-text)(?=.*high-contrast)/);

		await page.locator('#high-contrast').press('Space');
		await page.goto(site().url());
		expect(await colours(page)).toEqual({ text: 'rgb(26, 26, 26)', background: 'rgb(255, 255, 255)' });
		expect(await page.locator('#large-text').getAttribute('aria-pressed')).toBe('true');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('prints black on white', async () => {
		const { page, context } = await openPage(browser(), site());
		await page.goto(site().url());
		await page.locator('#high-contrast').click();
		await page.emulateMedia({ media: 'print' });
		expect(await colours(page)).toEqual({ text: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' });
		await context.close();
	});

	describe.each([
		['高对比度', ['high-contrast']],
		['长者模式', ['large-text']],
		['高对比度 and 长者模式', ['high-contrast', 'large-text']],
	])('%s', (_, modes) => {
		it.each(types.map((path) => [label(path), path] as const))('%s passes axe, contrast included', async (_, path) => {
			const { page, context } = await openPage(browser(), site());
			// Set as the switches leave it, before the page loads: the script reads it in <head>.
			await context.addInitScript((names) => names.forEach((name) => localStorage.setItem(name, '1')), modes);
			await visit(page, path);
			expect(await page.evaluate(() => document.documentElement.className.split(' ').sort())).toEqual(['js', ...modes].sort());
			expect(await axeViolations(page)).toEqual([]);
			await context.close();
		});
	});
});
