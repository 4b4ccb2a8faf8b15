// The check never crashes and never stops early: each way a file can fail to be read or parsed
// is put beside an ordinary mistake in another file, and both must be reported — the failure as
// one Chinese line naming its file. Links are never followed: what they point at never shows.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { invalidCases, invalidFixtures } from '../src/tooling/contributing';
import { formatProblem } from '../src/tooling/problems';
import { validateContent } from '../src/tooling/validate';

const projectRoot = join(import.meta.dirname, '..');
const fixtures = join(projectRoot, invalidFixtures);
const scratch = mkdtempSync(join(tmpdir(), 'never-crash-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ordinary = invalidCases(projectRoot).find((c) => c.name === 'unknown-owner')!;
const achievements = 'reports/2023/achievements';
const secret = '这是 content/ 之外的机密文字';

let trees = 0;
/** The base with the ordinary mistake, then `inject` run on its content folder; the check's lines. */
function checkWith(inject: (content: string) => void): string[] {
	const root = join(scratch, `tree-${(trees += 1)}`);
	cpSync(join(fixtures, '_base'), root, { recursive: true });
	cpSync(join(fixtures, ordinary.name, 'content'), join(root, 'content'), { recursive: true });
	writeFileSync(join(root, 'outside.mdx'), `---\ntitle: ${secret}\n---\n\n${secret}\n`);
	inject(join(root, 'content'));
	return validateContent(join(root, 'content')).map(formatProblem);
}

const failures: [string, (content: string) => void, RegExp][] = [
	['a dangling symbolic link', (c) => symlinkSync('no-such-file.mdx', join(c, achievements, 'dangling.mdx')), /dangling\.mdx {2}文件 {2}这是一个符号链接/],
	['a symbolic link loop', (c) => {
		symlinkSync('loop-b.mdx', join(c, achievements, 'loop-a.mdx'));
		symlinkSync('loop-a.mdx', join(c, achievements, 'loop-b.mdx'));
	}, /loop-a\.mdx {2}文件 {2}这是一个符号链接/],
	['a folder linked into itself', (c) => symlinkSync('..', join(c, achievements, 'again')), /again {2}文件 {2}这是一个符号链接/],
	['a link to a file outside content/', (c) => symlinkSync(join(c, '..', 'outside.mdx'), join(c, achievements, 'outside.mdx')), /outside\.mdx {2}文件 {2}这是一个符号链接/],
	['a link in place of a report text', (c) => {
		rmSync(join(c, 'reports/2023/report.txt'));
		symlinkSync(join(c, '..', 'outside.mdx'), join(c, 'reports/2023/report.txt'));
	}, /reports\/2023\/report\.txt {2}文件 {2}这是一个符号链接/],
	['a named pipe, which would block a reader forever', (c) => execFileSync('mkfifo', [join(c, achievements, 'pipe.mdx')]), /pipe\.mdx {2}文件 {2}这不是普通文件/],
	['a YAML alias bomb', (c) => writeFileSync(join(c, 'reports/2023/sections', 'bomb.yaml'), `name: 单位\na: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 9 }, (_, i) => `b${i}: &b${i} [${Array(10).fill(i ? `*b${i - 1}` : '*a').join(', ')}]`).join('\n')}\n`), /bomb\.yaml:2 {2}YAML {2}YAML 中用了锚点 &a/],
	['brackets nested a hundred thousand deep', (c) => writeFileSync(join(c, 'reports/2023/sections', 'deep.yaml'), `title: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`), /deep\.yaml:1 {2}title {2}YAML 语法错误：括号嵌套太深/],
	['random bytes', (c) => writeFileSync(join(c, achievements, 'binary.mdx'), Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /binary\.mdx:\d+ {2}文件 {2}文件不是 UTF-8 编码/],
];

describe('the check beside a failure in another file', { timeout: 60_000 }, () => {
	it.each(failures)('reports %s and the ordinary mistake', (_, inject, line) => {
		const lines = checkWith(inject);
		expect(lines).toEqual(expect.arrayContaining(ordinary.expected));
		expect(lines.some((l) => line.test(l)), lines.join('\n')).toBe(true);
		expect(lines.join('\n')).not.toContain(secret);
	});
});
