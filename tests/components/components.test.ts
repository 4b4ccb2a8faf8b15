// Components rendered on their own with Astro's Container API, each example checked for what it
// says and run through axe (WCAG 2.2 A and AA) in a jsdom document. Colour contrast needs a real
// layout engine, so it is left to the browser tests (tests/e2e/a11y.e2e.ts), which run axe with
// every rule in Chromium.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AxeResults, RunOptions } from 'axe-core';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import ListPagination from '../../src/components/ListPagination.astro';
import ProgressBar from '../../src/components/ProgressBar.astro';
import StackedBar from '../../src/components/StackedBar.astro';
import StatusBadge from '../../src/components/StatusBadge.astro';
import { listPagination, progressBar, stackedBar, statusBadge, type Example } from './examples';

let container: AstroContainer;
beforeAll(async () => {
	container = await AstroContainer.create();
});

// axe runs inside the jsdom window (the test itself runs in Node, where Astro renders).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const options: RunOptions = {
	runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
	rules: { 'color-contrast': { enabled: false } },
};

async function violations(html: string) {
	const dom = new JSDOM(`<!doctype html><html lang="zh-CN"><head><title>组件示例</title></head><body><main><h1>组件示例</h1>${html}</main></body></html>`, { runScripts: 'outside-only' });
	dom.window.eval(axeSource);
	const axe = (dom.window as unknown as { axe: { run(context: unknown, options: RunOptions): Promise<AxeResults> } }).axe;
	const result = await axe.run(dom.window.document, options);
	dom.window.close();
	return result.violations.map((v) => `${v.id}: ${v.help}`);
}

const cases = [
	['StatusBadge', StatusBadge, statusBadge],
	['ProgressBar', ProgressBar, progressBar],
	['StackedBar', StackedBar, stackedBar],
	['ListPagination', ListPagination, listPagination],
] as const;

describe.each(cases)('%s', (_, component, examples) => {
	it.each((examples as readonly Example<Record<string, unknown>>[]).map((e) => [e.name, e] as const))('%s: says what it must and passes axe', async (_, example) => {
		const html = await container.renderToString(component, { props: example.props });
		for (const text of example.says) expect(html).toContain(text);
		if (example.says.length === 0) expect(html.replace(/<!--[\s\S]*?-->|<style[\s\S]*?<\/style>/g, '').trim()).toBe('');
		expect(await violations(html)).toEqual([]);
	});
});

it('catches what axe is there to catch', async () => {
	expect(await violations('<img src="x.png"><a href="/x/"></a>')).toEqual(expect.arrayContaining([expect.stringMatching(/^image-alt:/), expect.stringMatching(/^link-name:/)]));
});
