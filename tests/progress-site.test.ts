// The progress pages and the feed as built: from the fixture content (tests/fixtures/progress, a
// small invented plan with every status, late items and cancelled work, judged on 2024-07-01 and
// deployed under a sub-path) and from the real content (a plan with no progress yet, in
// .test-dist/). Content the site must refuse fails the build with the file and field named.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOf, formatAsOf, lateItems, measureStatus, progressRules, progressToday, reportName, rollUp, shownStatus, tasksOf } from '../src/lib/progress';
import { statusLabels } from '../src/vocabulary';
import { fileSchemas, readContentFiles } from '../src/tooling/content-files';
import { testDist } from './setup/build-site';
import { isolatedBuild, scratchFolder } from './setup/isolated-build';

const project = process.cwd();
const fixture = join(project, 'tests/fixtures/progress');
const scratch = scratchFolder('.test-progress');
const fixtureDist = join(scratch, 'dist');
const copies = mkdtempSync(join(tmpdir(), 'progress-content-'));
const site = 'https://progress.example';
const base = '/plan/';
const build = (env: Record<string, string>) => isolatedBuild(scratch, env);

beforeAll(() => {
	const { status, output } = build({ CONTENT_DIR: fixture, PROGRESS_TODAY: '2024-07-01', SITE_OUT_DIR: fixtureDist, SITE_URL: site, SITE_BASE: base });
	if (status !== 0) throw new Error(`fixture build failed:\n${output}`);
}, 180_000);

afterAll(() => {
	rmSync(scratch, { recursive: true, force: true });
	rmSync(copies, { recursive: true, force: true });
});

const read = (root: string, path: string) => readFileSync(join(root, path, /\.\w+$/.test(path) ? '' : 'index.html'), 'utf8');
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
/** What a reader sees, as one line: tags and styles dropped, spaces collapsed. */
const text = (html: string) =>
	decode(
		html
			.replace(/<style[\s\S]*?<\/style>/g, '')
			.replace(/<title[\s\S]*?<\/title>|<desc[\s\S]*?<\/desc>/g, '')
			.replace(/<[^>]+>/g, ' '),
	)
		.replace(/\s+/g, ' ')
		.trim();
