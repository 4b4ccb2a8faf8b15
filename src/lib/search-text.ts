/**
 * How Chinese text is cut into search tokens, one definition for both sides of the search: the
 * build (text that Pagefind indexes) and the browser (the query). Every Han character and every
 * digit is its own token; a run of Latin letters is one token. Pagefind then matches a query as
 * a phrase of tokens, so any substring of the text finds the page — a brand name that no
 * dictionary knows (苏小检), a number (12315), a phrase across a word boundary (老旧电梯) — and
 * the browser's `Intl.Segmenter` and Pagefind's jieba never get to disagree (pagefind#1237, #987).
 * Pure functions with no dependencies: this module is bundled into the search page.
 */

/** Zero-width space: Pagefind splits indexed Chinese text on it, and its excerpts understand it. */
export const ZWSP = '\u200B';

/**
 * Where a zero-width space goes: between two neighbouring word characters (Han, digit, Latin
 * letter) of which one is a Han character or a digit, and on both sides of a decimal point.
 */
const boundary = /(?<=[\p{Script=Han}0-9])(?=[\p{Script=Han}0-9A-Za-z])|(?<=[A-Za-z])(?=[\p{Script=Han}0-9])|(?<=[0-9])(?=\.[0-9])|(?<=[0-9]\.)(?=[0-9])/gu;

/** Full-width digits and Latin letters (１２３１５, ＡＢ) as ASCII; nothing else changes. */
export const halfWidth = (text: string) =>
	text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));

/**
 * Text as Pagefind should index it: a zero-width space between any two neighbouring word
 * characters of which one is a Han character or a digit, and around the point of a decimal
 * ("10.7" → 1 0 . 7: Pagefind would keep "0.7" whole). Everything a reader sees stays as it was.
 * One regular expression: it runs over every page of the site at build time.
 */
export const segmentForIndex = (text: string) => halfWidth(text).replace(boundary, ZWSP);

/**
 * The tokens of one query term: "12315热线" → ["1","2","3","1","5","热","线"]. A decimal point
 * stays as the token "." ("10.7" → 1 0 . 7): it holds a place in the index but cannot be searched.
 */
export function tokensOf(term: string): string[] {
	return halfWidth(term).toLowerCase().match(/\p{Script=Han}|[0-9]|[a-z]+|\./gu) ?? [];
}

/**
 * Words that mean the same thing in the report's domain, in groups. A query term that contains one
 * form is also searched with each other form, so 市监局 finds 市场监督管理局 and 知产 finds 知识产权.
 */
export const synonyms: readonly (readonly string[])[] = [
	['市场监督管理局', '市场监管局', '市监局', '市场局'],
	['知识产权', '知产'],
	['药品监督管理局', '药监局'],
	['特种设备', '特设'],
];

/** One term of a query and the other forms it may take in the text. */
export interface QueryTerm {
	/** The term as typed, without punctuation. */
	text: string;
	/** Token lists to search for: the term itself first, then its synonyms. */
	forms: string[][];
}

/** Anything but a Han character, a digit, a Latin letter or a point inside a number separates terms. */
const separator = /(?:(?!(?<=\d)[.．](?=\d))[^\p{Script=Han}0-9a-z])+/u;

/** A query as terms: split on spaces and punctuation (quotes, 、，。); each term is a phrase that must stand in the page. */
export function parseQuery(query: string): QueryTerm[] {
	const seen = new Set<string>();
	return halfWidth(query)
		.toLowerCase()
		.replace(/．/g, '.')
		.split(separator)
		.filter((text) => tokensOf(text).some((t) => t !== '.') && !seen.has(text) && seen.add(text))
		.map((text) => {
			const variants = [text];
			for (const group of synonyms) {
				const found = group.find((form) => text.includes(form));
				if (found) for (const other of group) if (other !== found) variants.push(text.replaceAll(found, other));
			}
			return { text, forms: [...new Set(variants)].map(tokensOf) };
		});
}
