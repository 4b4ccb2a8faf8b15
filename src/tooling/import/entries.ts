/**
 * What an item says about itself: a title of at most 30 characters in its own words, a summary
 * that is its first sentence, and (for an achievement) whether the work is done or still under
 * way. Pure.
 */
import { subjectText } from './owners';

export const titleLimit = 30;

const marker = /^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d))/;
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** The first sentence without its enumeration mark ("一是", "（1）"). */
export const summaryOf = (sentences: readonly string[]) => (sentences[0] ?? '').replace(marker, '').trim();

/** Cuts at a word boundary at most `limit` long, never inside a number or leaving a bracket open. */
function cut(text: string, limit: number): string {
	if (text.length <= limit) return text;
	const at = text.slice(0, limit + 1).search(/[、和及与并](?=[^、和及与并]*$)/);
	let result = at >= 8 ? text.slice(0, at) : '';
	if (!result) {
		for (const { segment, index } of words.segment(text)) {
			if (index + segment.length > limit) break;
			result = text.slice(0, index + segment.length);
		}
	}
	if (!result) result = text.slice(0, limit).replace(/[\d.]+$/, '');
	for (const [open, close] of [['《', '》'], ['“', '”'], ['（', '）'], ['(', ')']] as const) {
		const opened = result.lastIndexOf(open);
		if (opened > result.lastIndexOf(close)) result = opened >= 6 ? result.slice(0, opened) : result.slice(0, opened) + result.slice(opened + 1);
	}
	return result.replace(/[、和及与并的等]+$/, '');
}

/**
 * The item's opening clause, without its mark, its time or field clause, the publisher as
 * subject or a "了" of completion; cut to 30 characters.
 */
export function titleOf(sentences: readonly string[], publisherNames: readonly string[]): string {
	let text = subjectText(summaryOf(sentences)).replace(/。$/, '').replace(/^\d{4}年(?:\d{1,2}月)?(?=.{4})/, '');
	for (const name of [...publisherNames].sort((a, b) => b.length - a.length)) if (text.startsWith(name)) text = text.slice(name.length);
	const clause = text.split(/[，,；;：:]/)[0]!.replace(/(建立|印发|制发|制订|制定|开展|推出|完成|出台|明确|汇编|实现|成立|召开)了/g, '$1');
	const title = cut(clause.length >= 4 ? clause : text, titleLimit).trim();
	return title.length >= 2 ? title : cut(summaryOf(sentences).replace(/。$/, ''), titleLimit);
}

/** Work still under way: 正在, 仍在, 创建; or a clause that opens with 推进 while the text records no result. */
const underWay = /正在|仍在|尚未/;
const founding = /创建(?!成功)/;
const result = /建成|建立|实现|完成|推出|发布|落地/;
const pushOn = /^(?:\d{4}年)?(?:深入|大力|全力|加快|持续|稳步|有序|积极|扎实|全面|进一步|继续)?推进/;

export function achievementStatus(sentences: readonly string[]): { status: 'done' | 'ongoing'; because?: string } {
	const text = sentences.join('');
	const found = underWay.exec(text) ?? founding.exec(text);
	if (found) return { status: 'ongoing', because: found[0] };
	const clause = text.split(/[，,；;。]/).map((c) => subjectText(c.replace(marker, ''))).find((c) => pushOn.test(c));
	if (clause && !result.test(text)) return { status: 'ongoing', because: clause.match(pushOn)![0] };
	return { status: 'done' };
}