/** The HTML of `<section aria-labelledby="id">`; the progress pages do not nest their sections. */
function section(html: string, id: string) {
	const match = new RegExp(`<section aria-labelledby="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
	if (!match?.[1]) throw new Error(`no section "${id}"`);
	return match[1];
}
const rows = (html: string) => [...html.matchAll(/<tr[\s>][\s\S]*?<\/tr>/g)].map((m) => text(m[0]));
const noScript = (html: string) => html.replace(/<script[^>]*(?:application\/ld\+json|reading-modes\.js)[^>]*>[\s\S]*?<\/script>/g, '');

/** Every well-formedness problem of an XML document (tags, nesting, attributes, entities, one root). */
function xmlProblems(xml: string): string[] {
	const problems: string[] = [];
	const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>/, '');
	if (body === xml) problems.push('no XML declaration');
	const stack: string[] = [];
	let roots = 0;
	const badEntity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
	const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|([^<]+)|(<)/g;
	for (const m of body.matchAll(token)) {
		const [, closing, name, attributes = '', selfClosing, chars, stray] = m;
		if (stray) problems.push(`stray "<" at ${m.index}`);
		else if (chars !== undefined) {
			if (badEntity.test(chars)) problems.push(`bare "&" in "${chars.slice(0, 30)}"`);
			if (stack.length === 0 && chars.trim()) problems.push(`text outside the root: "${chars.trim().slice(0, 30)}"`);
		} else if (name) {
			if (badEntity.test(attributes)) problems.push(`bare "&" in attributes of <${name}>`);
			if (closing) {
				const open = stack.pop();
				if (open !== name) problems.push(`</${name}> closes <${open}>`);
			} else {
				if (stack.length === 0) roots += 1;
				if (!selfClosing) stack.push(name);
			}
		}
	}
	if (stack.length > 0) problems.push(`unclosed <${stack.join('>, <')}>`);
	if (roots !== 1) problems.push(`${roots} root elements`);
	return problems;
}

const rfc822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const element = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => decode(m[1] ?? ''));

/** The RSS 2.0 structure: a channel with its three required elements, and complete items. */
function rssItems(xml: string) {
	expect(xmlProblems(xml)).toEqual([]);
	expect(xml).toMatch(/<rss version="2\.0"[^>]*>\s*<channel>/);
	const channel = xml.replace(/<item>[\s\S]*?<\/item>/g, '');
	for (const name of ['title', 'link', 'description']) expect(element(channel, name), `channel ${name}`).toHaveLength(1);
	return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, item = '']) => {
		const one = (name: string) => {
			const values = element(item, name);
			expect(values, `item ${name}`).toHaveLength(1);
			return values[0]!;
		};
		return { title: one('title'), link: one('link'), guid: one('guid'), pubDate: one('pubDate'), description: one('description') };
	});
}

describe('the feed check itself', () => {
	it('finds the faults it is there to find', () => {
		expect(xmlProblems('<?xml version="1.0" encoding="UTF-8"?><rss><channel></rss>')).toContain('</rss> closes <channel>');
		expect(xmlProblems('<?xml version="1.0" encoding="UTF-8"?><rss>A & B</rss>')).toEqual(['bare "&" in "A & B"']);
		expect(xmlProblems('<?xml version="1.0" encoding="UTF-8"?><a/><b/>')).toEqual(['2 root elements']);
		expect(xmlProblems('<?xml version="1.0" encoding="UTF-8"?><rss a="1"><x>&amp;&#8217;</x></rss>')).toEqual([]);
	});
});

describe('fixture site: /progress/', () => {
	const html = () => read(fixtureDist, 'progress/');

	it('is a page with no client script', () => {
		expect(html()).toMatch(/<html lang="zh-CN"/);
		expect(noScript(html())).not.toMatch(/<script/);
	});

	it('leads with the tasks done and the date of the latest update', () => {
		const main = text(html());
		expect(main).toContain('4 / 9 项任务已完成 ，截至 2024年6月20日。');
		expect(main).toContain('共 6 项举措：未启动 1 项，推进中 1 项，已完成 1 项，滞后 2 项，已取消 1 项。有 3 个滞后事项');
		expect(main).toContain('是否滞后按本站生成之日（2024年7月1日）判断');
	});

	it('counts the measures in each status, as a chart with a title and description and as a table', () => {
		const statuses = section(html(), 'statuses');
		expect(statuses).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="chart-statuses-title chart-statuses-desc"/);
		expect(statuses).toMatch(/<title id="chart-statuses-title">2024 年举措的状态<\/title>/);
		expect(statuses).toMatch(/<desc id="chart-statuses-desc"[^>]*>共 6 项：未启动 1 项，推进中 1 项，已完成 1 项，滞后 2 项，已取消 1 项。<\/desc>/);
		expect(rows(statuses)).toEqual(['状态 数量 占比', '未启动 1 项 17%', '推进中 1 项 17%', '已完成 1 项 17%', '滞后 2 项 33%', '已取消 1 项 17%']);
	});

	it('rolls progress up by top-level section, with accessible bars and the numbers written out', () => {
		const bySection = section(html(), 'by-section');
		expect(rows(bySection)).toEqual([
			'板块 举措及其状态 已完成的任务',
			'测试举措第一部分 共 3 项 未启动 1 项 已完成 1 项 滞后 1 项 3 / 6（50%）',
			'测试举措第二部分 共 3 项 推进中 1 项 滞后 1 项 已取消 1 项 1 / 3（33%）',
		]);
		expect(bySection).toMatch(/<progress max="6" value="3" aria-label="测试举措第一部分的任务完成度"/);
		expect(bySection).not.toContain('测试举措空白部分');
	});

	it('rolls progress up by owner, a task counting for the body it names', () => {
		expect(rows(section(html(), 'by-owner'))).toEqual([
			'责任单位 举措及其状态 已完成的任务',
			'甲市测试局 共 3 项 推进中 1 项 已完成 1 项 滞后 1 项 3 / 5（60%）',
			'乙市测试局 共 2 项 未启动 1 项 已取消 1 项 0 / 2（0%）',
			'丙市测试中心 共 1 项 滞后 1 项 1 / 2（50%）',
		]);
	});

	it('lists the late items with who owns them, the longest overdue first', () => {
		const late = section(html(), 'late');
		expect(rows(late)).toEqual([
			'滞后的举措或任务 责任单位 截止日期',
			'任务：测试任务逾期 所属举措： 测试举措逾期未完成 甲市测试局 2024年6月15日',
			'举措： 测试举措逾期未完成 甲市测试局 2024年6月30日',
			'举措： 测试举措记录为滞后 丙市测试中心 未设截止日期， 记录为滞后',
		]);
		expect(late).not.toContain('测试任务今天到期');
		expect(late).not.toContain('测试任务过期但举措已取消');
	});

	it('shows the latest updates as a timeline, newest first, linking to each update', () => {
		const latest = section(html(), 'latest');
		const dates = [...latest.matchAll(/<time datetime="([\d-]+)"/g)].map((m) => m[1]);
		expect(dates).toEqual(['2024-06-20', '2024-06-01', '2024-05-10', '2024-04-02', '2024-03-01', '2024-03-01', '2024-02-01']);
		expect(latest).toContain(`href="${base}measures/fixture-all-done/#update-2024-03-01-2"`);
	});

	it('lists every measure with its owner, status, tasks and due date', () => {
		expect(rows(section(html(), 'all')).slice(1)).toEqual([
			'测试举措第一部分',
			'测试举措全部完成 甲局 已完成 2 / 2（100%）',
			'测试举措逾期未完成 甲局 滞后 1 / 3（33%） 截止日期： 2024年6月30日',
			'测试举措未列任务 乙局 未启动 0 / 1（0%） 截止日期： 2024年12月31日',
			'测试举措第二部分',
			'测试举措已取消 乙局 已取消 不计完成度（没有需要计数的任务）',
			'测试举措任务全部取消 甲局 推进中 0 / 1（0%）',
			'测试举措记录为滞后 丙中心 滞后 1 / 2（50%）',
		]);
	});

	it('announces the feed and links to the method page and the 2023 summary under the base path', () => {
		expect(html()).toContain(`<link rel="alternate" type="application/rss+xml" title="举措进展（RSS）" href="${base}feed.xml">`);
		expect(html()).toContain(`href="${base}progress/method/"`);
		expect(html()).toContain(`href="${base}progress/2023/"`);
	});
});

describe('fixture site: measure, owner, method and 2023 pages', () => {
	it('shows a measure’s actions as a checklist with status words, and its update history', () => {
		const html = read(fixtureDist, 'measures/fixture-late-measure/');
		expect(text(section(html, 'progress'))).toContain('当前状态 滞后 任务完成 1 / 3（33%） 截至 2024年4月2日 截止日期 2024年6月30日 （已过）');
		expect(text(section(html, 'actions'))).toBe(
			'具体任务 ✓ 已完成 测试任务已完成 ○ 未启动 测试任务由乙局负责 责任单位： 乙市测试局 ! 滞后 测试任务逾期 截止日期： 2024年6月15日 （已过）',
		);
		const history = section(read(fixtureDist, 'measures/fixture-all-done/'), 'updates');
		expect([...history.matchAll(/<li id="([^"]+)"/g)].map((m) => m[1])).toEqual(['update-2024-05-10', 'update-2024-03-01-2', 'update-2024-03-01']);
	});

	it('dates a measure’s page by its latest update: 更新于 and PubDate', () => {
		const html = read(fixtureDist, 'measures/fixture-all-done/');
		expect(html).toContain('<dt>更新于</dt><dd><time datetime="2024-05-10">2024年5月10日</time></dd>');
		expect(html).toContain('<meta name="PubDate" content="2024-05-10">');
	});

	it('explains measures that count as one task, and cancelled measures', () => {
		expect(text(section(read(fixtureDist, 'measures/fixture-no-actions/'), 'actions'))).toContain('本举措没有列出具体任务，按 1 项任务计');
		expect(text(section(read(fixtureDist, 'measures/fixture-all-actions-cancelled/'), 'actions'))).toContain('所列任务均已取消，本举措按 1 项任务计');
		const cancelled = read(fixtureDist, 'measures/fixture-cancelled-measure/');
		expect(text(section(cancelled, 'actions'))).toContain('本举措已取消，所列任务一并不计。');
		expect(text(section(cancelled, 'progress'))).toContain('不计完成度');
	});

	it('shows an owner its measures, its tasks in other bodies’ measures and its late items', () => {
		const b = text(section(read(fixtureDist, 'owners/bureau-b/'), 'progress'));
		expect(b).toContain('负责 2 项举措：未启动 1 项，已取消 1 项；负责的任务：0 / 2 项任务已完成，截至 2024年2月1日。');
		expect(b).toContain('其他单位牵头的举措中由本单位负责的任务（1） 未启动 测试任务由乙局负责（ 测试举措逾期未完成 ）');
		const a = text(section(read(fixtureDist, 'owners/bureau-a/'), 'progress'));
		expect(a).toContain('甲市测试局负责的滞后事项（2 个）');
		expect(read(fixtureDist, 'owners/bureau-d/')).not.toContain('aria-labelledby="progress"');
		expect(rows(read(fixtureDist, 'owners/')).find((r) => r.startsWith('丙市测试中心'))).toBe('丙市测试中心 0 1 1 1 / 2（50%）');
	});

	it('states every rule of the method page from the module that applies it', () => {
		const html = read(fixtureDist, 'progress/method/');
		for (const rule of progressRules) {
			const item = new RegExp(`<li id="rule-${rule.id}"[^>]*>([\\s\\S]*?)</li>`).exec(html)?.[1] ?? '';
			expect(text(item), rule.id).toBe(`${rule.title} ${rule.text}`);
		}
	});

	it('summarises the 2023 achievements per section, done against ongoing', () => {
		const html = read(fixtureDist, 'progress/2023/');
		expect(rows(section(html, 'by-section'))).toEqual(['板块 已完成 持续推进 合计', '测试成果第一部分 1 项 1 项 2 项', '测试成果第二部分 1 项 0 项 1 项']);
		expect(html).toMatch(/<desc id="chart-2023-0-desc"[^>]*>共 2 项：已完成 1 项，持续推进 1 项。<\/desc>/);
	});

	it('says the progress on the home page', () => {
		expect(text(section(read(fixtureDist, ''), 'progress'))).toContain('6 项举措：未启动 1 项，推进中 1 项，已完成 1 项，滞后 2 项，已取消 1 项；4 / 9 项任务已完成，截至 2024年6月20日。');
	});
});

describe('fixture site: /feed.xml', () => {
	const xml = () => read(fixtureDist, 'feed.xml');

	it('is RSS 2.0 with one item per update, newest first, each linking to its update on the measure page', () => {
		const items = rssItems(xml());
		expect(items).toHaveLength(7);
		expect(element(xml().replace(/<item>[\s\S]*?<\/item>/g, ''), 'link')).toEqual([`${site}${base}progress/`]);
		const times = items.map((item) => {
			expect(item.pubDate).toMatch(rfc822);
			return Date.parse(item.pubDate);
		});
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		expect(new Set(items.map((i) => i.guid)).size).toBe(items.length);
		expect(items[0]).toEqual({
			title: '测试举措任务全部取消：推进中',
			link: `${site}${base}measures/fixture-all-actions-cancelled/#update-2024-06-20`,
			guid: `${site}${base}measures/fixture-all-actions-cancelled/#update-2024-06-20`,
			pubDate: 'Thu, 20 Jun 2024 00:00:00 GMT',
			description: '任务取消后举措继续推进。',
		});
		for (const { link } of items) {
			const [path = '', anchor] = link.slice(`${site}${base}`.length).split('#');
			expect(read(fixtureDist, path), link).toContain(`id="${anchor}"`);
		}
	});
});

