// Valid files written in the ways editors and systems write them — Windows line ends, a BOM,
// comments, quoted keys and values, blank lines before the first `---` — pass the check with no
// problem. (The progress fixture, built by tests/progress-site.test.ts, holds such a file too.)
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { invalidFixtures } from '../src/tooling/contributing';
import { formatProblem } from '../src/tooling/problems';
import { validateContent } from '../src/tooling/validate';

const base = join(import.meta.dirname, '..', invalidFixtures, '_base');
const scratch = mkdtempSync(join(tmpdir(), 'unusual-valid-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const filesUnder = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));

/** Every .mdx and .yaml file of the base rewritten by `rewrite`; the check's lines. */
function checkRewritten(rewrite: (source: string, file: string) => string): string[] {
	const root = mkdtempSync(join(scratch, 'tree-'));
	cpSync(base, root, { recursive: true });
	for (const file of filesUnder(join(root, 'content')).filter((f) => /\.(?:mdx|yaml)$/.test(f))) writeFileSync(file, rewrite(readFileSync(file, 'utf8'), file));
	return validateContent(join(root, 'content')).map(formatProblem);
}

const frontmatterStart = (source: string, file: string) => (file.endsWith('.mdx') ? source.indexOf('---\n') + 4 : 0);

describe('unusual but valid files', () => {
	it('passes Windows line ends', () => expect(checkRewritten((s) => s.replace(/\n/g, '\r\n'))).toEqual([]));
	it('passes a byte-order mark', () => expect(checkRewritten((s) => `\uFEFF${s}`)).toEqual([]));
	it('passes a BOM with Windows line ends', () => expect(checkRewritten((s) => `\uFEFF${s.replace(/\n/g, '\r\n')}`)).toEqual([]));
	it('passes blank lines before the first ---', () => expect(checkRewritten((s, f) => (f.endsWith('.mdx') ? `\n\n${s}` : s))).toEqual([]));
	it('passes comments, on their own lines and after values', () =>
		expect(
			checkRewritten((s, f) => {
				const at = frontmatterStart(s, f);
				const head = s.slice(0, at) + '# 编辑说明：这一行是注释\n';
				const [fields = '', ...rest] = s.slice(at).split(/(?=\n---\n)/);
				return head + fields.replace(/^(title: .*)$/m, '$1 # 标题后的注释') + rest.join('');
			}),
		).toEqual([]));
	it('passes quoted keys and quoted values', () =>
		expect(checkRewritten((s, f) => {
			const at = frontmatterStart(s, f);
			const [fields = '', ...rest] = s.slice(at).split(/(?=\n---\n)/);
			return s.slice(0, at) + fields.replace(/^(\w+):/gm, '"$1":').replace(/^("title"): (.*)$/m, "$1: '$2'") + rest.join('');
		})).toEqual([]));
});
