// Serves the built site from dist/ on 127.0.0.1 with the base path the build used.
// Astro's own preview server would do, but this one has no dependency and exits cleanly.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { contentTypes } from './content-types.mjs';

const root = join(import.meta.dirname, '..', 'dist');
const base = (process.env.SITE_BASE ?? '/').replace(/\/?$/, '/');
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';

if (!existsSync(root)) {
	console.error('dist/ 不存在：请先运行 npm run build');
	process.exit(1);
}

/** Maps a request path to a file in dist/, or undefined when there is none. */
function resolve(pathname) {
	if (!pathname.startsWith(base)) return undefined;
	const relative = normalize(decodeURIComponent(pathname.slice(base.length))).replace(/^(\.\.[/\\])+/, '');
	let file = join(root, relative);
	if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
	return existsSync(file) ? file : undefined;
}

const server = createServer((request, response) => {
	const { pathname } = new URL(request.url ?? '/', 'http://localhost');
	const file = resolve(pathname);
	// A directory URL without its trailing slash redirects, as static hosts do.
	if (!file && !pathname.endsWith('/') && resolve(pathname + '/')) {
		response.writeHead(301, { Location: pathname + '/' }).end();
		return;
	}
	const status = file ? 200 : 404;
	const path = file ?? join(root, '404.html');
	response.writeHead(status, { 'Content-Type': contentTypes[extname(path)] ?? 'application/octet-stream' });
	createReadStream(path).pipe(response);
});

server.listen(port, host, () => {
	console.log(`网站已启动：http://${host}:${port}${base}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
