// The commands staff run: `npm run check`, `npm run new`, and `npm run build`, which publishes
// nothing when the content is broken and leaves the previous site in place.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidCases, invalidFixtures } from '../src/tooling/contributing';
import { isPlaceholderProblem } from '../src/tooling/placeholders';
import { writeScaffold } from '../src/tooling/scaffold';
import { validateContent } from '../src/tooling/validate';

const projectRoot = join(import.meta.dirname, '..');
const fixtures = join(projectRoot, invalidFixtures);
const scratch = mkdtempSync(join(tmpdir(), 'check-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A content tree: the valid base with the given example folders laid over it. */
function tree(name: string, overlays: readonly string[], parent = scratch): string {
	const root = join(parent, name);
	cpSync(join(fixtures, '_base'), root, { recursive: true });
	for (const overlay of overlays) cpSync(join(fixtures, overlay, 'content'), join(root, 'content'), { recursive: true });
	return join(root, 'content');
}

/** Runs a TypeScript script the way `npm run` does (tsx on the project's Node). */
function run(script: string, args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
	const cwd = options.cwd ?? projectRoot;
	const result = spawnSync(process.execPath, [join(cwd, 'node_modules/tsx/dist/cli.mjs'), script, ...args], {
		cwd,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
		encoding: 'utf8',
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check', { timeout: 60_000 }, () => {
	it('prints every problem with the summary and fails', () => {
		const [first, second] = invalidCases(projectRoot).filter((c) => c.name === 'unknown-owner' || c.name === 'not-utf8');
		const root = tree('check-broken', [first!.name, second!.name]);
		const { status, stderr } = run('scripts/check.ts', ['--content-only', root]);
		expect(status).toBe(1);
		for (const line of [...first!.expected, ...second!.expected]) expect(stderr).toContain(line);
		expect(stderr).toContain('内容检查未通过：2 个文件中共有 2 个问题');
	});

	it('passes good content', () => {
		const { status, stdout } = run('scripts/check.ts', ['--content-only', tree('check-good', [])]);
		expect(status).toBe(0);
		expect(stdout).toContain('内容检查通过');
	});

	it('writes each problem as a failed case of a JUnit report, for the merge request', () => {
		const [broken] = invalidCases(projectRoot).filter((c) => c.name === 'unknown-owner');
		const report = join(scratch, 'reports', 'check.xml');
		const { status } = run('scripts/check.ts', ['--content-only', '--report', report, tree('check-report', [broken!.name])]);
		expect(status).toBe(1);
		const xml = readFileSync(report, 'utf8');
		expect(xml).toMatch(/<testsuite name="内容检查（npm run check）" tests="1" failures="1"/);
		const [line] = broken!.expected;
		const failure = /<failure message="([^"]*)"/.exec(xml)?.[1];
		expect(failure?.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(line);
	});
});

describe('npm run new', { timeout: 60_000 }, () => {
	const root = tree('new', []);
	const measures = join(root, 'reports', '2023', 'measures');

	/** The check's problems, each required to be a placeholder the scaffold left (and nothing else). */
	const onlyPlaceholders = (content: string, file: string) => {
		const problems = validateContent(content);
		expect(problems.length).toBeGreaterThan(0);
		for (const problem of problems) {
			expect(problem.path.endsWith(file), problem.message).toBe(true);
			expect(isPlaceholderProblem(problem), problem.message).toBe(true);
		}
	};

	it('writes a commented measure whose only problems are its placeholders, and says how many', () => {
		const { status, stdout } = run('scripts/new.ts', ['measure', 'new-measure', '--root', root]);
		expect(status, stdout).toBe(0);
		expect(stdout).toContain('已创建');
		expect(stdout).toMatch(/把文件中 \d+ 处“待填写”换成报告原文/);
		const text = readFileSync(join(measures, 'new-measure.mdx'), 'utf8');
		expect(text).toMatch(/^---\n# /);
		expect(text).toContain('# 责任单位：');
		expect(text).toContain('# 状态：举措的状态；有进展记录时必须与最新一条进展记录的状态相同。可选：planned（未启动）');
		onlyPlaceholders(root, 'new-measure.mdx');
	});

	it('writes an achievement in the latest report’s folder, complete but for its placeholders', () => {
		const own = tree('new-achievement', []);
		const path = writeScaffold({ kind: 'achievement', slug: 'new-achievement', contentRoot: own });
		expect(path).toBe(join(own, 'reports', '2023', 'achievements', 'new-achievement.mdx'));
		expect(readFileSync(path, 'utf8')).toMatch(/^status: done$/m);
		onlyPlaceholders(own, 'new-achievement.mdx');
	});

	it('takes the next free order in the chosen section', () => {
		const own = tree('new-order', []);
		const path = writeScaffold({ kind: 'measure', slug: 'in-section', contentRoot: own, section: '2024-1-1' });
		expect(readFileSync(path, 'utf8')).toMatch(/^section: 2024-1-1\n(?:#.*\n)*order: 3$/m);
		onlyPlaceholders(own, 'in-section.mdx');
	});

	it('refuses to overwrite, even a file of the same name in another report', () => {
		const file = join(measures, 'fair-competition-review-2024.mdx');
		const before = readFileSync(file, 'utf8');
		const again = run('scripts/new.ts', ['measure', 'fair-competition-review-2024', '--root', root]);
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('content/reports/2023/measures/fair-competition-review-2024.mdx 已经存在，不会覆盖');
		expect(readFileSync(file, 'utf8')).toBe(before);
		expect(() => writeScaffold({ kind: 'measure', slug: 'another', contentRoot: root, report: '2024' })).toThrow('没有报告 2024；现有的报告：2023');
		expect(existsSync(join(root, 'reports', '2024'))).toBe(false);
	});

	it('refuses a file name that cannot be a URL, and an unknown section', () => {
		expect(() => writeScaffold({ kind: 'measure', slug: '公平竞争', contentRoot: root })).toThrow('不能用作网址');
		expect(() => writeScaffold({ kind: 'measure', slug: 'nowhere', contentRoot: root, section: '2024-9' })).toThrow('报告 2023 没有 2024-9 这个举措部分');
		expect(existsSync(join(measures, 'nowhere.mdx'))).toBe(false);
	});
});

describe('npm run build', { timeout: 180_000 }, () => {
	const workspace = join(scratch, 'workspace');
	beforeAll(() => {
		// A private copy of the project: a build writes Astro's caches and .astro/ next to its config,
		// and must not disturb the real project's builds running at the same time.
		mkdirSync(workspace);
		for (const file of ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(projectRoot, file), join(workspace, file), { recursive: true });
		symlinkSync(join(projectRoot, 'node_modules'), join(workspace, 'node_modules'), 'dir');
		writeFileSync(join(workspace, 'astro.test.config.mjs'), "import config from './astro.config.mjs';\nexport default { ...config, cacheDir: './.astro-cache/' };\n");
	});
	const dist = join(workspace, 'site');
	const previousSite = () => {
		rmSync(dist, { recursive: true, force: true });
		mkdirSync(dist);
		writeFileSync(join(dist, 'index.html'), '<p>previous site</p>');
	};
	const leftovers = () => readdirSync(workspace).filter((name) => name.startsWith('.site.'));
	const build = (content: string, args: string[] = ['--config', 'astro.test.config.mjs']) =>
		run('scripts/build.ts', args, { cwd: workspace, env: { CONTENT_DIR: content, DIST_DIR: dist } });

	it('fails on a broken file, names it, and leaves the previous site untouched', () => {
		previousSite();
		const broken = invalidCases(projectRoot).find((c) => c.name === 'yaml-fullwidth-colon')!;
		const { status, stderr } = build(tree('build-broken', [broken.name], workspace));
		expect(status).toBe(1);
		for (const line of broken.expected) expect(stderr).toContain(line);
		expect(stderr).toContain('网站没有生成');
		expect(readdirSync(dist)).toEqual(['index.html']);
		expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('<p>previous site</p>');
		expect(leftovers()).toEqual([]);
	});

	it('leaves the previous site untouched when Astro itself fails', () => {
		previousSite();
		const { status, stderr } = build(tree('build-astro-fails', [], workspace), ['--config', 'no-such-config.mjs']);
		expect(status).not.toBe(0);
		expect(stderr).toContain('网站生成失败');
		expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('<p>previous site</p>');
		expect(leftovers()).toEqual([]);
	});

	it('replaces the site when the content is good, and shows HTML in fields as text', () => {
		previousSite();
		const content = tree('.', ['_html-in-fields'], workspace);
		const { status, stdout, stderr } = build(content);
		expect(status, stderr).toBe(0);
		expect(stdout).toContain('网站已生成');
		expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toContain('previous site');
		expect(leftovers()).toEqual([]);

		const page = readFileSync(join(dist, 'achievements', 'html-in-fields', 'index.html'), 'utf8');
		expect(page).toContain('<h1');
		expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		// Markup anywhere outside an attribute value would run; inside a quoted value it is text.
		const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(?:html|xml)$/.test(f));
		for (const file of pages) {
			const markup = readFileSync(join(dist, file), 'utf8').replace(/="[^"]*"/g, '=""');
			expect(markup, file).not.toMatch(/<script>alert|<img src=x|<iframe src=javascript|<b onmouseover/);
		}
	});
});
