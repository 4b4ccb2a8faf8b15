// `npm run preview` while `npm run build` replaces dist/: the server serves the new folder's files
// (it used to keep the old folder's list: a page added was not found, and a page that got shorter
// was sent with its old length, so the browser waited for the rest), and answers 503 in the moment
// between the build's two renames.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewServer } from '../scripts/preview';

const scratch = mkdtempSync(join(tmpdir(), 'preview-'));
const root = join(scratch, 'dist');

/** A built site in `folder`: its pages, by path, and a 404 page. */
function site(folder: string, pages: Record<string, string>) {
	for (const [path, text] of Object.entries({ ...pages, '404.html': '<p>找不到</p>' })) {
		mkdirSync(join(folder, path, '..'), { recursive: true });
		writeFileSync(join(folder, path), text);
	}
}

let server: Server;
let origin = '';
beforeAll(async () => {
	site(root, { 'index.html': '<p>第一次生成的首页，比第二次的长。</p>', 'measures/index.html': '<p>第一次生成的举措</p>' });
	server = previewServer({ root, base: '/' });
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise((done) => server.close(done));
	rmSync(scratch, { recursive: true, force: true });
});

// A request that is never answered fails here instead of hanging the test.
const get = (path: string) => fetch(`${origin}${path}`, { signal: AbortSignal.timeout(5_000) });

describe('npm run preview while the site is rebuilt', () => {
	it('serves the new dist/ after a build put it in the old one\'s place', async () => {
		expect(await (await get('/measures/')).text()).toContain('第一次生成');
		const next = join(scratch, '.dist.building');
		site(next, { 'index.html': '<p>第二次生成</p>', 'measures/index.html': '<p>第二次生成的举措</p>', 'reports/index.html': '<p>第二次生成的报告</p>' });
		renameSync(root, join(scratch, '.dist.previous'));
		renameSync(next, root);
		rmSync(join(scratch, '.dist.previous'), { recursive: true });
		for (const path of ['/', '/measures/', '/reports/']) {
			const response = await get(path);
			expect(response.status, path).toBe(200);
			expect(await response.text(), path).toContain('第二次生成');
		}
	});

	it('answers 503 with a Chinese message while there is no dist/', async () => {
		renameSync(root, join(scratch, '.dist.away'));
		try {
			const response = await get('/');
			expect(response.status).toBe(503);
			expect(response.headers.get('retry-after')).toBe('1');
			expect(await response.text()).toBe('网站正在重新生成，请稍后刷新。');
		} finally {
			renameSync(join(scratch, '.dist.away'), root);
		}
		expect((await get('/')).status).toBe(200);
	});
});
