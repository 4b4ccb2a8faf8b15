// What a search result shows, from a Pagefind fragment alone (src/lib/search-result.ts), and how a
// query in traditional characters is read (src/lib/search-variants.ts, src/integrations/search-variants.ts).
// Unit tests: no site is built.
import { describe, expect, it } from 'vitest';
import { hanCharacters, variantTable } from '../src/integrations/search-variants';
import { excerptOf, openingWords, ownTextId, ownTextOf, resultView, textDirective } from '../src/lib/search-result';
import { parseQuery, ZWSP } from '../src/lib/search-text';
import { toSimplified } from '../src/lib/search-variants';

/** Text as Pagefind's raw_content holds it: a zero-width space between any two characters. */
const indexed = (text: string) => [...text].join(ZWSP);
const wordsOf = (raw: string) => [...raw.matchAll(/[^\s\u200B]+/g)].map((m) => m[0]);

const shown = (passages: ReturnType<typeof excerptOf>) =>
	passages.map((p) => `${p.cutStart ? '…' : ''}${p.parts.map((x) => (x.marked ? `[${x.text}]` : x.text)).join('')}${p.cutEnd ? '…' : ''}`).join('');

describe('excerptOf', () => {
	const text = '开展电梯维保单位工作质量评价。推进老旧住宅电梯安全评估。完成苏迪曼杯等重大活动保障。';

	it('shows the sentence where the term first stands, every occurrence marked', () => {
		expect(shown(excerptOf(text, parseQuery('电梯')))).toBe('开展[电梯]维保单位工作质量评价。');
		expect(shown(excerptOf(text, parseQuery('苏迪曼杯')))).toBe('…完成[苏迪曼杯]等重大活动保障。');
	});

	it('shows one sentence per term, each once, and says where text is left out', () => {
		expect(shown(excerptOf(text, parseQuery('维保 重大活动')))).toBe('开展电梯[维保]单位工作质量评价。…完成苏迪曼杯等[重大活动]保障。');
		expect(shown(excerptOf(text, parseQuery('电梯 评价')))).toBe('开展[电梯]维保单位工作质量[评价]。');
		expect(shown(excerptOf('做好评估工作。做好评估工作。', parseQuery('做好 工作')))).toBe('[做好]评估[工作]。');
	});

	it('marks the longer of two terms whole, and a synonym as the term', () => {
		expect(shown(excerptOf(text, parseQuery('电梯 电梯维保')))).toBe('开展[电梯维保]单位工作质量评价。');
		expect(shown(excerptOf('苏州市市场监督管理局无败诉。', parseQuery('市监局')))).toBe('苏州市[市场监督管理局]无败诉。');
	});

	it('cuts a long sentence around the term, 100 characters from a little before it', () => {
		const long = `${'甲'.repeat(80)}乙丙丁电梯戊${'己'.repeat(200)}。`;
		const result = shown(excerptOf(long, parseQuery('电梯')));
		expect(result).toMatch(/^…甲+乙丙丁\[电梯\]戊己+…$/);
		expect([...result.replace(/[[\]…]/g, '')].length).toBe(100);
		// Near the end of the sentence, the passage ends with it.
		expect(shown(excerptOf(`${'甲'.repeat(200)}电梯。`, parseQuery('电梯')))).toMatch(/^…甲+\[电梯\]。$/);
	});

	it('falls back to the first sentence when the term stands only elsewhere (a title, a keyword), and shows nothing for no text', () => {
		expect(shown(excerptOf(text, parseQuery('特种设备')))).toBe('开展电梯维保单位工作质量评价。');
		expect(excerptOf('', parseQuery('电梯'))).toEqual([]);
	});
});

describe('ownTextOf', () => {
	// As Pagefind stores a page: words between zero-width spaces, an anchor at the word each id starts.
	const raw = indexed('做好老旧电梯安全评估. 做好老旧电梯安全评估工作。 报告原文. 做好老旧电梯安全评估工作。 具体任务. ○未启动 做好.');
	const words = wordsOf(raw);

	it('takes the words from the own-text element to the next element with an id', () => {
		const start = words.indexOf('文') + 2;
		const end = words.indexOf('具');
		const anchors = [
			{ element: 'h2', id: 'text', text: '报告原文', location: words.indexOf('报') },
			{ element: 'div', id: ownTextId, text: '', location: start },
			{ element: 'h2', id: 'actions', text: '具体任务', location: end },
		];
		expect(ownTextOf({ raw_content: raw, anchors })).toBe('做好老旧电梯安全评估工作。');
	});

	it('is empty for a record without one', () => {
		expect(ownTextOf({ raw_content: raw, anchors: [] })).toBe('');
	});
});

