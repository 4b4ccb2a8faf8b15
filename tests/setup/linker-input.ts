// In-memory content for the linker's unit tests: plain objects written as staff write files,
// passed through the site's real schemas with links resolved the way Astro's reference() does.
import { z } from 'astro/zod';
import type { LinkInput, SourceEntry } from '../../src/data/link';
import * as schemas from '../../src/schemas';
import type { LinkedCollection } from '../../src/schemas';

const linked = (collection: LinkedCollection) => z.string().transform((id) => ({ collection, id }));

type Raw = Record<string, unknown>;
/** One file: its id, where it lives (the report is read from the path), its fields and body. */
export interface RawFile {
	id: string;
	path: string;
	data: Raw;
	body?: string;
}

const parse = <S extends z.ZodType>(schema: S, file: RawFile): SourceEntry<z.output<S>> => ({
	id: file.id,
	filePath: file.path,
	data: schema.parse(file.data),
	...(file.body === undefined ? {} : { body: file.body }),
});

export interface RawContent {
	reports: (RawFile & { text: string })[];
	owners: RawFile[];
	sections: RawFile[];
	achievements: RawFile[];
	measures: RawFile[];
}

export function linkerInput(content: RawContent, today = new Date(Date.UTC(2024, 6, 1))): LinkInput {
	return {
		reports: content.reports.map((r) => parse(schemas.report(linked), { ...r, data: { ...r.data, text: r.text } })),
		owners: content.owners.map((o) => parse(schemas.owner, o)),
		sections: content.sections.map((s) => parse(schemas.section(linked), s)),
		achievements: content.achievements.map((a) => parse(schemas.achievement(linked), a)),
		measures: content.measures.map((m) => parse(schemas.measure(linked), m)),
		today,
	};
}

/** Two invented reports: 2023 (sums up 2023, plans 2024) and 2024 (sums up 2024, plans 2025). */
export function twoReports(): RawContent {
	const report = (year: number, text: string[]) => ({
		id: String(year),
		path: `content/reports/${year}/report.yaml`,
		data: { title: `${year}年测试报告`, publisher: 'bureau', summaryYear: year, planYear: year + 1, ...(year === 2023 ? { summaryTitle: '二〇二三年总结', planTitle: '二〇二四年计划' } : {}) },
		text: text.join('\n'),
	});
	const section = (report: number, id: string, kind: 'achievement' | 'measure', order: number, parent?: string) => ({
		id,
		path: `content/reports/${report}/sections/${id}.yaml`,
		data: { year: kind === 'achievement' ? report : report + 1, kind, order, title: `部分${id}`, ...(parent ? { parent } : {}) },
	});
	const entry = (kind: 'achievement' | 'measure', report: number, id: string, section: string, extra: Raw = {}) => ({
		id,
		path: `content/reports/${report}/${kind === 'achievement' ? 'achievements' : 'measures'}/${id}.mdx`,
		data: {
			title: `条目${id}`,
			year: kind === 'achievement' ? report : report + 1,
			section,
			order: 1,
			owner: 'bureau',
			status: kind === 'achievement' ? 'done' : 'planned',
			summary: '摘要。',
			...extra,
		},
		body: `条目${id}的原文。`,
	});
	return {
		reports: [report(2024, ['条目a24的原文。', '条目m25的原文。']), report(2023, ['条目a23的原文。', '条目m24的原文。'])],
		owners: [{ id: 'bureau', path: 'content/owners/bureau.yaml', data: { name: '测试局', shortName: '测试局' } }],
		sections: [section(2023, 's23', 'achievement', 1), section(2023, 's24', 'measure', 1), section(2024, 't24', 'achievement', 1), section(2024, 't25', 'measure', 1)],
		achievements: [entry('achievement', 2023, 'a23', 's23'), entry('achievement', 2024, 'a24', 't24', { reportsOn: ['m24'] })],
		measures: [
			entry('measure', 2023, 'm24', 's24', { continues: ['a23'] }),
			entry('measure', 2024, 'm25', 't25', {
				continues: ['a24'],
				status: 'in-progress',
				updates: [{ date: '2024-06-01', status: 'in-progress', note: '已开始。', source: { report: '2024', paragraph: 2 } }],
			}),
		],
	};
}
