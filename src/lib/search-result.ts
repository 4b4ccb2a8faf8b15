/**
 * What the search page shows for one result, from Pagefind's fragment alone: a title, what the
 * result is (kind, year, report, status, owner; for a report paragraph, which report and which
 * paragraph), and an excerpt from the record's own text (an entry's body, a paragraph, a section's
 * intro): the sentences where the terms stand, each once, terms marked. Pure, with no DOM: the page
 * renders it, the tests check it over every result of the query set.
 */
import type { PagefindFragment } from './search-engine';
import { ZWSP, type QueryTerm } from './search-text';

export interface ExcerptPart {
	text: string;
	marked: boolean;
}

/** One sentence of the text (or a window of a long one), cut where `cutStart` / `cutEnd` say. */
export interface Passage {
	parts: ExcerptPart[];
	/** Something of the text stands between this passage and the one before it (or the text's start). */
	cutStart: boolean;
	/** The passage ends before its sentence does. */
	cutEnd: boolean;
}

export interface ResultView {
	/** The result's address, with a text fragment that makes the browser highlight the first term there. */
	href: string;
	title: string;
	/** What the result is, in reading order: kind, year, report, paragraph, status, owner. */
	facts: string[];
	excerpt: Passage[];
}

/** Longest shown stretch of one sentence; longer sentences are cut around the term. */
const maxPassage = 100;
/** How many sentences an excerpt shows at most: one per term, as long as the terms stand apart. */
const maxPassages = 2;

const clean = (text = '') => text.replaceAll(ZWSP, '').replace(/\s+/g, ' ').trim();

/**
 * The id of the element that holds a record's own text (an entry's body, a record's paragraph).
 * Pagefind lists it among the fragment's anchors with the word it starts at, so the text is found
 * in the indexed words without storing it twice: a second copy, as metadata, would be indexed
 * too and add a third to the index a first search downloads.
 */
export const ownTextId = 'own-text';

/** The record's own text: the indexed words from its own-text element up to the next element with an id. */
export function ownTextOf(data: Pick<PagefindFragment, 'raw_content' | 'anchors'>): string {
	const start = data.anchors?.find((a) => a.id === ownTextId);
	if (!start || !data.raw_content) return '';
	const end = data.anchors!.filter((a) => a.location > start.location).reduce((min, a) => Math.min(min, a.location), Infinity);
	// Word n of the index is the n-th run of characters between spaces and zero-width spaces.
	const words = [...data.raw_content.matchAll(/[^\s\u200B]+/g)];
	const from = words[start.location]?.index ?? data.raw_content.length;
	const to = words[end]?.index ?? data.raw_content.length;
	// Pagefind ends a block that has no closing punctuation with ". ".
	return clean(data.raw_content.slice(from, to)).replace(/\.$/, '');
}

/** The regular expression source of one form of a term; tokens are Han characters, digits, Latin words or a point (tokensOf). */
const formPattern = (tokens: readonly string[]) => tokens.map((t) => (t === '.' ? '[.．]' : t)).join('');

/** The regular expression source that finds a term, or any of its other forms, in the text. */
export const termPattern = (term: QueryTerm) => term.forms.map(formPattern).join('|');

/** Every form of every term, longest first, so that 电梯维保 is marked whole where 电梯 is a term too. */
const anyTerm = (terms: readonly QueryTerm[]) => {
	const forms = terms.flatMap((term) => term.forms.map(formPattern)).sort((a, b) => b.length - a.length);
	return forms.length ? new RegExp(forms.join('|'), 'gi') : undefined;
};

/** The text's sentences, each with its closing punctuation. */
export const sentencesOf = (text: string) =>
	clean(text)
		.split(/(?<=[。！？；!?;])/u)
		.map((s) => s.trim())
		.filter(Boolean);

/** The opening words of a text, for a title: its first clause, or its first 24 characters. */
export function openingWords(text: string) {
	const [first = ''] = sentencesOf(text);
	const clause = first.replace(/[。！？；!?;]$/u, '');
	const chars = [...clause];
	return chars.length <= 28 ? clause : `${chars.slice(0, 24).join('')}…`;
}