describe('real site (.test-dist)', () => {
	// Rules, not today's numbers: these hold whatever progress staff record (the fixed numbers are the fixture's, above).
	const files = readContentFiles();
	const measures = files.filter((f) => f.collection === 'measures').map((f) => ({ id: f.id, data: fileSchemas.measures.parse(f.data) }));
	const today = progressToday(process.env['PROGRESS_TODAY'], new Date());
	const tracked = measures.map(({ data }) => ({ status: measureStatus(data, today), tasks: tasksOf(data, today) }));
	const updates = measures.flatMap(({ data }) => data.updates);
	const latestReport = Math.max(...files.filter((f) => f.collection === 'reports').map((f) => Number(f.id)));

	it('states the tasks done and the date of the latest update, or the report when there is none', () => {
		const html = read(testDist, 'progress/');
		const { tasks } = rollUp(tracked);
		expect(text(html)).toContain(`${tasks.done} / ${tasks.total} 项任务已完成 ，${formatAsOf(asOf(updates, reportName(latestReport)))}。`);
		const late = lateItems(
			measures.map(({ data }) => data),
			today,
		);
		expect(text(section(html, 'late'))).toContain(late.length > 0 ? '滞后' : '没有滞后的举措或任务。');
		expect(text(section(html, 'latest'))).toContain(updates.length > 0 ? `共 ${updates.length} 条` : '尚无进展记录。');
		expect(noScript(html)).not.toMatch(/<script/);
	});

	it('lists every real measure on /progress/ and every action on its page, each with its status word', () => {
		const all = section(read(testDist, 'progress/'), 'all');
		for (const { id, data } of measures) {
			expect(all, id).toContain(`href="/measures/${id}/"`);
			const actions = text(section(read(testDist, `measures/${id}/`), 'actions'));
			for (const action of data.actions) expect(actions, id).toContain(`${statusLabels[shownStatus(action, today)]} ${action.title}`);
		}
	});

	it('publishes no feed without SITE_URL, and links to none', () => {
		// A feed needs absolute links; without the public address there is none to point at.
		expect(existsSync(join(testDist, 'feed.xml'))).toBe(false);
		expect(read(testDist, 'progress/')).not.toContain('feed.xml');
	});

	it('renders each year’s summary from its real achievements', () => {
		const achievements = files.filter((f) => f.collection === 'achievements').map((f) => fileSchemas.achievements.parse(f.data));
		for (const year of new Set(achievements.map((a) => a.year))) {
			const ofYear = achievements.filter((a) => a.year === year);
			const done = ofYear.filter((a) => a.status === 'done').length;
			const html = read(testDist, `progress/${year}/`);
			expect(rows(section(html, 'overall'))).toContain(`已完成 ${done} 项 ${Math.round((done / ofYear.length) * 100)}%`);
		}
		expect(existsSync(join(testDist, 'progress/method/index.html'))).toBe(true);
	});
});

