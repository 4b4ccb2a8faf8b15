// What a 政府网站 shows, as built: the footer items and page metadata of content/site.yaml — none of
// them on the real site (.test-dist, whose site.yaml sets no registration), every one of them, linked,
// on the site built from the fixture (.test-dist-govsite, under /fzjs/ with a public address); the
// 网站地图 page; and the dates entry pages show, each from real data.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteInfo } from '../src/tooling/site-info-file';
import { readContentFiles } from '../src/tooling/content-files';
import { siteConfig } from '../src/site.config';
import { brokenLinks, decodeEntities, htmlPages, htmlValidate, parse } from './a11y/site';
import { govsiteBuild, govsiteDist, testDist } from './setup/build-site';

type Root = ReturnType<typeof parse>;
const withRoots = (dir: string, base: string) => htmlPages(dir, base).map((page) => ({ ...page, root: parse(page.html) }));
const real = withRoots(testDist, '/');
const govsite = withRoots(govsiteDist, govsiteBuild.SITE_BASE);
const fixture = readSiteInfo(govsiteBuild.SITE_INFO).info;
const meta = (root: Root) => Object.fromEntries(root.querySelectorAll('meta[name]').map((m) => [m.getAttributeValue('name'), m.getAttributeValue('content')]));
const footerText = (root: Root) => root.querySelector('footer')!.textContent.replace(/\s+/g, ' ');
const footerLinks = (root: Root) => root.querySelectorAll('footer a').map((a) => [a.textContent.trim(), decodeEntities(a.getAttributeValue('href') ?? '')]);
const at = (pages: typeof real, path: string) => pages.find((page) => page.path === path)!;
const govMetaNames = ['SiteName', 'SiteDomain', 'SiteIDCode', 'ColumnName', 'ArticleTitle', 'PubDate', 'ContentSource'];

describe('footer and metadata with nothing set (the real site.yaml)', () => {
	it.each(real.map((page) => [page.path, page] as const))('%s: only the site map and the accessibility statement, no registration', (_, { root }) => {
		expect(root.querySelectorAll('footer nav a').map((a) => [a.textContent, a.getAttributeValue('href')])).toEqual([
			['网站地图', '/sitemap/'],
			['无障碍声明', '/accessibility/'],
		]);
		const text = footerText(root);
		for (const label of ['网站标识码', 'ICP', '公网安备', '主办单位', '承办单位', '联系电话', '电子邮箱', '地址', '政府信息公开', '找错']) expect(text).not.toContain(label);
		expect(root.querySelector('footer img, footer address, .footer-registrations')).toBeNull();
		expect(root.querySelectorAll('a[href]').filter((a) => /beian/.test(a.getAttributeValue('href') ?? ''))).toEqual([]);
		const tags = meta(root);
		expect(tags['SiteName']).toBe(siteConfig.name);
		expect(tags['SiteIDCode']).toBeUndefined();
		expect(tags['SiteDomain']).toBe(process.env['SITE_URL'] ? new URL(process.env['SITE_URL']).host : undefined);
	});
});

describe('footer and metadata with every item set (tests/fixtures/site/site.yaml)', () => {
	it.each(govsite.map((page) => [page.path, page] as const))('%s: every item, each linked where it has an address', (_, { root }) => {
		const links = footerLinks(root);
		expect(links).toEqual(
			expect.arrayContaining([
				['网站地图', '/fzjs/sitemap/'],
				['无障碍声明', '/fzjs/accessibility/'],
				['政府信息公开', fixture.disclosureUrl],
				['我为政府网站找错', fixture.correctionUrl],
				// Shown with non-breaking hyphens, so that the number never breaks across lines.
				[fixture.contact!.phone!.replace(/-/g, '\u2011'), 'tel:051200000000'],
				[fixture.contact!.email, `mailto:${fixture.contact!.email}`],
				[fixture.psb, `https://beian.mps.gov.cn/#/query/webSearch?code=${fixture.psbCode}`],
				[fixture.icp, 'https://beian.miit.gov.cn/'],
				['', fixture.badge!.link],
			]),
		);
		const text = footerText(root);
		for (const item of [`主办单位：${fixture.organizer}`, `承办单位：${fixture.operator}`, `地址：${fixture.contact!.address}`, `网站标识码：${fixture.siteCode}`]) expect(text).toContain(item);
		const badge = root.querySelector('footer a img')!;
		expect(badge.getAttributeValue('src')).toBe(`/fzjs/${fixture.badge!.image}`);
		expect(badge.getAttributeValue('alt')).toBe('党政机关网站开办者标识');
		// The ICP number is the last thing in the footer, in the centred registrations block.
		const registrations = root.querySelector('footer .footer-registrations')!;
		expect(registrations.childElements.at(-1)!.classList.contains('footer-icp')).toBe(true);
		expect(root.querySelector('footer .wrap')!.childElements.at(-1)).toBe(registrations);
	});

	it.each(govsite.map((page) => [page.path, page] as const))('%s: the registered name, domain and site code in the metadata', (path, { root }) => {
		const tags = meta(root);
		expect(tags['SiteName']).toBe(fixture.name);
		expect(tags['SiteDomain']).toBe('fzjs.example.test');
		expect(tags['SiteIDCode']).toBe(fixture.siteCode);
		expect(root.querySelector('title')!.textContent).toMatch(new RegExp(`${fixture.name}$`));
		expect(root.querySelector('.site-name')!.textContent).toBe(fixture.name);
		const names = root.querySelectorAll('meta[name]').map((m) => m.getAttributeValue('name')).filter((name) => govMetaNames.includes(name ?? ''));
		expect(names, path).toEqual(govMetaNames.filter((name) => name in tags));
	});

	it('is valid HTML with every item shown', async () => {
		for (const path of ['/fzjs/', '/fzjs/measures/old-elevator-safety-assessment/', '/fzjs/sitemap/']) {
			const report = await htmlValidate.validateString(at(govsite, path).html, path);
			expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), path).toEqual([]);
		}
	});

	it('links every page within /fzjs/', () => {
		expect(brokenLinks(govsiteDist, govsiteBuild.SITE_BASE, govsiteBuild.SITE_URL)).toEqual([]);
	});
});

