// Every internal link, asset and #anchor of the built site resolves; the checker itself catches
// what it is meant to catch.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenLinks, htmlPages } from './a11y/site';
import { testDist } from './setup/build-site';

describe('links in the built site', () => {
	it('has pages to check', () => {
		expect(htmlPages(testDist).length).toBeGreaterThan(50);
	});

	it('has no internal link, asset or #anchor that points nowhere', () => {
		expect(brokenLinks(testDist)).toEqual([]);
	});
});

describe('the link checker', () => {
	const dir = mkdtempSync(join(tmpdir(), 'links-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const write = (file: string, body: string) => {
		mkdirSync(join(dir, file, '..'), { recursive: true });
		writeFileSync(join(dir, file), `<!doctype html><html lang="zh-CN"><body>${body}</body></html>`);
	};
	write('index.html', '<h1 id="top">首页</h1><a href="/a/">好</a><a href="/a/#here">好</a><a href="#top">好</a><a href="https://other.example/">外站</a>');
	write('a/index.html', '<p id="here">a</p><a href="/missing/">坏</a><a href="/a">无斜杠</a><a href="/#nowhere">坏锚点</a><a href="#">空</a>');

	it('reports missing pages, folders without their slash, missing anchors and empty links, and skips other hosts', () => {
		expect(brokenLinks(dir)).toEqual([
			'/a/: <a href> "/missing/" points to no file',
			'/a/: <a href> "/a" points to no file (a folder: the URL needs its trailing slash)',
			'/a/: <a href> "/#nowhere": index.html has no id="nowhere"',
			'/a/: <a href> "#" goes nowhere',
		]);
	});

	it('holds links to the base of a sub-path deploy', () => {
		expect(brokenLinks(dir, '/plan/')).toContain('/plan/: <a href> "/a/" is outside the base /plan/');
	});
});
