// Recording progress on a real measure, exactly as CONTRIBUTING §四 describes, keeps the content
// check and the build green, with and without a source: the real content has no fixed numbers
// that one update could break.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../src/tooling/problems';
import { validateContent } from '../src/tooling/validate';
import { isolatedBuild, scratchFolder } from './setup/isolated-build';

const project = process.cwd();
const scratch = scratchFolder('.test-real-edit');
const copies = mkdtempSync(join(tmpdir(), 'real-edit-'));
afterAll(() => {
	rmSync(scratch, { recursive: true, force: true });
	rmSync(copies, { recursive: true, force: true });
});

/** The newest report and one of its measures still without progress, in a copy of the real content. */
function copyWithMeasure(name: string) {
	const content = join(copies, name, 'content');
	cpSync(join(project, 'content'), content, { recursive: true });
	const report = readdirSync(join(content, 'reports')).sort().at(-1)!;
	const folder = join(content, 'reports', report, 'measures');
	const file = readdirSync(folder)
		.sort()
		.map((f) => join(folder, f))
		.find((f) => /^updates: \[\]$/m.test(readFileSync(f, 'utf8')) && /^status: planned$/m.test(readFileSync(f, 'utf8')))!;
	return { content, report, file, slug: file.replace(/^.*\//, '').replace(/\.mdx$/, '') };
}

/** CONTRIBUTING §四: add a dated record at the end of `updates`, and set `status` to its status. */
function recordUpdate(file: string, lines: string[]) {
	const source = readFileSync(file, 'utf8');
	writeFileSync(file, source.replace(/^status: planned$/m, 'status: in-progress').replace(/^updates: \[\]$/m, ['updates:', ...lines].join('\n')));
}

describe('recording a real update', { timeout: 180_000 }, () => {
	it.each([
		['without a source', [], ''],
		['with a paragraph of the report as its source', ['    source:', '      report: "REPORT"', '      paragraph: 2'], '<blockquote'],
	] as const)('%s passes the check and builds', (name, sourceLines, shown) => {
		const { content, report, file, slug } = copyWithMeasure(name.replace(/\W/g, '-'));
		recordUpdate(file, ['  - date: 2024-03-15', '    status: in-progress', '    note: 已启动自查。', ...sourceLines.map((l) => l.replace('REPORT', report))]);
		expect(validateContent(content).map(formatProblem)).toEqual([]);
		const dist = join(scratch, `dist-${name.replace(/\W/g, '-')}`);
		// With a public address, as a deploy has: the feed exists only then.
		const { status, output } = isolatedBuild(scratch, { CONTENT_DIR: content, SITE_OUT_DIR: dist, PROGRESS_TODAY: '2024-07-01', SITE_URL: 'https://example.test' });
		expect(status, output).toBe(0);
		const page = readFileSync(join(dist, 'measures', slug, 'index.html'), 'utf8');
		expect(page).toContain('已启动自查。');
		expect(page).toContain(shown);
		expect(readFileSync(join(dist, 'feed.xml'), 'utf8')).toContain(`/measures/${slug}/#update-2024-03-15`);
	});
});
