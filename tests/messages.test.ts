// The messages for the mistakes staff make most when editing by hand: a Chinese status word, a
// comma or colon inside `{ … }`, a Chinese comma inside `[…]`, `.nan` for a figure. Each is
// made in a copy of the checker's valid base and must give its own explanation.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureStatus } from '../src/schemas/status';
import { invalidFixtures } from '../src/tooling/contributing';
import { formatProblem } from '../src/tooling/problems';
import { validateContent } from '../src/tooling/validate';

const base = join(import.meta.dirname, '..', invalidFixtures, '_base');
const scratch = mkdtempSync(join(tmpdir(), 'messages-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const filesUnder = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));

let trees = 0;
/** The problems of the base with the first match of `from` in its measures replaced. */
function checkEdited(from: RegExp, to: string): string[] {
	const root = join(scratch, `tree-${(trees += 1)}`);
	cpSync(base, root, { recursive: true });
	const measure = filesUnder(join(root, 'content')).find((file) => file.endsWith('.mdx') && /\nactions:/.test(readFileSync(file, 'utf8')) && from.test(readFileSync(file, 'utf8')));
	expect(measure, `a measure of the base matching ${from}`).toBeDefined();
	const source = readFileSync(measure!, 'utf8');
	writeFileSync(measure!, source.replace(from, to));
	const path = relative(root, measure!).split('\\').join('/');
	return validateContent(join(root, 'content'))
		.map(formatProblem)
		.map((line) => line.replace(path, '<file>'));
}

describe('a status written in Chinese', () => {
	it.each([
		['已完成', 'done'],
		['完成', 'done'],
		['推进中', 'in-progress'],
		['进行中', 'in-progress'],
		['延期', 'delayed'],
		['In Progress', 'in-progress'],
	])('%s suggests %s', (written, meant) => {
		const message = measureStatus.safeParse(written).error?.issues[0]?.message;
		expect(message).toContain(`是不是想写 ${meant}（`);
	});

	it('suggests nothing for a word that means no one status', () => {
		expect(measureStatus.safeParse('finished').error?.issues[0]?.message).not.toContain('是不是想写');
	});

	it('reaches the check with the file and line', () => {
		const [line] = checkEdited(/^status: planned$/m, 'status: 已完成');
		expect(line).toMatch(/^<file>:7  status  举措、任务和进展记录的状态 "已完成" 不存在；是不是想写 done（已完成）？/);
	});
});

describe('a comma or colon inside { … }', () => {
	it('explains a half-width comma that split a value into an unknown field', () => {
		const lines = checkEdited(/title: 健全公平竞争审查长效机制, status: planned/, 'title: 健全公平竞争审查,长效机制, status: planned');
		expect(lines).toEqual([
			expect.stringMatching(/^<file>:\d+  actions\[1\]  “长效机制”被当成了字段名：\{ \} 中的英文半角逗号 , 把上一个字段的值分成了两段/),
		]);
	});

	it('explains a colon and space in a value, in Chinese', () => {
		const lines = checkEdited(/title: 健全公平竞争审查长效机制, status: planned/, 'title: 任务: 健全公平竞争审查长效机制, status: planned');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^<file>:\d+  YAML  YAML 语法错误：\{ \} 或 \[ \] 中的值里有“英文冒号加空格”/);
		expect(lines[0]).not.toMatch(/Block collections/);
	});
});

describe('a Chinese comma inside […]', () => {
	it('is flagged on the item it joined', () => {
		const lines = checkEdited(/^tags: \[公平竞争审查, 反垄断, 反不正当竞争\]$/m, 'tags: [公平竞争审查，反垄断, 反不正当竞争]');
		expect(lines).toEqual([
			'<file>:9  tags[0]  关键词“公平竞争审查，反垄断”中有中文逗号“，”，会被当作一项，而不是 2 项（各项之间用英文半角逗号加空格分隔，例如 [公平竞争审查, 反垄断]；或每项一行，以“- ”开头）',
		]);
	});
});

describe('.nan as a figure', () => {
	it('says what YAML made of it, not "数字 NaN"', () => {
		const lines = checkEdited(/^continues:/m, 'metrics:\n  - label: 测试\n    value: .nan\n    unit: 件\ncontinues:');
		expect(lines.join('\n')).toContain('“.nan”（YAML 把它读作“不是数字”）');
		expect(lines.join('\n')).not.toContain('数字 NaN');
	});
});

describe('the scaffold', () => {
	it('shows items with fields in the block style, never the one-line { … } form', async () => {
		const { scaffold } = await import('../src/tooling/scaffold');
		const root = join(scratch, 'scaffold');
		cpSync(base, root, { recursive: true });
		const { content } = scaffold({ kind: 'measure', slug: 'new-measure', contentRoot: join(root, 'content') });
		expect(content).toContain('# actions:\n#   - title: （任务内容）\n#     status: planned\nactions: []');
		expect(content).toContain('#   - date: （记录日期）\n#     status: planned\n#     note: （进展说明）');
		expect(content).not.toMatch(/- \{/);
	});
});