describe('ColumnName, ArticleTitle, ContentSource', () => {
	it('names the section each page belongs to, none on the home page', () => {
		expect(meta(at(real, '/').root)['ColumnName']).toBeUndefined();
		expect(meta(at(real, '/owners/szamr/').root)['ColumnName']).toBe('责任单位');
		expect(meta(at(real, '/source/').root)['ColumnName']).toBe('报告原文');
		expect(meta(at(real, '/sitemap/').root)['ColumnName']).toBeUndefined();
	});

	it.each(real.filter((p) => /^\/(achievements|measures)\/[a-z0-9-]+\/$/.test(p.path)).map((p) => [p.path, p] as const))('%s is an article of its kind, from the publisher', (path, { root }) => {
		const tags = meta(root);
		expect(tags['ColumnName']).toBe(path.startsWith('/achievements/') ? '成果' : '举措');
		expect(tags['ArticleTitle']).toBe(root.querySelector('h1')!.textContent.trim());
		expect(tags['ContentSource']).toBe(siteConfig.publisher);
	});
});

describe('a report’s page as an article', () => {
	const reports = readContentFiles().filter((file) => file.collection === 'reports');

	it.each(reports.map((file) => [file.id, file] as const))('/reports/%s/: its title and publisher, dated only by its publishedOn', (id, file) => {
		const data = file.data as { title: string; publishedOn?: Date };
		const tags = meta(at(real, `/reports/${id}/`).root);
		expect(tags['ArticleTitle']).toBe(data.title);
		expect(tags['ContentSource']).toBe(siteConfig.publisher);
		expect(tags['PubDate']).toBe(data.publishedOn?.toISOString().slice(0, 10));
	});
});

describe('网站地图', () => {
	const sitemap = at(real, '/sitemap/').root;
	const listed = new Set(sitemap.querySelectorAll('main a').map((a) => a.getAttributeValue('href')));

	it('is linked from the footer of every page', () => {
		for (const { path, root } of real) expect(root.querySelector('footer a[href="/sitemap/"]')?.textContent, path).toBe('网站地图');
	});

	it('lists every section of the site, every owner and the open data', () => {
		const sections = new Set(real.map((page) => page.path.split('/')[1]).filter((first) => first && !first.endsWith('.html')).map((first) => `/${first}/`));
		sections.delete('/sitemap/');
		expect(sections.size).toBeGreaterThan(6);
		for (const section of sections) expect(listed, section).toContain(section);
		for (const owner of real.filter((page) => /^\/owners\/[^/]+\/$/.test(page.path))) expect(listed).toContain(owner.path);
		expect(listed).toContain('/data/entries.json');
		expect(listed).toContain('/data/entries.csv');
	});
});

describe('更新于 and PubDate', () => {
	const entries = readContentFiles().filter((file) => file.collection === 'achievements' || file.collection === 'measures');
	const git = (args: string[]) => execFileSync('git', args, { encoding: 'utf8' });
	const shallowFile = git(['rev-parse', '--git-path', 'shallow']).trim();
	const boundaries = existsSync(shallowFile) ? readFileSync(shallowFile, 'utf8').split('\n') : [];
	/** The day in China of the newest commit that changed the file's content (a pure move does not), told by git itself. */
	const gitDay = (path: string) => {
		const log = git(['log', '--follow', '-M', '--format=@%H %ct', '--name-status', '--', path]);
		const commits = log.split('@').filter(Boolean).map((chunk) => ({ head: chunk.split('\n')[0]!.split(' '), moved: /^R100\t/m.test(chunk) }));
		const changed = commits.find((commit) => !commit.moved);
		if (!changed || boundaries.includes(changed.head[0]!)) return undefined;
		return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Number(changed.head[1]) * 1000));
	};

	it.each(entries.map((file) => [file.path, file] as const))('%s: its latest update, else its last commit, else nothing', (_, file) => {
		const updates = (file.data as { updates?: { date: Date }[] }).updates ?? [];
		const expected = updates.length ? updates.at(-1)!.date.toISOString().slice(0, 10) : gitDay(file.path);
		const html = readFileSync(join(testDist, file.collection, file.id, 'index.html'), 'utf8');
		const shown = /<dt>更新于<\/dt><dd><time datetime="([\d-]+)">/.exec(html)?.[1];
		expect(shown).toBe(expected);
		expect(meta(parse(html))['PubDate']).toBe(expected);
	});
});
