/**
 * `npm run preview` (and `npm start` after the build): serves the built site on 127.0.0.1 as
 * deploy/nginx.conf does — under the base path the build used (SITE_BASE), with the same security
 * and caching headers (src/quality/headers.ts), the stored .br/.gz copies, a redirect that adds a
 * folder's missing slash, and the site's own 404 page. Files are served by sirv (the static server
 * Vite's own preview uses); this script only maps the base path and the 404.
 *
 *   DIST_DIR / SITE_OUT_DIR   the built site (default ./dist)   PORT (4321)   HOST (127.0.0.1)
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import sirv from 'sirv';
import { gitLabBackend } from '../src/cms/backend';
import { adminCspHeader } from '../src/cms/csp';
import { cacheControl, securityHeaders } from '../src/quality/headers';
import { contentTypes } from './content-types.mjs';

const typeOf = (path: string) => contentTypes[extname(path) as keyof typeof contentTypes] ?? 'application/octet-stream';

/** A server for the site built in `root` under `base` (e.g. `/` or `/fzjs/`); not yet listening. */
export function previewServer({ root, base }: { root: string; base: string }): Server {
	const adminCsp = adminCspHeader(gitLabBackend(process.env));
	const serve = () =>
		sirv(root, {
			gzip: true,
			brotli: true,
			etag: true,
			setHeaders(response, pathname) {
				// sirv finds /measures/ as measures/index.html; the type is the file's, not the compressed copy's.
				response.setHeader('Content-Type', typeOf(pathname.endsWith('/') || !extname(pathname) ? 'index.html' : pathname));
				response.setHeader('Cache-Control', cacheControl(pathname));
			},
		});
	// sirv lists the files and their sizes once. `npm run build` puts a new folder in dist/'s place;
	// with the old list a page added was not found and a page that got shorter was sent with its old
	// length (the browser waited for the rest), so a new folder is listed again.
	let served: { folder: number; files: ReturnType<typeof sirv> } | undefined;
	const files = () => {
		const folder = statSync(root, { throwIfNoEntry: false })?.ino;
		if (folder === undefined) return undefined;
		if (served?.folder !== folder) served = { folder, files: serve() };
		return served.files;
	};
	const isFolder = (path: string) => {
		const full = resolve(root, path);
		return full.startsWith(resolve(root)) && existsSync(full) && statSync(full).isDirectory();
	};
	return createServer((request, response) => {
		for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
		const { pathname, search } = new URL(request.url ?? '/', 'http://localhost');
		// /admin/ (the CMS, for `npm run edit`) has a policy of its own, as in _headers.
		if (pathname.startsWith(`${base}admin/`)) response.setHeader('Content-Security-Policy', adminCsp);
		const inside = pathname.startsWith(base) ? decodeURIComponent(pathname.slice(base.length)) : undefined;
		if (inside === undefined && `${pathname}/` === base) {
			response.writeHead(301, { Location: base }).end();
			return;
		}
		// A folder asked for without its slash: the one address every page links to.
		if (inside !== undefined && inside !== '' && !inside.endsWith('/') && isFolder(inside)) {
			response.writeHead(301, { Location: `${pathname}/${search}`, 'Cache-Control': 'no-cache' }).end();
			return;
		}
		const notFound = () => {
			response.writeHead(404, { 'Content-Type': typeOf('404.html'), 'Cache-Control': 'no-cache' });
			createReadStream(join(root, '404.html')).pipe(response);
		};
		if (inside === undefined) return notFound();
		request.url = `/${inside}${search}`;
		const serveFiles = files();
		// Between the build's two renames there is no dist/ for a moment.
		if (!serveFiles) {
			response.writeHead(503, { 'Content-Type': contentTypes['.txt'], 'Retry-After': '1' }).end('网站正在重新生成，请稍后刷新。');
			return;
		}
		serveFiles(request, response, notFound);
	});
}

if (import.meta.filename === process.argv[1]) {
	const root = resolve(process.env['DIST_DIR'] ?? process.env['SITE_OUT_DIR'] ?? 'dist');
	const base = (process.env['SITE_BASE'] ?? '/').replace(/\/?$/, '/');
	const port = Number(process.env['PORT'] ?? 4321);
	const host = process.env['HOST'] ?? '127.0.0.1';
	if (!existsSync(join(root, 'index.html'))) {
		console.error(`${root} 中没有生成好的网站：请先运行 npm run build`);
		process.exit(1);
	}
	const server = previewServer({ root, base });
	server.listen(port, host, () => console.log(`网站已启动：http://${host}:${port}${base}`));
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
}
