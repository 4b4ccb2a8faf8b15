/**
 * The original report, split the way the coverage rules count it: one paragraph per line, one
 * sentence per "。". Pure functions, shared by the `/source/` page and the tests.
 */

export interface Paragraph {
	/** 1-based position in the report; also its anchor on `/source/`. */
	number: number;
	text: string;
	sentences: string[];
}

/** A heading's numbering: "一、", "1." (or "1、", "1．"), "（一）", "(1)". */
const numbering = /^(?:[一二三四五六七八九十]+、|\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)])/;

export function splitSentences(text: string): string[] {
	return (text.match(/[^。]+。?/g) ?? []).map((sentence) => sentence.trim()).filter(Boolean);
}

export function parseReport(text: string): Paragraph[] {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean)
		.map((line, index) => ({ number: index + 1, text: line, sentences: splitSentences(line) }));
}

/** A heading sentence as section titles store it: "1.全力创优营商环境。" → "全力创优营商环境". */
export const headingText = (sentence: string) => sentence.replace(numbering, '').replace(/。$/, '');

/**
 * The report's words in an MDX body: added headings dropped, list marks and emphasis removed,
 * the lines of a paragraph joined, paragraphs one per line.
 */
export function plainText(body: string): string {
	return body
		.replace(/^[ \t]*#{1,6}[ \t].*$/gm, '')
		.replace(/^[ \t]*(?:[-*+]|\d+\.)[ \t]+/gm, '')
		.replace(/[*_`]/g, '')
		.split(/\n\s*\n/)
		.map((block) => block.replace(/\s*\n\s*/g, '').trim())
		.filter(Boolean)
		.join('\n');
}

/** The numbers of the paragraphs that hold any of the given sentences. */
export function paragraphsOf(sentences: readonly string[], paragraphs: readonly Paragraph[]): number[] {
	return paragraphs.filter((p) => sentences.some((s) => p.sentences.includes(s))).map((p) => p.number);
}

/** The numbers of the paragraphs where a section's heading or intro stands. */
export function paragraphsOfSection(title: string, intro: string, paragraphs: readonly Paragraph[]): number[] {
	const intros = splitSentences(intro);
	return paragraphs
		.filter((p) => p.sentences.some((s) => headingText(s) === title || intros.includes(s)))
		.map((p) => p.number);
}
