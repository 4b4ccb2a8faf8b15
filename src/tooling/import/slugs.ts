/**
 * File names (and so URLs) for imported entries: the title's words in pinyin, ASCII kebab-case,
 * readable ("gongping-jingzheng-shencha"), the same on every import of the same text, and unique
 * across all reports: a name already taken gets the entry's year, then a number.
 */
import { pinyin } from 'pinyin-pro';

const words = new Intl.Segmenter('zh', { granularity: 'word' });
/** Enough words to tell entries apart, few enough to stay readable in a URL. */
const maxWords = 5;

export function slugBase(title: string): string {
	const parts: string[] = [];
	for (const { segment, isWordLike } of words.segment(title)) {
		if (!isWordLike) continue;
		const ascii = /[\u3400-\u9fff]/.test(segment) ? pinyin(segment, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' }).join('') : segment;
		const clean = ascii.toLowerCase().replace(/[^a-z0-9]+/g, '');
		if (clean) parts.push(clean);
		if (parts.length === maxWords) break;
	}
	return parts.join('-');
}

/** A slug for `title` not in `taken`; adds it to `taken`. */
export function uniqueSlug(title: string, year: number, taken: Set<string>, fallback: string): string {
	const base = slugBase(title) || fallback;
	let slug = base;
	for (let n = 1; taken.has(slug); n++) slug = n === 1 ? `${base}-${year}` : `${base}-${year}-${n}`;
	taken.add(slug);
	return slug;
}
