// The linker on in-memory content: reports, their sections and entries, links across years, and
// the Chinese error that names the file and field when a link or a year is wrong.
import { describe, expect, it } from 'vitest';
import { link } from '../src/data/link';
import { linkerInput, twoReports, type RawContent } from './setup/linker-input';

const linked = (change: (content: RawContent) => void = () => {}) => {
	const content = twoReports();
	change(content);
	return link(linkerInput(content));
};

describe('reports', () => {
	it('orders reports by the year they sum up and leads with the newest', () => {
		const site = linked();
		expect(site.reports.map((r) => r.id)).toEqual(['2023', '2024']);
		expect(site.latest?.id).toBe('2024');
		expect(site.report('2023').name).toBe('2023 年工作报告');
		expect(site.years).toEqual([2023, 2024, 2025]);
	});

	it('puts each entry and section in the report whose folder it is in', () => {
		const site = linked();
		expect(site.report('2023').achievements.map((e) => e.id)).toEqual(['a23']);
		expect(site.report('2023').measures.map((e) => e.id)).toEqual(['m24']);
		expect(site.report('2024').sections.map((s) => s.id)).toEqual(['t24', 't25']);
		expect(site.entries.map((e) => `${e.id}:${e.report.id}:${e.year}`)).toEqual(['a23:2023:2023', 'm24:2023:2024', 'a24:2024:2024', 'm25:2024:2025']);
	});

	it('finds the entry a page shows by its URL, and nothing for any other page', () => {
		const site = linked();
		for (const entry of site.entries) expect(site.entryAt(entry.url)).toBe(entry);
		expect(site.entryAt(site.report('2024').url)).toBeUndefined();
		expect(site.entryAt(`${site.achievement('a23').url}#p1`)).toBeUndefined();
	});

	it('titles a year’s list by its report’s own heading, else by year and kind', () => {
		const site = linked();
		expect(site.yearTitle('achievement', 2023)).toBe('二〇二三年总结');
		expect(site.yearTitle('measure', 2024)).toBe('二〇二四年计划');
		expect(site.yearTitle('measure', 2025)).toBe('2025 年举措');
		expect(site.yearTitle('achievement', 2019)).toBe('2019 年成果');
	});

	it('maps each entry to the paragraphs of its own report', () => {
		const site = linked();
		expect(site.achievement('a24').paragraphs).toEqual([1]);
		expect(site.measures.find((m) => m.id === 'm24')?.paragraphs).toEqual([2]);
	});
});

describe('across years', () => {
	it('links what a later summary says of an earlier plan, both ways, and counts it as evidence', () => {
		const site = linked();
		const m24 = site.measures.find((m) => m.id === 'm24')!;
		expect(site.achievement('a24').reportsOn).toEqual([m24]);
		expect(m24.reportedBy.map((a) => a.id)).toEqual(['a24']);
		expect(site.progress.byYear.map(({ year, reported }) => [year, reported])).toEqual([
			[2024, 1],
			[2025, 0],
		]);
		// Evidence does not change what staff recorded.
		expect(m24.status).toBe('planned');
	});

	it('links a measure to the achievements it carries on', () => {
		const site = linked();
		expect(site.achievement('a23').continuedBy.map((m) => m.id)).toEqual(['m24']);
	});

	it('resolves an update’s source to the quoted paragraph of a report', () => {
		const [update] = linked().measures.find((m) => m.id === 'm25')!.updates;
		expect(update?.source).toMatchObject({ kind: 'report', url: '/source/2024/#p2', paragraph: { number: 2, text: '条目m25的原文。' } });
	});

	it('rejects a source paragraph the report does not have, naming the file and field', () => {
		expect(() =>
			linked((c) => {
				(c.measures[1]!.data['updates'] as { source: { paragraph: number } }[])[0]!.source.paragraph = 9;
			}),
		).toThrow('content/reports/2024/measures/m25.mdx 的 updates.0.source：报告 2024 只有 2 段，没有第 9 段。');
	});

	it('rejects a source in a report that does not exist', () => {
		expect(() =>
			linked((c) => {
				(c.measures[1]!.data['updates'] as { source: { report: string } }[])[0]!.source.report = '2019';
			}),
		).toThrow('updates.0.source：报告 "2019" 不存在。现有的报告：2023、2024。');
	});
});

describe('mistakes the linker refuses', () => {
	it('names a year that disagrees with the entry’s report', () => {
		expect(() => linked((c) => (c.achievements[0]!.data['year'] = 2024))).toThrow('content/reports/2023/achievements/a23.mdx 的 year：2024 与所在报告 2023 不符，报告的成果属于 2023 年。');
	});

	it('names a section of another report', () => {
		expect(() => linked((c) => (c.achievements[0]!.data['section'] = 't24'))).toThrow('的 section：板块 "t24" 不是报告 2023 的成果部分。');
	});

	it('names a cycle of parent sections instead of recursing', () => {
		expect(() =>
			linked((c) => {
				c.sections[0]!.data['parent'] = 'x';
				c.sections.push({ id: 'x', path: 'content/reports/2023/sections/x.yaml', data: { year: 2023, kind: 'achievement', order: 2, title: 'x', parent: 's23' } });
			}),
		).toThrow('content/reports/2023/sections/s23.yaml 的 parent：上级部分形成了循环（s23 → x → s23）。');
	});

	it('names a measure that reportsOn points at but that does not exist', () => {
		expect(() => linked((c) => (c.achievements[1]!.data['reportsOn'] = ['m99']))).toThrow('content/reports/2024/achievements/a24.mdx 的 reportsOn.0：举措 "m99" 不存在。');
	});
});

describe('owners', () => {
	it('rolls up an owner’s measures and tasks once every measure is linked', () => {
		const site = linked();
		expect(site.owner('bureau').progress.measures).toBe(2);
		expect(site.owner('bureau').owns).toHaveLength(4);
		expect(site.report('2023').publisher).toBe(site.owner('bureau'));
	});
});
