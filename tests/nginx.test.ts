// deploy/nginx.conf as Debian's nginx runs it (installed with apt-get when the machine lacks it),
// on 127.0.0.1 with its own prefix, pid and logs: the real site at the root of one port and the
// site built for a 专栏 at /fzjs/ on another, with the edits the file's comments ask for. Checks the
// status codes, the security and caching headers (exactly src/quality/headers.ts), the stored
// .gz/.br copies, the site's own 404 page and the slash redirects; then that `npm run preview`
// answers the same requests the same way.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewServer } from '../scripts/preview';
import { contentTypes } from '../scripts/content-types.mjs';
import { adminCspHeader } from '../src/cms/csp';
import { cacheControl, securityHeaders } from '../src/quality/headers';
import { filesIn } from './a11y/site';
import { govsiteBuild, govsiteDist, testDist } from './setup/build-site';

const project = join(import.meta.dirname, '..');
const nginx = '/usr/sbin/nginx';
const brotliModule = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** Debian's nginx and its brotli_static module, installed when missing (CI does the same in .ci/run). */
function ensureNginx() {
	const missing = [!existsSync(nginx) && 'nginx', !existsSync(brotliModule) && 'libnginx-mod-http-brotli-static'].filter(Boolean) as string[];
	if (missing.length === 0) return;
	const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
	const run = (args: string[]) => {
		const result = spawnSync(sudo[0] ?? args[0]!, sudo.length ? args : args.slice(1), { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
	};
	run(['apt-get', 'update']);
	run(['apt-get', 'install', '-y', '--no-install-recommends', ...missing]);
}

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	await new Promise((done) => server.close(done));
	return port;
}

/** Replaces `from` by `to` in the config, where the file must have it exactly once. */
function edit(config: string, from: string, to: string): string {
	const count = config.split(from).length - 1;
	if (count !== 1) throw new Error(`deploy/nginx.conf has "${from}" ${count} times, expected once`);
	return config.replace(from, to);
}

/** deploy/nginx.conf with the edits its comments describe: port, root, sub-path, brotli. */
function deployedConfig({ port, root, base }: { port: number; root: string; base: string }): string {
	let config = readFileSync(join(project, 'deploy/nginx.conf'), 'utf8');
	config = edit(config, 'listen 80;', `listen 127.0.0.1:${port};`);
	// IPv6 may be missing where the test runs; the site itself needs nothing more for it (README).
	config = edit(config, 'listen [::]:80;', '');
	config = edit(config, 'root /var/www/rule-of-law;', `root ${root};`);
	config = edit(config, '# brotli_static on; # BROTLI', 'brotli_static on;');
	if (base !== '/') {
		config = edit(config, '# location = / { return 301 /; } # SITE_BASE', `location = ${base.slice(0, -1)} { return 301 ${base}; }`);
		config = edit(config, 'location ^~ / { # SITE_BASE', `location ^~ ${base} {`);
		config = edit(config, 'error_page 404 /404.html; # SITE_BASE', `error_page 404 ${base}404.html;`);
		config = edit(config, 'location ^~ /admin/ { # SITE_BASE', `location ^~ ${base}admin/ {`);
	}
	return config;
}

interface Response {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

/** One GET, without following redirects or decoding the body. */
const get = (origin: string, path: string, headers: Record<string, string> = {}) =>
	new Promise<Response>((done, fail) => {
		const req = request(`${origin}${path}`, { headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', fail);
		req.end();
	});

const scratch = mkdtempSync(join(tmpdir(), 'nginx-test-'));
let server: ChildProcess | undefined;
let root = '';
let fzjs = '';
const errorLog = join(scratch, 'error.log');

beforeAll(async () => {
	ensureNginx();
	// nginx's workers run as another user when the test runs as root: they must reach the files.
	chmodSync(scratch, 0o755);
	// The 专栏 build sits under root/fzjs/, as the config's comments say.
	mkdirSync(join(scratch, 'www'));
	symlinkSync(govsiteDist, join(scratch, 'www', 'fzjs'));
	const [rootPort, fzjsPort] = [await freePort(), await freePort()];
	writeFileSync(join(scratch, 'root.conf'), deployedConfig({ port: rootPort, root: testDist, base: '/' }));
	writeFileSync(join(scratch, 'fzjs.conf'), deployedConfig({ port: fzjsPort, root: join(scratch, 'www'), base: govsiteBuild.SITE_BASE }));
	const temp = (name: string) => `${name}_temp_path ${join(scratch, name)};`;
	writeFileSync(
		join(scratch, 'nginx.conf'),
		[
			`load_module ${brotliModule};`,
			'worker_processes 1;',
			`pid ${join(scratch, 'nginx.pid')};`,
			`error_log ${errorLog} warn;`,
			'events { worker_connections 64; }',
			`http { access_log off; ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join(' ')}`,
			`include ${join(scratch, 'root.conf')}; include ${join(scratch, 'fzjs.conf')}; }`,
		].join('\n'),
	);
	const args = ['-p', scratch, '-e', errorLog, '-c', join(scratch, 'nginx.conf')];
	execFileSync(nginx, [...args, '-t'], { stdio: 'pipe' });
	server = spawn(nginx, [...args, '-g', 'daemon off;'], { stdio: 'ignore' });
	root = `http://127.0.0.1:${rootPort}`;
	fzjs = `http://127.0.0.1:${fzjsPort}`;
	for (let tries = 0; ; tries++) {
		try {
			await get(root, '/');
			await get(fzjs, '/fzjs/');
			break;
		} catch (error) {
			if (tries > 100 || server.exitCode !== null) throw new Error(`nginx did not start: ${readFileSync(errorLog, 'utf8')}`, { cause: error });
			await sleep(100);
		}
	}
}, 300_000);

afterAll(async () => {
	if (server && server.exitCode === null) {
		const exited = new Promise((done) => server!.once('exit', done));
		server.kill('SIGQUIT');
		await exited;
	}
	rmSync(scratch, { recursive: true, force: true });
});

const asset = (dir: string, pattern: RegExp) => {
	const file = filesIn(dir).find((f) => pattern.test(f));
	if (!file) throw new Error(`no file matching ${pattern} in ${dir}`);
	return file;
};
const typeOf = (file: string) => contentTypes[file.slice(file.lastIndexOf('.')) as keyof typeof contentTypes];

describe('deploy/nginx.conf at the root of a host', () => {
	it.each([
		['/', 200],
		['/measures/', 200],
		['/sitemap/', 200],
		['/favicon.svg', 200],
		['/no-such-page/', 404],
		['/measures', 301],
	])('%s → %i, with exactly the site’s security headers', async (path, status) => {
		const response = await get(root, path);
		expect(response.status).toBe(status);
		for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers[name.toLowerCase()], name).toBe(value);
		expect(response.headers['cache-control']).toBe('no-cache');
		expect(response.headers['server']).toBe('nginx');
	});

	it('adds the missing slash with a relative redirect, keeping the query', async () => {
		expect((await get(root, '/measures')).headers.location).toBe('/measures/');
		expect((await get(root, '/owners/szamr?x=1')).headers.location).toBe('/owners/szamr/?x=1');
	});

	it('answers an unknown address with the site’s own 404 page', async () => {
		const response = await get(root, '/no-such-page/');
		expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(response.body.toString()).toBe(readFileSync(join(testDist, '404.html'), 'utf8'));
	});

	it('caches hashed files for a year, everything else revalidated', async () => {
		const css = asset(testDist, /^_astro\/.+\.css$/);
		expect((await get(root, `/${css}`)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(cacheControl(`/${css}`)).toBe('public, max-age=31536000, immutable');
		expect((await get(root, '/reading-modes.js')).headers['cache-control']).toBe('no-cache');
	});

	it.each([
		['a page', 'measures/index.html', '/measures/'],
		['a stylesheet', '', ''],
		['the open data', 'data/entries.csv', '/data/entries.csv'],
		['Pagefind’s script', 'pagefind/pagefind.js', '/pagefind/pagefind.js'],
	])('sends the stored .br and .gz copies of %s', async (_, fileArg, pathArg) => {
		const file = fileArg || asset(testDist, /^_astro\/.+\.css$/);
		const path = pathArg || `/${file}`;
		for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
			const response = await get(root, path, { 'Accept-Encoding': encoding });
			expect(response.headers['content-encoding'], encoding).toBe(encoding);
			expect(response.headers['vary']).toBe('Accept-Encoding');
			expect(response.body.equals(readFileSync(join(testDist, file + suffix))), `${path} ${encoding}`).toBe(true);
		}
		const plain = await get(root, path);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.equals(readFileSync(join(testDist, file)))).toBe(true);
	});

	// The feed exists only in a build with SITE_URL: it is checked under /fzjs/ below.
	it.each(['index.html', 'data/entries.csv', 'data/entries.json', 'robots.txt', 'favicon.svg', 'reading-modes.js', 'pagefind/pagefind-entry.json'])(
		'/%s has the Content-Type the site’s other servers give it',
		async (file) => {
			expect((await get(root, `/${file}`)).headers['content-type']).toBe(typeOf(file));
		},
	);

	it('serves Pagefind’s compressed index as bytes', async () => {
		const fragment = asset(testDist, /^pagefind\/fragment\/.+\.pf_fragment$/);
		const response = await get(root, `/${fragment}`, { 'Accept-Encoding': 'gzip, br' });
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toBe('application/octet-stream');
		expect(response.headers['content-encoding']).toBeUndefined();
	});
});

describe('deploy/nginx.conf for a 专栏 at /fzjs/', () => {
	it.each([
		['/fzjs/', 200],
		['/fzjs/measures/', 200],
		['/fzjs/no-such-page/', 404],
	])('%s → %i', async (path, status) => {
		const response = await get(fzjs, path);
		expect(response.status).toBe(status);
		expect(response.headers['content-security-policy']).toBe(securityHeaders['Content-Security-Policy']);
	});

	it('gives /fzjs/admin/ the CMS’s own policy, not the public pages’', async () => {
		const response = await get(fzjs, '/fzjs/admin/');
		expect(response.status).toBe(200);
		expect(response.headers['content-security-policy']).toBe(adminCspHeader(undefined));
		expect(response.headers['x-robots-tag']).toBe('noindex, nofollow');
		expect(response.headers['x-content-type-options']).toBe('nosniff');
	});

	it('serves the feed of a build with a public address as XML', async () => {
		const response = await get(fzjs, '/fzjs/feed.xml');
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toBe(typeOf('feed.xml'));
	});

	it('redirects /fzjs and a folder without its slash', async () => {
		expect((await get(fzjs, '/fzjs')).headers.location).toBe('/fzjs/');
		expect((await get(fzjs, '/fzjs/measures')).headers.location).toBe('/fzjs/measures/');
	});

	it('shows the 404 page built for /fzjs/', async () => {
		const body = (await get(fzjs, '/fzjs/no-such-page/')).body.toString();
		expect(body).toBe(readFileSync(join(govsiteDist, '404.html'), 'utf8'));
		expect(body).toContain('href="/fzjs/"');
	});

	it('serves the sub-path build’s hashed files under /fzjs/_astro/ for a year, compressed', async () => {
		const css = asset(govsiteDist, /^_astro\/.+\.css$/);
		const response = await get(fzjs, `/fzjs/${css}`, { 'Accept-Encoding': 'gzip' });
		expect(response.status).toBe(200);
		expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(response.headers['content-encoding']).toBe('gzip');
	});
});

describe('npm run preview', () => {
	let preview: Server | undefined;
	let origin = '';
	beforeAll(async () => {
		preview = previewServer({ root: testDist, base: '/' });
		await new Promise<void>((done) => preview!.listen(0, '127.0.0.1', done));
		origin = `http://127.0.0.1:${(preview.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise((done) => preview?.close(done)));

	const compared = ['content-type', 'content-encoding', 'cache-control', 'location', ...Object.keys(securityHeaders).map((name) => name.toLowerCase())];
	it.each([
		['/', 'br'],
		['/measures/', 'gzip'],
		['/measures', ''],
		['/owners/szamr?x=1', ''],
		['/no-such-page/', ''],
		['/data/entries.csv', 'gzip'],
		['/reading-modes.js', 'br'],
		['/favicon.svg', ''],
	])('answers %s as nginx does', async (path, encoding) => {
		const headers: Record<string, string> = encoding ? { 'Accept-Encoding': encoding } : {};
		const [fromNginx, fromPreview] = [await get(root, path, headers), await get(origin, path, headers)];
		expect(fromPreview.status).toBe(fromNginx.status);
		// nginx's redirect carries a small HTML page of its own; the preview's redirect has no body.
		for (const name of compared.filter((n) => fromNginx.status !== 301 || n !== 'content-type')) expect(fromPreview.headers[name], name).toBe(fromNginx.headers[name]);
		if (fromNginx.status !== 301) expect(fromPreview.body.equals(fromNginx.body)).toBe(true);
	});
});
