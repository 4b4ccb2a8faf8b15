/**
 * The figures a text states, by the project's rule: the number as the report writes it, the
 * magnitude in the unit, the qualifier beside it ("超过10.7万家" → 10.7, 万家, 超过). Years,
 * dates, ordinals (第五届), versions (4.0版), ranges (1-8月) and numbers inside names (“两个责任”,
 * 《…》, 12315平台) are not figures. Pure.
 */
import { qualifiers, type Qualifier } from '../../vocabulary';

export interface Metric {
	label: string;
	value: number;
	unit: string;
	qualifier?: Qualifier;
}

/** Measure words a count ends with; a magnitude (万, 亿) may stand before them. */
const baseUnits = ['万台套', '台套', '人次', '件次', '批次', '个月', '平方米', '小时', '公里', '分钟', '家', '件', '次', '项', '个', '位', '部', '场', '条', '户', '元', '%', '％', '年', '国', '台', '人', '名', '所', '座', '种', '类', '份', '篇', '天', '吨', '倍', '起', '宗', '批', '处', '辆', '支', '套', '张', '本', '册', '亩'];
const magnitudes = ['千万', '百万', '万', '亿'];
const before = Object.keys(qualifiers).filter((q) => qualifiers[q as Qualifier] === 'before').sort((a, b) => b.length - a.length);

const alternation = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[%]/g, '\\$&')).join('|');
const unitPattern = `(?:${alternation(magnitudes)})?(?:${alternation(baseUnits)})`;
const figure = new RegExp(`(\\d+(?:\\.\\d+)?)(余)?(${unitPattern})(以上)?`, 'g');
/** Small counts the report writes in Chinese, where they are counts: 连续两年, 三年来, 三个. */
const chineseCount = /(连续)?([两二三四五六七八九十])(年)(来)?|([两二三四五六七八九十])(个)/g;
const chineseValues: Record<string, number> = { 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Where names stand: inside “…”, 《…》 or "…", a number is part of a name. */
function quotedAt(text: string): boolean[] {
	const inside: boolean[] = [];
	let depth = 0;
	for (const char of text) {
		if (char === '“' || char === '《' || char === '「') depth++;
		inside.push(depth > 0);
		if ((char === '”' || char === '》' || char === '」') && depth > 0) depth--;
	}
	return inside;
}

const clauseBreak = /[，,；;。：:！？!?]/;
const joiners = /^[的、和及与]+|[的、和及与共达为了]+$/g;

/** What is counted, in the text's words: what follows the figure in its clause, else what precedes it. */
function labelOf(text: string, start: number, end: number): string {
	let from = start;
	while (from > 0 && !clauseBreak.test(text[from - 1]!)) from--;
	let to = end;
	while (to < text.length && !clauseBreak.test(text[to]!)) to++;
	// Up to the next figure, when the clause lists several ("30个国家的101部法规、28家机构").
	const rest = text.slice(end, to);
	const upToNext = rest.slice(0, rest.search(/\d|$/));
	// "59万台套特种设备的繁重监管任务": what is counted stands before the first 的.
	const counted = upToNext.split('的')[0]!;
	const following = (counted.length >= 2 ? counted : upToNext).replace(joiners, '').trim();
	const preceding = text
		.slice(from, start)
		.replace(/^[一二三四五六七八九十]+是/, '')
		.replace(new RegExp(`(?:${before.join('|')})$`), '')
		.replace(joiners, '')
		.trim();
	const label = following.length >= 2 ? following : preceding.length >= 2 ? preceding : following || preceding;
	return (label || text.slice(from, to)).slice(0, 30);
}

export function extractMetrics(text: string): Metric[] {
	const quoted = quotedAt(text);
	const found: { at: number; metric: Metric }[] = [];
	for (const match of text.matchAll(figure)) {
		const at = match.index;
		const [whole, number, more, unit, plus] = match as unknown as [string, string, string | undefined, string, string | undefined];
		const prev = text[at - 1] ?? '';
		const next = text[at + whole.length] ?? '';
		const value = Number(number);
		if (quoted[at] || prev === '第' || /[\d.\-—~～a-zA-Z]/.test(prev) || /[\-—~～]/.test(next)) continue;
		if (unit === '年' && value >= 1900 && value <= 2100) continue;
		if (unit === '年' && next === '度') continue;
		const qualifier = (before.find((q) => text.slice(at - q.length, at) === q) ?? (more ? '余' : plus)) as Qualifier | undefined;
		const start = qualifier && qualifiers[qualifier] === 'before' ? at - qualifier.length : at;
		found.push({ at, metric: { label: labelOf(text, start, at + whole.length), value, unit, ...(qualifier ? { qualifier } : {}) } });
	}
	for (const match of text.matchAll(chineseCount)) {
		const at = match.index;
		const [whole, since, yearNumeral, year, ago, countNumeral, count] = match as unknown as (string | undefined)[];
		// 二十个 is twenty, not ten: a numeral within a longer one is no small count.
		if (quoted[at] || /[零一二两三四五六七八九十百千万]/.test(text[at + (since?.length ?? 0) - 1] ?? '')) continue;
		if (year && !since && !ago) continue;
		const numeral = (yearNumeral ?? countNumeral)!;
		const start = since ? at + since.length : at;
		found.push({ at, metric: { label: labelOf(text, start, at + whole!.length), value: chineseValues[numeral]!, unit: (year ?? count)! } });
	}
	return found.sort((a, b) => a.at - b.at).map((f) => f.metric);
}
