// A second report beside the real one, with no code change: the project's real content plus the
// invented 2024 → 2025 edition of tests/fixtures/editions (another numbering style, achievements
// that report on real 2024 measures, an update sourced to a paragraph), built as staff would add it.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../src/tooling/problems';
import { validate } from '../src/tooling/validate';
import { htmlPages } from './a11y/site';
import { testDist } from './setup/build-site';
import { isolatedBuild, scratchFolder } from './setup/isolated-build';

const project = process.cwd();
const scratch = scratchFolder('.test-editions');
const dist = join(scratch, 'dist');
const copy = mkdtempSync(join(tmpdir(), 'editions-content-'));
const content = join(copy, 'content');

beforeAll(() => {
	cpSync(join(project, 'content'), content, { recursive: true });
	cpSync(join(project, 'tests/fixtures/editions/reports'), join(content, 'reports'), { recursive: true });
	// With a public address, as a deploy has: the feed exists only then.
	const { status, output } = isolatedBuild(scratch, { CONTENT_DIR: content, SITE_OUT_DIR: dist, PROGRESS_TODAY: '2025-06-30', SITE_URL: 'https://example.test' });
	if (status !== 0) throw new Error(`build with a second report failed:\n${output}`);
}, 180_000);

afterAll(() => {
	rmSync(scratch, { recursive: true, force: true });
	rmSync(copy, { recursive: true, force: true });
});

const read = (path: string) => readFileSync(join(dist, path, /\.\w+$/.test(path) ? '' : 'index.html'), 'utf8');
const text = (html: string) =>
	html
		.replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ');
const main = (html: string) => text(html.slice(html.indexOf('<main'), html.indexOf('</main>')));

describe('two reports side by side', () => {
	it('passes the content check, with a note where a later summary reports on a measure still planned', () => {
		const { problems, warnings } = validate(content);
		expect(problems.map(formatProblem)).toEqual([]);
		expect(warnings.map((w) => w.path)).toContain('content/reports/2024/achievements/fixture-old-elevators-2024.mdx');
	});

	it('keeps every page of the site with one report', () => {
		const missing = htmlPages(testDist)
			.map((page) => page.path)
			.filter((path) => !existsSync(join(dist, path, path.endsWith('.html') ? '' : 'index.html')));
		expect(missing).toEqual([]);
	});

	it('lists both reports, newest first, each with its page and its text', () => {
		const reports = read('reports/');
		expect(reports.indexOf('href="/reports/2024/"')).toBeLessThan(reports.indexOf('href="/reports/2023/"'));
		expect(main(read('reports/2024/'))).toContain('2024 年共 4 项成果');
		expect(main(read('reports/2024/'))).toContain('本报告的总结写到此前计划中 3 项举措的完成情况');
		expect(main(read('reports/2023/'))).toContain('本报告计划的 3 项举措，已有后续报告说明完成情况');
		expect(read('source/2024/')).toContain('id="p7"');
		const source = read('source/');
		for (const id of ['2023', '2024']) expect(source).toContain(`href="/source/${id}/"`);
	});

	it('leads the home page with the newest report and links the older one', () => {
		const home = main(read(''));
		expect(home).toContain('最新报告： 2024年法治建设工作总结和2025年工作思路');
		expect(home).toContain('往年报告');
		expect(read('')).toContain('href="/reports/2023/"');
	});

	it('lists each kind by year, under each report’s own heading', () => {
		expect(read('achievements/')).toContain('href="/achievements/2024/"');
		expect(main(read('achievements/2024/'))).toContain('2024年法治建设工作总结');
		expect(main(read('measures/2025/'))).toContain('2025年法治建设工作思路');
		expect(read('achievements/2024/')).toContain('（一）');
	});

	it('shows the plan and how it went on both pages', () => {
		const measure = read('measures/old-elevator-safety-assessment/');
		expect(main(measure)).toContain('完成情况');
		expect(measure).toContain('href="/achievements/fixture-old-elevators-2024/"');
		const achievement = read('achievements/fixture-old-elevators-2024/');
		expect(main(achievement)).toContain('计划');
		expect(achievement).toContain('href="/measures/old-elevator-safety-assessment/"');
	});

	it('rolls progress up per year, counting what later reports account for', () => {
		expect(main(read('progress/2024/'))).toContain('其中 3 项已有后续年度报告说明完成情况');
		expect(main(read('progress/2025/'))).toContain('3 项举措');
		expect(main(read('progress/'))).toContain('2024 年 3 项');
	});

	it('quotes the paragraph an update cites, linked to the report’s text', () => {
		const page = read('measures/fixture-fair-review-mechanism-2025/');
		expect(page).toMatch(/<blockquote cite="\/source\/2024\/#p3"[ >]/);
		expect(page).toContain('href="/source/2024/#p3"');
		expect(main(page)).toContain('（一）公平竞争监管持续加强');
	});

	it('carries the new update in the feed and both reports in the open data', () => {
		expect(read('feed.xml')).toContain('/measures/fixture-fair-review-mechanism-2025/#update-2025-03-10');
		const data = JSON.parse(read('data/entries.json')) as { reports: { id: string }[]; entries: { id: string; report: string }[] };
		expect(data.reports.map((r) => r.id)).toEqual(['2023', '2024']);
		expect(data.entries.find((e) => e.id === 'fixture-old-elevators-2024')?.report).toBe('2024');
	});

	it('offers a 报告 filter with both reports on the search page and on every entry', () => {
		const search = read('search/');
		for (const name of ['2023 年工作报告', '2024 年工作报告']) expect(search).toContain(`value="${name}"`);
		expect(read('achievements/fixture-old-elevators-2024/')).toContain('data-pagefind-filter="报告:2024 年工作报告"');
	});
});
