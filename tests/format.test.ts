import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatFigure, formatNumber, formatPercent, isoDate } from '../src/lib/format';
import { headingText, parseReport, plainText, splitSentences } from '../src/lib/report-text';
import { editUrl, entryUrl, progressYearUrl, reportUrl, sectionUrl, sourceUrl, url } from '../src/lib/urls';

describe('figures read as the report writes them', () => {
	it.each([
		[{ value: 10.7, unit: '万家', qualifier: '超过' as const }, '超过10.7万家'],
		[{ value: 106, unit: '亿元', qualifier: '超' as const }, '超106亿元'],
		[{ value: 82, unit: '万条', qualifier: '近' as const }, '近82万条'],
		[{ value: 6000, unit: '人次', qualifier: '余' as const }, '6000余人次'],
		[{ value: 90, unit: '%', qualifier: '以上' as const }, '90%以上'],
		[{ value: 15623, unit: '件' }, '15623件'],
		[{ value: 1.53, unit: '万户' }, '1.53万户'],
	])('%o → %s', (metric, text) => {
		expect(formatFigure(metric)).toBe(text);
	});

	it('keeps digits ungrouped and formats counts, percentages and dates in zh-CN', () => {
		expect(formatNumber(254000)).toBe('254000');
		expect(formatCount(3, 74)).toBe('3 / 74');
		expect(formatPercent(0.256)).toBe('26%');
		expect(formatDate(new Date('2024-03-01'))).toBe('2024年3月1日');
		expect(isoDate(new Date('2024-03-01'))).toBe('2024-03-01');
	});
});

describe('URLs', () => {
	it('builds every path from the base', () => {
		expect(url()).toBe('/');
		expect(entryUrl('measure', 'old-elevator-safety-assessment')).toBe('/measures/old-elevator-safety-assessment/');
		expect(entryUrl('achievement', 'no-lost-lawsuits')).toBe('/achievements/no-lost-lawsuits/');
		expect(sectionUrl('measure', '2024-4-4')).toBe('/measures/#section-2024-4-4');
		expect(sourceUrl()).toBe('/source/');
		expect(sourceUrl('2023', 18)).toBe('/source/2023/#p18');
		expect(reportUrl('2023')).toBe('/reports/2023/');
		expect(progressYearUrl(2024)).toBe('/progress/2024/');
		// Outside a build no repository is resolved (src/lib/repository.ts): no edit link, not a guessed one.
		expect(editUrl('content/reports/2023/measures/x.mdx')).toBeUndefined();
	});
});

describe('report text', () => {
	it('splits sentences at 。 and keeps a last sentence without one', () => {
		expect(splitSentences('甲,乙。丙;丁。戊')).toEqual(['甲,乙。', '丙;丁。', '戊']);
	});

	it('reads headings without their numbering', () => {
		expect(headingText('1.全力创优营商环境。')).toBe('全力创优营商环境');
		expect(headingText('三、以强基固本为抓手,全面推进法治市场监管建设')).toBe('以强基固本为抓手,全面推进法治市场监管建设');
	});

	it('keeps only the quoted words of an MDX body', () => {
		expect(plainText('## 添加的标题\n\n第一句。\n第二句。\n\n- 列表句。\n')).toBe('第一句。第二句。\n列表句。');
	});

	it('numbers paragraphs from 1, skipping blank lines', () => {
		expect(parseReport('甲。\n\n乙。丙。\n').map((p) => [p.number, p.sentences])).toEqual([
			[1, ['甲。']],
			[2, ['乙。', '丙。']],
		]);
	});
});
