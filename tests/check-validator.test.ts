// The content check: one broken file per kind of mistake (tests/fixtures/invalid/<case>/), each
// giving exactly its expected Chinese lines, and every problem of every file in a single run.
import { cpSync, existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { invalidCases, invalidFixtures } from '../src/tooling/contributing';
import { firstNonUtf8Line } from '../src/tooling/content-files';
import { formatProblem } from '../src/tooling/problems';
import { closest, editDistance } from '../src/tooling/suggest';
import { impossibleDay, validateContent } from '../src/tooling/validate';

const fixtures = join(import.meta.dirname, '..', invalidFixtures);
const scratch = mkdtempSync(join(tmpdir(), 'check-validator-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A content tree: the valid base with the given cases' files laid over it. */
function tree(name: string, cases: readonly string[]): string {
	const root = join(scratch, name);
	cpSync(join(fixtures, '_base'), root, { recursive: true });
	for (const c of cases) cpSync(join(fixtures, c, 'content'), join(root, 'content'), { recursive: true });
	return join(root, 'content');
}

/** A printed line without its trailing （allowed …） group. */
function withoutAllowed(line: string): string {
	if (!line.endsWith('）')) return line;
	let depth = 0;
	for (let i = line.length - 1; i >= 0; i--) {
		if (line[i] === '）') depth++;
		if (line[i] === '（' && --depth === 0) return line.slice(0, i);
	}
	return line;
}

const lines = (contentRoot: string) => validateContent(contentRoot).map(formatProblem);
const caseTrees = new Map<string, string>();
/** The tree of one case, built once. */
const caseTree = (name: string) => caseTrees.get(name) ?? caseTrees.set(name, tree(name, [name])).get(name)!;
const cases = invalidCases(join(import.meta.dirname, '..'));

describe('content check', { timeout: 30_000 }, () => {
	it('passes the real content', () => {
		expect(lines(join(import.meta.dirname, '..', 'content'))).toEqual([]);
	});

	it('passes the base the broken examples are laid over', () => {
		expect(lines(tree('base', []))).toEqual([]);
	});

	it('has a broken example for every kind of mistake the issue lists', () => {
		const required = [
			'unknown-field', 'missing-field', 'wrong-type', 'bad-status', 'unknown-owner', 'unknown-section', 'unknown-partner', 'missing-continues',
			'duplicate-slug', 'duplicate-order', 'impossible-date', 'invalid-date', 'updates-out-of-order', 'status-not-latest-update', 'year-not-folder',
			'metric-not-number', 'empty-body', 'mdx-syntax', 'not-utf8', 'yaml-fullwidth-colon', 'yaml-unclosed-bracket', 'outside-folder', 'html-in-body',
			// The gate's rules and the attacks it stops (issue 13).
			'update-in-future', 'done-with-open-task', 'parent-cycle', 'scaffold-placeholder', 'body-link-javascript', 'body-link-entities', 'body-link-data',
			'body-link-vbscript', 'symlink-outside', 'symlink-dangling', 'symlink-loop', 'yaml-anchor', 'yaml-alias-bomb', 'status-chinese-word', 'flow-comma',
			'flow-colon', 'tags-chinese-comma', 'metric-nan', 'metric-negative', 'sentence-missing', 'sentence-repeated', 'sentence-not-in-report',
			'number-not-in-report', 'metric-not-in-body',
		];
		expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(required));
		expect(cases.length).toBeGreaterThanOrEqual(50);
		for (const c of cases) expect(c.expected.length, c.name).toBeGreaterThan(0);
	});

	it.each(cases.map((c) => [c.name, c] as const))('%s: prints exactly the expected lines', (name, { expected }) => {
		expect(lines(caseTree(name))).toEqual(expected);
	});

	it.each(cases.map((c) => [c.name, c] as const))('%s: each line names the file, the field and the problem in Chinese', (_, { name, expected }) => {
		for (const line of expected) {
			const [where = '', field = '', message = ''] = line.split('  ');
			const file = where.replace(/:\d+$/, '');
			// The file is one of the case's own files (a link is never followed, an empty file is still
			// one), the file it clashes with, or a file it lacks, in a folder of the case.
			const path = join(caseTree(name), '..', file);
			expect(lstatSync(path, { throwIfNoEntry: false }) !== undefined || (message.includes('缺少') && existsSync(dirname(path))), line).toBe(true);
			expect(field, line).toMatch(/^(?:[A-Za-z][\w]*(?:\[\d+\])?(?:\.[A-Za-z]\w*(?:\[\d+\])?)*|文件|正文|YAML|frontmatter)$/);
			expect(message, line).toMatch(/[\u4e00-\u9fff]/);
		}
	});

	it('reports every problem of every broken file in one run', () => {
		// What is allowed depends on the other files (the orders in use, the ids to choose from), so
		// the combined run is compared without the final （…） part.
		const all = lines(tree('all', cases.map((c) => c.name))).map(withoutAllowed);
		const expected = [...new Set(cases.flatMap((c) => c.expected))].map(withoutAllowed);
		expect(all.toSorted()).toEqual(expected.toSorted());
	});

	it('suggests the nearest field for a typo, and lists the fields allowed', () => {
		const [line] = cases.find((c) => c.name === 'unknown-field')?.expected ?? [];
		expect(line).toContain('未知字段 tag，是不是想写 tags？');
		expect(line).toContain('可用的字段：title、year、section、order、owner');
	});

	it('suggests the field a Chinese field name stands for', () => {
		const root = tree('chinese-key', []);
		const file = join(root, 'reports', '2023', 'measures', 'fair-competition-review-2024.mdx');
		writeFileSync(file, readFileSync(file, 'utf8').replace('title:', '标题:'));
		expect(lines(root)).toEqual([
			'content/reports/2023/measures/fair-competition-review-2024.mdx:1  title  缺少必填字段 title（标题）（简短的中文标题，2 至 30 个字。）',
			expect.stringMatching(/^content\/reports\/2023\/measures\/fair-competition-review-2024\.mdx:2 {2}标题 {2}未知字段 标题，是不是想写 title？/),
		]);
	});

	it('lists the allowed statuses with their Chinese labels', () => {
		const [line] = cases.find((c) => c.name === 'bad-status')?.expected ?? [];
		expect(line).toContain('planned（未启动）、in-progress（推进中）、done（已完成）、delayed（滞后）、cancelled（已取消）');
	});

	it('counts lines from the top of the file with a BOM and Windows line ends', () => {
		const root = tree('crlf', []);
		const file = join(root, 'reports', '2023', 'measures', 'windows-notepad.mdx');
		const source = readFileSync(join(fixtures, 'bad-status', 'content', 'reports', '2023', 'measures', 'bad-status.mdx'), 'utf8');
		writeFileSync(file, `\uFEFF${source.replace(/\n/g, '\r\n')}`);
		expect(lines(root).filter((line) => line.includes('windows-notepad'))).toEqual([
			expect.stringMatching(/^content\/reports\/2023\/measures\/windows-notepad\.mdx:7 {2}status {2}/),
			expect.stringMatching(/^content\/reports\/2023\/measures\/windows-notepad\.mdx:12 {2}actions\[1\]\.status {2}/),
		]);
	});

	it('reports a body problem at its line in the file, below the frontmatter', () => {
		const root = tree('body-line', []);
		const file = join(root, 'reports', '2023', 'achievements', 'late-brace.mdx');
		const frontmatter = readFileSync(join(root, 'reports', '2023', 'achievements', 'offline-no-reason-returns.mdx'), 'utf8').split('---\n\n')[0];
		writeFileSync(file, `${frontmatter}---\n\n第一段。\n\n第二段。\n\n第三段有 <b>标签</b>。\n`.replace('order: 1', 'order: 7'));
		const bodyStart = `${frontmatter}---\n\n`.split('\n').length;
		expect(lines(root)).toEqual([expect.stringContaining(`late-brace.mdx:${bodyStart + 4}  正文  正文中有 HTML 或组件标签 <b>`)]);
	});
});

describe('helpers', () => {
	it('knows which days do not exist', () => {
		expect(impossibleDay('2024-02-29')).toBeUndefined();
		expect(impossibleDay('2023-02-29')).toBe('2023 年 2 月只有 28 天');
		expect(impossibleDay('2024-04-31')).toBe('2024 年 4 月只有 30 天');
		expect(impossibleDay('2024-13-01')).toBe('没有 13 月');
		expect(impossibleDay('2024-01-00')).toBe('没有 0 日');
		expect(impossibleDay('2024/01/01')).toBeUndefined();
	});

	it('counts a swap of two letters as one edit', () => {
		expect(editDistance('titel', 'title')).toBe(1);
		expect(editDistance('staus', 'status')).toBe(1);
		expect(closest('ownr', ['owner', 'order', 'title'])).toEqual(['owner']);
		expect(closest('statuses', ['status', 'title'])).toEqual(['status']);
		expect(closest('xyz', ['owner', 'title'])).toEqual([]);
	});

	it('finds the first line that is not UTF-8', () => {
		const gbk = Uint8Array.from([...new TextEncoder().encode('title: ok\nyear: 2024\n'), 0xb9, 0xab, 0x0a]);
		expect(firstNonUtf8Line(new TextEncoder().encode('标题: 好\n'))).toBeUndefined();
		expect(firstNonUtf8Line(gbk)).toBe(3);
	});
});
