// content/site.yaml: the schema takes every item a 政府网站 shows, each optional; the real file sets
// no registration (nobody has given one); page metadata leaves out what is not known; and the
// dates the pages show come from Git history read honestly (renames, shallow clones).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { siteInfo as schema } from '../src/schemas/site';
import { chinaDay, lastChanged, parseLog } from '../src/lib/git-dates';
import { govMeta } from '../src/quality/gov-meta';
import { readSiteInfo } from '../src/tooling/site-info-file';

const project = join(import.meta.dirname, '..');
const fixture = join(project, 'tests/fixtures/site/site.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'site-info-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('site.yaml', () => {
	it('accepts an empty file: every item is optional', () => {
		expect(schema.parse({})).toEqual({});
	});

	it('reads the fixture with every item set, through the real schema', () => {
		const { info, problems } = readSiteInfo(fixture, project);
		expect(problems).toEqual([]);
		expect(Object.keys(info).sort()).toEqual(Object.keys(schema.shape).sort());
		expect(Object.keys(info.contact ?? {}).sort()).toEqual(['address', 'email', 'phone']);
	});

	it('the real file sets no registration, organiser, contact or address', () => {
		const { info, problems } = readSiteInfo(join(project, 'content/site.yaml'), project);
		expect(problems).toEqual([]);
		for (const key of ['siteCode', 'icp', 'psb', 'psbCode', 'badge', 'organizer', 'operator', 'contact', 'correctionUrl', 'disclosureUrl'] as const) {
			expect(info[key], key).toBeUndefined();
		}
	});

	it('a missing file sets nothing', () => {
		expect(readSiteInfo(join(scratch, 'none.yaml'), project)).toEqual({ info: {}, problems: [] });
	});

	it('a badge image must be a file of public/', () => {
		const file = join(scratch, 'badge.yaml');
		writeFileSync(file, 'badge:\n  image: images/none.png\n  link: https://example.gov.cn/\n');
		expect(readSiteInfo(file, project).problems.map((p) => [p.line, p.field, p.message])).toEqual([[2, 'badge.image', '找不到图片 public/images/none.png']]);
	});

	it('psbCode needs the number it belongs to', () => {
		const file = join(scratch, 'psb.yaml');
		writeFileSync(file, 'psbCode: "32050000000000"\n');
		expect(readSiteInfo(file, project).problems.map((p) => p.field)).toEqual(['psbCode']);
	});

	it('a YAML syntax error names its line', () => {
		const file = join(scratch, 'broken.yaml');
		writeFileSync(file, 'icp： 苏ICP备00000000号\n');
		const [problem] = readSiteInfo(file, project).problems;
		expect(problem?.message).toContain('全角');
	});
});

describe('page metadata (政府网站网页设计规范)', () => {
	const base = { siteName: '网站', site: undefined, siteCode: undefined, column: undefined };

	it('names only the site on a page with nothing else known', () => {
		expect(govMeta(base)).toEqual([{ name: 'SiteName', content: '网站' }]);
	});

	it('gives every tag, in the annex order, when everything is known', () => {
		const tags = govMeta({
			siteName: '网站',
			site: new URL('https://fzjs.example.test/fzjs/'),
			siteCode: '0000000000',
			column: '举措',
			article: { title: '标题', published: new Date(Date.UTC(2024, 2, 1)), source: '单位' },
		});
		expect(tags).toEqual([
			{ name: 'SiteName', content: '网站' },
			{ name: 'SiteDomain', content: 'fzjs.example.test' },
			{ name: 'SiteIDCode', content: '0000000000' },
			{ name: 'ColumnName', content: '举措' },
			{ name: 'ArticleTitle', content: '标题' },
			{ name: 'PubDate', content: '2024-03-01' },
			{ name: 'ContentSource', content: '单位' },
		]);
	});

	it('leaves PubDate out of an article without a real date', () => {
		const names = govMeta({ ...base, article: { title: '标题', published: undefined, source: '单位' } }).map((t) => t.name);
		expect(names).toEqual(['SiteName', 'ArticleTitle', 'ContentSource']);
	});
});

describe('dates from Git', () => {
	const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

	it('takes the newest commit that changed each file, as a day in China', () => {
		const log = [`@aaa ${at('2024-03-01T17:00:00Z')}`, '', 'M\tcontent/a.mdx', `@bbb ${at('2024-02-01T01:00:00Z')}`, '', 'M\tcontent/a.mdx', 'A\tcontent/b.mdx'].join('\n');
		const days = parseLog(log);
		// 17:00 UTC is already the next day in Beijing.
		expect(days.get('content/a.mdx')).toEqual(new Date(Date.UTC(2024, 2, 2)));
		expect(days.get('content/b.mdx')).toEqual(new Date(Date.UTC(2024, 1, 1)));
	});

	it('does not count a pure move as a change, but follows the file to its old name', () => {
		const log = [`@mv ${at('2024-05-01T02:00:00Z')}`, '', 'R100\tcontent/old/a.mdx\tcontent/new/a.mdx', `@ed ${at('2024-04-01T02:00:00Z')}`, '', 'M\tcontent/old/a.mdx'].join('\n');
		expect(parseLog(log).get('content/new/a.mdx')).toEqual(new Date(Date.UTC(2024, 3, 1)));
	});

	it('gives no date from the commit where a shallow clone stops', () => {
		const log = [`@new ${at('2024-05-01T02:00:00Z')}`, '', 'M\tcontent/a.mdx', `@edge ${at('2024-04-01T02:00:00Z')}`, '', 'A\tcontent/a.mdx', 'A\tcontent/b.mdx'].join('\n');
		const days = parseLog(log, new Set(['edge']));
		expect(days.get('content/a.mdx')).toEqual(new Date(Date.UTC(2024, 4, 1)));
		expect(days.has('content/b.mdx')).toBe(false);
	});

	it('knows no date outside a Git repository', () => {
		writeFileSync(join(scratch, 'x.mdx'), '');
		expect(lastChanged(scratch, '.').size).toBe(0);
	});

	it('reads a repository\'s history: the last change to each file, not its move', () => {
		const repo = join(scratch, 'repo');
		const run = (args: string[], date = '2024-01-10T02:00:00Z') =>
			execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
		mkdirSync(join(repo, 'content/old'), { recursive: true });
		run(['init', '-q']);
		writeFileSync(join(repo, 'content/old/a.mdx'), 'a\n');
		writeFileSync(join(repo, 'content/b.mdx'), 'b\n');
		run(['add', '.']);
		run(['commit', '-q', '-m', 'add']);
		writeFileSync(join(repo, 'content/b.mdx'), 'b, changed\n');
		run(['commit', '-q', '-am', 'edit'], '2024-02-20T02:00:00Z');
		mkdirSync(join(repo, 'content/new'));
		run(['mv', 'content/old/a.mdx', 'content/new/a.mdx']);
		run(['commit', '-q', '-m', 'move'], '2024-03-30T02:00:00Z');
		const days = lastChanged(repo, 'content');
		expect(days.get('content/new/a.mdx')).toEqual(new Date(Date.UTC(2024, 0, 10)));
		expect(days.get('content/b.mdx')).toEqual(new Date(Date.UTC(2024, 1, 20)));
		expect(chinaDay(new Date('2024-01-01T16:30:00Z'))).toEqual(new Date(Date.UTC(2024, 0, 2)));
	});
});
