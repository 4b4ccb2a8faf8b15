/**
 * Browser-test harness: the built site, served on 127.0.0.1, driven by Debian's Chromium through
 * playwright-core. Shared by the search, accessibility and quality browser tests.
 *
 * Exports
 * - `siteDir`, `siteBase`: the folder the e2e build lives in (`.e2e-dist/`, or `E2E_SITE_DIR`) and
 *   the base path it was built with (`SITE_BASE`, default `/`).
 * - `buildSite()`: builds the site into `siteDir` (tests/e2e/setup.ts runs it once per test run,
 *   holding `<siteDir>.lock` so that overlapping runs wait for each other; `E2E_REUSE=1` skips the
 *   build when `siteDir` already holds one).
 * - `serveSite({ root, base })`: an in-process static server on 127.0.0.1 with a random port;
 *   returns `{ origin, url(path), close() }`. `url('search/?q=x')` puts the base in front.
 * - `launchBrowser()`: headless Chromium (`CHROMIUM_PATH`, default /usr/bin/chromium) with the
 *   flags the project allows; Playwright gives every launch a fresh temporary user-data-dir.
 * - `openPage(browser, site, options)`: a new context and page that block every request to
 *   another host and record it; returns `{ page, context, blocked, errors }` where `errors`
 *   collects uncaught page errors and console errors. Pass `{ javaScriptEnabled: false }` or any
 *   other Playwright context option.
 * - `useSite()`: Vitest lifecycle helper — starts the server and the browser in `beforeAll`, stops
 *   them in `afterAll`, and returns getters `{ site(), browser() }`.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { contentTypes } from '../../scripts/content-types.mjs';

const projectRoot = resolve(import.meta.dirname, '..', '..');

export const siteDir = resolve(projectRoot, process.env.E2E_SITE_DIR ?? '.e2e-dist');
export const siteBase = (process.env.SITE_BASE ?? '/').replace(/\/?$/, '/');

/** Builds the site into `siteDir` with Astro (through the project's Node), failing loudly. */
export function buildSite() {
	if (process.env.E2E_REUSE === '1' && existsSync(join(siteDir, 'index.html'))) return;
	execFileSync(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
		cwd: projectRoot,
		env: { ...process.env, SITE_OUT_DIR: siteDir, SITE_BASE: siteBase },
		stdio: ['ignore', 'ignore', 'inherit'],
	});
}

export interface Site {
	/** `http://127.0.0.1:<port>` */
	origin: string;
	base: string;
	/** An absolute URL of a path inside the site: `url('search/?q=电梯')`. */
	url(path?: string): string;
	close(): Promise<void>;
}

/** Serves a built site as a static host would: directory index, trailing-slash redirect, 404 page. */
export async function serveSite({ root = siteDir, base = siteBase }: { root?: string; base?: string } = {}): Promise<Site> {
	if (!existsSync(join(root, 'index.html'))) throw new Error(`No built site in ${root}: run the e2e build first`);
	const fileFor = (pathname: string) => {
		if (!pathname.startsWith(base)) return undefined;
		const relative = normalize(decodeURIComponent(pathname.slice(base.length))).replace(/^(\.\.[/\\])+/, '');
		let file = join(root, relative);
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		return existsSync(file) && statSync(file).isFile() ? file : undefined;
	};
	const server = createServer((request, response) => {
		const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
		const file = fileFor(pathname);
		if (!file && !pathname.endsWith('/') && fileFor(`${pathname}/`)) {
			response.writeHead(301, { Location: `${pathname}/` }).end();
			return;
		}
		const path = file ?? join(root, '404.html');
		const stream = createReadStream(path);
		stream.on('error', () => response.writeHead(500).end(`Cannot read ${path}`));
		stream.on('open', () => {
			response.writeHead(file ? 200 : 404, { 'Content-Type': contentTypes[extname(path) as keyof typeof contentTypes] ?? 'application/octet-stream' });
			stream.pipe(response);
		});
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		base,
		url: (path = '') => origin + base + path.replace(/^\//, ''),
		close: () =>
			new Promise<void>((done, fail) => {
				server.closeAllConnections();
				server.close((error) => (error ? fail(error) : done()));
			}),
	};
}

/** Flags for a quiet, offline, sandbox-free headless Chromium (the machine runs as root). */
export const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
	const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium`);
	return chromium.launch({ executablePath, args: chromiumArgs, headless: true });
}

export interface OpenedPage {
	page: Page;
	context: BrowserContext;
	/** URLs of requests to any other host, which were blocked. The site must make none. */
	blocked: string[];
	/** Uncaught exceptions and console errors on the page. */
	errors: string[];
}

/** A fresh context and page that may only talk to the site's own origin. */
export async function openPage(browser: Browser, site: Site, options: BrowserContextOptions = {}): Promise<OpenedPage> {
	const context = await browser.newContext({ locale: 'zh-CN', ...options });
	const blocked: string[] = [];
	const errors: string[] = [];
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith(`${site.origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
		blocked.push(url);
		return route.abort('blockedbyclient');
	});
	const page = await context.newPage();
	page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	return { page, context, blocked, errors };
}

/** Starts the site and the browser for one test file and stops them afterwards. */
export function useSite(options: { root?: string; base?: string } = {}) {
	let site: Site | undefined;
	let browser: Browser | undefined;
	beforeAll(async () => {
		site = await serveSite(options);
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await site?.close();
	});
	return {
		site: () => site ?? fail('site'),
		browser: () => browser ?? fail('browser'),
	};
}

function fail(what: string): never {
	throw new Error(`The ${what} is not started: call useSite() at the top of the test file`);
}
