// `npm run import` as staff run it: a report in GB18030 or Word becomes an edition that passes the
// check and builds with no edit; an existing edition, an empty or a binary file changes nothing.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedBuild, scratchFolder } from './setup/isolated-build';

const project = process.cwd();
const fixtures = join(project, 'tests/fixtures/import');
const copy = mkdtempSync(join(tmpdir(), 'import-cli-'));
const content = join(copy, 'content');
const edition = (id: string) => join(content, 'reports', id);

function run(script: string, args: readonly string[]) {
	const result = spawnSync(process.execPath, [join(project, 'node_modules/tsx/dist/cli.mjs'), script, ...args], {
		cwd: project,
		env: { ...process.env, CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
		encoding: 'utf8',
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const importReport = (...args: string[]) => run('scripts/import.ts', args);
const entryNames = (id: string) => ['achievements', 'measures'].flatMap((kind) => (existsSync(join(edition(id), kind)) ? readdirSync(join(edition(id), kind)) : [])).sort();

beforeAll(() => {
	cpSync(join(project, 'content'), content, { recursive: true });
	cpSync(join(fixtures, 'content/owners'), join(content, 'owners'), { recursive: true });
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('npm run import', { timeout: 120_000 }, () => {
	it('imports a GB18030 report that passes the check, and lists its guesses with file and line', () => {
		const { status, stdout, stderr } = importReport(join(fixtures, 'cn-paren-enumeration.gb18030.txt'), '--id', '2024');
		expect(status, stderr).toBe(0);
		expect(stdout).toContain('编码 GB18030');
		expect(stdout).toContain('计划年份 2025：来自标题“2025年工作打算”');
		expect(stdout).toMatch(/^\S*reports\/2024\/achievements\/[a-z0-9-]+\.mdx:\d+ {2}标题 {2}取自原文：/m);
		expect(stdout).toMatch(/^\S*reports\/2024\/achievements\/[a-z0-9-]+\.mdx:\d+ {2}状态 {2}ongoing（持续推进）：文中有“正在”/m);
		expect(readFileSync(join(edition('2024'), 'report.txt'), 'utf8')).toBe(`${readFileSync(join(fixtures, 'styles/cn-paren-enumeration.txt'), 'utf8').trim()}\n`);
		const check = run('scripts/check.ts', ['--content-only', content]);
		expect(check.status, check.stderr).toBe(0);
	});

	it('refuses to overwrite an edition without --force, and changes nothing', () => {
		const before = entryNames('2024');
		const yaml = readFileSync(join(edition('2024'), 'report.yaml'), 'utf8');
		writeFileSync(join(edition('2024'), 'report.yaml'), `${yaml}# 工作人员的修改\n`);
		const { status, stderr } = importReport(join(fixtures, 'styles/cn-paren-enumeration.txt'), '--id', '2024');
		expect(status).toBe(1);
		expect(stderr).toContain('报告 2024 已经存在');
		expect(stderr).toContain('--force');
		expect(readFileSync(join(edition('2024'), 'report.yaml'), 'utf8')).toContain('# 工作人员的修改');
		expect(entryNames('2024')).toEqual(before);
	});

	it('replaces it with --force, keeping every entry’s file name', () => {
		const before = entryNames('2024');
		const { status, stdout, stderr } = importReport(join(fixtures, 'styles/cn-paren-enumeration.txt'), '--id', '2024', '--force');
		expect(status, stderr).toBe(0);
		expect(stdout).toContain('已替换报告 2024');
		expect(entryNames('2024')).toEqual(before);
		expect(readFileSync(join(edition('2024'), 'report.yaml'), 'utf8')).not.toContain('# 工作人员的修改');
	});

	it('prints a dry run of a Word file and writes nothing', async () => {
		const lines = readFileSync(join(fixtures, 'next-year.txt'), 'utf8').trim().split('\n');
		const docx = join(copy, 'next-year.docx');
		writeFileSync(docx, await Packer.toBuffer(new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] })));
		const dry = importReport(docx, '--id', '2025', '--dry-run');
		expect(dry.status, dry.stderr).toBe(0);
		expect(dry.stdout).toContain('编码 Word（.docx）');
		expect(dry.stdout).toMatch(/=== \S*reports\/2025\/report\.yaml\n/);
		expect(dry.stdout).toContain('试运行（--dry-run）');
		expect(existsSync(edition('2025'))).toBe(false);
		const real = importReport(docx, '--id', '2025');
		expect(real.status, real.stderr).toBe(0);
		expect(readFileSync(join(edition('2025'), 'report.txt'), 'utf8')).toBe(`${lines.join('\n')}\n`);
		expect(run('scripts/check.ts', ['--content-only', content]).status).toBe(0);
	});

	it.each([
		['an empty file', Buffer.alloc(0), '文件是空的'],
		['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]), '这不是文本文件'],
	])('refuses %s in Chinese and writes nothing', (name, bytes, message) => {
		const file = join(copy, `${name.replace(/\W/g, '-')}.txt`);
		writeFileSync(file, bytes);
		const { status, stdout, stderr } = importReport(file, '--id', '2026');
		expect(status).toBe(1);
		expect(stderr).toContain(message);
		expect(stdout).toBe('');
		expect(existsSync(edition('2026'))).toBe(false);
	});

	it('refuses an id that is not the year the report’s heading sums up', () => {
		const { status, stderr } = importReport(join(fixtures, 'styles/cn-paren-enumeration.txt'), '--id', '2027');
		expect(status).toBe(1);
		expect(stderr).toContain('标题“2024年工作总结”说总结的是 2024 年，但 --id 是 2027');
		expect(existsSync(edition('2027'))).toBe(false);
	});

	it('refuses a summary year that is not the report’s id', () => {
		const { status, stderr } = importReport(join(fixtures, 'no-headings.txt'), '--id', '2026', '--summary-year', '2027');
		expect(status).toBe(1);
		expect(stderr).toContain('--summary-year 2027 与 --id 2026 不一致');
	});
});

describe('an imported edition, built with no edit', () => {
	const scratch = scratchFolder('.test-import');
	const dist = join(scratch, 'dist');
	beforeAll(() => {
		const { status, output } = isolatedBuild(scratch, { CONTENT_DIR: content, SITE_OUT_DIR: dist, PROGRESS_TODAY: '2025-06-30' });
		if (status !== 0) throw new Error(`build with imported editions failed:\n${output}`);
	}, 300_000);
	afterAll(() => rmSync(scratch, { recursive: true, force: true }));

	it('publishes the edition’s page, its entries and its text', () => {
		expect(readFileSync(join(dist, 'reports/2024/index.html'), 'utf8')).toContain('<h2 id="part-measure">2025年工作打算</h2>');
		expect(readFileSync(join(dist, 'achievements/2024/index.html'), 'utf8')).toContain('营商环境持续优化');
		expect(readFileSync(join(dist, 'source/2024/index.html'), 'utf8')).toContain('一是推进登记注册便利化改革，新设经营主体超过1.2万户。');
		for (const name of entryNames('2024').filter((n) => n.endsWith('.mdx'))) {
			const kind = existsSync(join(edition('2024'), 'achievements', name)) ? 'achievements' : 'measures';
			expect(existsSync(join(dist, kind, name.replace('.mdx', ''), 'index.html')), name).toBe(true);
		}
		expect(existsSync(join(dist, 'reports/2025/index.html'))).toBe(true);
	});
});
