// The pages that only exist at scale, in Chromium: the site built from 1,000 generated entries
// (scripts/bench/generate.ts) passes axe (WCAG 2.2 A/AA) and fits 360 px on its paged lists, as
// the published site does on every page (a11y.e2e.ts).
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../a11y/browser';
import { buildGeneratedSite, scratchFolder } from '../setup/isolated-build';
import { openPage, useSite } from './harness';

const scratch = scratchFolder('.test-scale');
const root = join(scratch, 'dist');

beforeAll(() => {
	buildGeneratedSite(scratch, root);
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const { site, browser } = useSite({ root, base: '/' });

/** One page of each list that is paged at scale, and the pages that link them. */
const paths = [
	'achievements/',
	'achievements/2023/',
	'achievements/2023/2/',
	'measures/2024/',
	'figures/',
	'figures/2023/',
	'owners/szamr/',
	'owners/szamr/2023/',
	'owners/szamr/2023/2/',
	'progress/',
	'progress/late/',
	'progress/late/2/',
	'source/',
];

describe('the paged pages of a 1,000-entry site', () => {
	it.each(paths)('/%s: no axe violation, no horizontal scrolling at 360 px', async (path) => {
		expect(existsSync(join(root, path, 'index.html')), `${path} was not built`).toBe(true);
		const { page, context, blocked, errors } = await openPage(browser(), site(), { viewport: { width: 360, height: 740 } });
		expect((await page.goto(site().url(path)))?.status()).toBe(200);
		expect(await axeViolations(page)).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
