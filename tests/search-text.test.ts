// How text is cut into search tokens on both sides of the search: the indexed HTML and the query.
import { describe, expect, it } from 'vitest';
import { segmentHtml } from '../src/integrations/pagefind';
import { halfWidth, parseQuery, segmentForIndex, tokensOf, ZWSP } from '../src/lib/search-text';

const show = (text: string) => text.replaceAll(ZWSP, '|');

describe('segmentForIndex', () => {
	it('puts a boundary between every two Han characters and digits, and nowhere else', () => {
		expect(show(segmentForIndex('老旧电梯'))).toBe('老|旧|电|梯');
		expect(show(segmentForIndex('12315平台'))).toBe('1|2|3|1|5|平|台');
		expect(show(segmentForIndex('在 Git 中编辑'))).toBe('在 Git 中|编|辑');
		expect(show(segmentForIndex('Git中'))).toBe('Git|中');
	});

	it('cuts a decimal point off its digits, which Pagefind would keep as one word', () => {
		expect(show(segmentForIndex('超过10.7万家'))).toBe('超|过|1|0|.|7|万|家');
		expect(show(segmentForIndex('1-8月'))).toBe('1-8|月');
	});

	it('leaves punctuation, spaces and the characters themselves as they were', () => {
		const text = '“免罚轻罚”清单，共 114 项。';
		expect(segmentForIndex(text).replaceAll(ZWSP, '')).toBe(text);
	});

	it('reads full-width digits and letters as ASCII', () => {
		expect(halfWidth('１２３１５ＡＢｃ')).toBe('12315ABc');
		expect(show(segmentForIndex('１２号'))).toBe('1|2|号');
	});
});

describe('segmentHtml', () => {
	it('cuts text nodes and where they start, but no markup, attribute, entity or script', () => {
		const html = '<p title="老旧电梯">做好<a href="/x/">电梯</a>评估&amp;<script>const a = "电梯";</script>&#x27;</p>';
		expect(show(segmentHtml(html))).toBe(
			'<p title="老旧电梯">|做|好<a href="/x/">|电|梯</a>|评|估&amp;<script>const a = "电梯";</script>&#x27;</p>',
		);
	});
});

describe('parseQuery', () => {
	it('splits a query into terms on spaces and punctuation, quotes included', () => {
		expect(parseQuery('老旧 电梯').map((t) => t.text)).toEqual(['老旧', '电梯']);
		expect(parseQuery('“免罚轻罚”').map((t) => t.text)).toEqual(['免罚轻罚']);
		expect(parseQuery('"一照多址"、双11').map((t) => t.text)).toEqual(['一照多址', '双11']);
		expect(parseQuery('  ，。 ')).toEqual([]);
	});

	it('cuts each term into the tokens the index holds', () => {
		expect(parseQuery('苏小检')[0]?.forms).toEqual([['苏', '小', '检']]);
		expect(parseQuery('１２３１５')[0]?.forms).toEqual([['1', '2', '3', '1', '5']]);
		expect(tokensOf('Git中')).toEqual(['git', '中']);
	});

	it('keeps a decimal point in its number, and drops a term that is only a point', () => {
		expect(parseQuery('10.7万家')[0]?.forms).toEqual([['1', '0', '.', '7', '万', '家']]);
		expect(parseQuery('25．4')[0]?.forms).toEqual([['2', '5', '.', '4']]);
		expect(parseQuery('. ..')).toEqual([]);
	});

	it('adds the other forms of a synonym group', () => {
		const [term] = parseQuery('市监局');
		expect(term?.forms.map((f) => f.join(''))).toEqual(['市监局', '市场监督管理局', '市场监管局', '市场局']);
		expect(parseQuery('知产质押')[0]?.forms.map((f) => f.join(''))).toEqual(['知产质押', '知识产权质押']);
		expect(parseQuery('电梯')[0]?.forms).toHaveLength(1);
	});

	it('drops a repeated term', () => {
		expect(parseQuery('电梯 电梯').map((t) => t.text)).toEqual(['电梯']);
	});
});
