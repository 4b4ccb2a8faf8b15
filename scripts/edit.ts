/**
 * `npm run edit`: the web form (/admin/) on this machine, for editing without a GitLab sign-in.
 * Builds the site when dist/ has no /admin/ yet, serves it on 127.0.0.1 (a secure context, so the
 * browser lets the CMS open a local folder) and prints the steps in Chinese.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { editSteps } from '../src/cms/edit-steps';

const projectRoot = join(import.meta.dirname, '..');
const base = (process.env['SITE_BASE'] ?? '/').replace(/\/?$/, '/');
const port = process.env['PORT'] ?? '4321';

if (!existsSync(join(projectRoot, 'dist', 'admin', 'index.html'))) {
	console.log('dist/ 中还没有网页编辑页面，先生成网站（需要几分钟）……');
	const build = spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(projectRoot, 'scripts', 'build.ts')], { stdio: 'inherit', cwd: projectRoot });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

const address = `http://127.0.0.1:${port}${base}admin/`;
console.log(['', '在本机用网页表单编辑：', ...editSteps(address).map((step, index) => `  ${index + 1}. ${step}`), ''].join('\n'));
spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(projectRoot, 'scripts', 'preview.ts')], { stdio: 'inherit', env: { ...process.env, PORT: port, HOST: '127.0.0.1' } });