describe('resultView', () => {
	const fragment = (meta: Record<string, string>, text: string) => {
		const raw = indexed(`标题. ${text}`);
		const location = wordsOf(raw).indexOf('.') + 1;
		return { url: '/x/', content: '', raw_content: raw, anchors: [{ element: 'p', id: ownTextId, text: '', location }], meta, filters: {} };
	};

	it('says of an entry its kind, year, report, status and owner, and links to the term', () => {
		const view = resultView(
			fragment({ title: `${ZWSP}电${ZWSP}梯`, kind: '举措', year: '2024', report: '某报告', status: '未启动', owner: '某局' }, '做好电梯评估。'),
			parseQuery('电梯'),
		);
		expect(view.title).toBe('电梯');
		expect(view.facts).toEqual(['举措', '2024年', '某报告', '未启动', '责任单位：某局']);
		expect(decodeURIComponent(view.href)).toBe('/x/#:~:text=做好-,电梯,-评估。');
	});

	it('titles a report paragraph by its first words and says which report and paragraph', () => {
		const view = resultView(fragment({ title: '报告原文第 9 段', kind: '报告原文', report: '某报告', paragraph: '9' }, '4.构建高效监管体系。推进平台建设。'), parseQuery('平台'));
		expect(view.title).toBe('4.构建高效监管体系');
		expect(view.facts).toEqual(['报告原文', '某报告第 9 段']);
		expect(shown(view.excerpt)).toBe('…推进[平台]建设。');
	});
});

describe('openingWords and textDirective', () => {
	it('keeps a short first clause whole and cuts a long one', () => {
		expect(openingWords('4.构建高效监管体系。其余。')).toBe('4.构建高效监管体系');
		expect(openingWords(`${'甲'.repeat(40)}。`)).toBe(`${'甲'.repeat(24)}…`);
	});

	it('grows the match to whole words with a little context on each side', () => {
		const directive = decodeURIComponent(textDirective('推进老旧住宅电梯安全评估。', 6, 2));
		expect(directive).toMatch(/^text=.+-,电梯,-.+$/);
	});
});

describe('traditional characters', () => {
	const site = hanCharacters('做好老旧电梯安全评估工作，知识产权质押融资，苏小福，显著，干部。');
	const table = variantTable(site);

	it('reads traditional and mixed queries as the simplified text has them', () => {
		expect(toSimplified('老舊電梯', table)).toBe('老旧电梯');
		expect(toSimplified('知識产权 質押', table)).toBe('知识产权 质押');
		expect(toSimplified('蘇小福', table)).toBe('苏小福');
	});

	it('leaves simplified text, and characters the site itself uses, as they are', () => {
		expect(toSimplified('做好老旧电梯安全评估', table)).toBe('做好老旧电梯安全评估');
		// 著 and 干 are also traditional forms (of 着, of 乾/幹), but this site's text uses them as they are.
		expect(table.chars['著']).toBeUndefined();
		expect(table.chars['幹']).toBe('干');
		expect(toSimplified('显著 幹部', table)).toBe('显著 干部');
	});

	it('keeps only forms whose simplified result stands in the site\'s text', () => {
		expect(table.chars['電']).toBe('电');
		expect(table.chars['車']).toBeUndefined();
		expect(Object.keys(table.chars).length).toBeLessThan(100);
	});

	it('prefers a phrase to its characters', () => {
		expect(toSimplified('乾隆', { chars: { 乾: '干' }, phrases: { 乾隆: '乾隆' } })).toBe('乾隆');
		expect(toSimplified('乾淨', { chars: { 乾: '干', 淨: '净' }, phrases: { 乾隆: '乾隆' } })).toBe('干净');
	});
});