/** The passages of `text` where the terms stand; with no term in the text, its first sentence. */
export function excerptOf(text: string | undefined, terms: readonly QueryTerm[]): Passage[] {
	const sentences = sentencesOf(text ?? '');
	if (sentences.length === 0) return [];
	const patterns = terms.map(termPattern);
	const any = anyTerm(terms);
	// The first sentence of each term, in text order: each sentence once, however many terms it holds.
	const chosen = new Set<number>();
	for (const pattern of patterns) {
		const at = sentences.findIndex((s) => new RegExp(pattern, 'i').test(s));
		if (at >= 0 && ![...chosen].some((i) => sentences[i] === sentences[at])) chosen.add(at);
	}
	const picked = chosen.size ? [...chosen].sort((x, y) => x - y).slice(0, maxPassages) : [0];
	return picked.map((index, k) => {
		const sentence = sentences[index]!;
		const matches = any ? [...sentence.matchAll(any)] : [];
		const [start, end] = windowOf(sentence, matches[0]?.index ?? 0);
		const shown = sentence.slice(start, end);
		return {
			parts: markTerms(shown, any),
			cutStart: start > 0 || index > (k === 0 ? 0 : picked[k - 1]! + 1),
			cutEnd: end < sentence.length,
		};
	});
}

/** Where to cut a long sentence: `maxPassage` characters from a little before the term. */
function windowOf(sentence: string, at: number): [number, number] {
	if (sentence.length <= maxPassage) return [0, sentence.length];
	const start = Math.max(0, Math.min(at - 20, sentence.length - maxPassage));
	return [start, start + maxPassage];
}

function markTerms(text: string, any: RegExp | undefined): ExcerptPart[] {
	const parts: ExcerptPart[] = [];
	let last = 0;
	for (const match of any ? text.matchAll(any) : []) {
		if (match.index > last) parts.push({ text: text.slice(last, match.index), marked: false });
		parts.push({ text: match[0], marked: true });
		last = match.index + match[0].length;
	}
	if (last < text.length) parts.push({ text: text.slice(last), marked: false });
	return parts;
}

/** The result as the search page shows it. */
export function resultView(data: PagefindFragment, terms: readonly QueryTerm[]): ResultView {
	const { meta } = data;
	const text = ownTextOf(data);
	const paragraph = meta.paragraph;
	const facts = [
		meta.kind,
		meta.year && `${meta.year}年`,
		meta.report && (paragraph ? `${meta.report}第 ${paragraph} 段` : meta.report),
		meta.status,
		meta.owner && `责任单位：${meta.owner}`,
	].filter((fact): fact is string => Boolean(fact));
	const excerpt = excerptOf(text, terms);
	return {
		href: withFragment(data.url, text, terms),
		// A paragraph has no title of its own: its opening words say what it is about.
		title: paragraph && text ? openingWords(text) : clean(meta.title),
		facts,
		excerpt,
	};
}

const words = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const encode = (text: string) => encodeURIComponent(text).replace(/[-,&]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The URL with a text directive for the first term where it stands in the text, if it does. */
function withFragment(url: string, text: string, terms: readonly QueryTerm[]) {
	for (const term of terms) {
		for (const sentence of sentencesOf(text)) {
			const match = new RegExp(termPattern(term), 'i').exec(sentence);
			if (match) return `${url}${url.includes('#') ? '' : '#'}:~:${textDirective(sentence, match.index, match[0].length)}`;
		}
	}
	return url;
}

/**
 * A text directive for a match in a sentence. Chromium highlights whole words only, so the match
 * grows to word boundaries; a few words of the sentence on each side make the browser find it in
 * the text rather than in the title or the summary that may repeat the term.
 */
export function textDirective(sentence: string, index: number, length: number) {
	const bounds = [...words.segment(sentence)].map((w) => w.index).concat(sentence.length);
	const start = bounds.findLast((b) => b <= index)!;
	const end = bounds.find((b) => b >= index + length)!;
	const before = bounds.filter((b) => b < start && start - b <= 6)[0] ?? start;
	const after = bounds.filter((b) => b > end && b - end <= 6).at(-1) ?? end;
	const part = (a: number, b: number, wrap: (text: string) => string) => (a < b ? wrap(encode(sentence.slice(a, b))) : '');
	return `text=${part(before, start, (t) => `${t}-,`)}${encode(sentence.slice(start, end))}${part(end, after, (t) => `,-${t}`)}`;
}