describe('content the build refuses', () => {
	/** A copy of the fixture with one file changed, built; the build must fail. */
	function brokenBuild(file: string, from: string, to: string) {
		const root = join(copies, file.replace(/\W/g, '-'));
		cpSync(fixture, root, { recursive: true });
		const path = join(root, file);
		const source = readFileSync(path, 'utf8');
		expect(source).toContain(from);
		writeFileSync(path, source.replace(from, to));
		return build({ CONTENT_DIR: root, PROGRESS_TODAY: '2024-07-01', SITE_OUT_DIR: join(scratch, `broken-${file.replace(/\W/g, '-')}`) });
	}

	it('names the file and field of an action owner that does not exist', () => {
		const { status, output } = brokenBuild('reports/2023/measures/fixture-late-measure.mdx', 'owner: bureau-b }', 'owner: bureau-x }');
		expect(status).not.toBe(0);
		expect(output).toMatch(/fixture-late-measure\.mdx 的 actions\.1\.owner（第 2 项任务的责任单位）：责任单位 "bureau-x" 不存在。现有的责任单位：bureau-a、bureau-b、bureau-c、bureau-d。/);
	}, 120_000);

	it('names the file and field of an update out of date order', () => {
		const { status, output } = brokenBuild('reports/2023/measures/fixture-all-done.mdx', 'date: 2024-05-10', 'date: 2024-02-10');
		expect(status).not.toBe(0);
		expect(output).toMatch(/measures → fixture-all-done\** data does not match collection schema/);
		expect(output).toMatch(/updates\.2\.date\**: 进展记录须按日期从早到晚排列：第 3 条的日期 2024-02-10 早于前一条的 2024-03-01。/);
		expect(output).toMatch(/file: '[^']*reports\/2023\/measures\/fixture-all-done\.mdx'/);
	}, 120_000);
});
