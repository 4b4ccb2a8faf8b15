/**
 * A report's structure, read from its own numbering and layout: the summary part and the plan
 * part, their headings (一、 /（一）(一) / 1. 1、 1． / （1）(1), nested in whatever order the
 * report uses), lead sentences that open sub-themes ("政务环境更高效。"), preamble and closing
 * paragraphs, and the items that become entries. Every sentence of the text lands in exactly one
 * place: a heading, an intro or an item. Pure: text in, tree out.
 */
import { headingText, parseReport, type Paragraph } from '../../lib/report-text';

export type Part = 'summary' | 'plan';

export interface Sentence {
	text: string;
	/** The paragraph (line of report.txt) it stands in, 1-based. */
	paragraph: number;
}

export interface DraftSection {
	part: Part;
	/** Position among its siblings, from 1; preamble first, closing last. */
	order: number;
	/** The id's tail: "2-1", "preamble", "closing". */
	path: string;
	/** The report's numbering ("一", "1", "（一）"), when the heading has one. */
	numbering?: string;
	title: string;
	/** Where the title comes from: a heading, a lead sentence, or (preamble, closing) the import's own choice. */
	titleFrom: 'heading' | 'lead' | 'preamble' | 'closing';
	/** The paragraph of the heading, when the title is one. */
	paragraph?: number;
	intro: Sentence[];
	children: DraftSection[];
	items: Sentence[][];
}

export interface Structure {
	sections: DraftSection[];
	/** The heading that opens the summary part, if the report has one. */
	summaryHeading?: string;
	/** The heading that opens the plan part, if the report has one. */
	planHeading?: string;
}

type Style = 'cn' | 'paren-cn' | 'num' | 'paren-num' | 'plain';

const markers: { style: Exclude<Style, 'plain'>; pattern: RegExp }[] = [
	{ style: 'cn', pattern: /^([一二三四五六七八九十]+)、/ },
	{ style: 'paren-cn', pattern: /^([（(][一二三四五六七八九十]+[）)])/ },
	{ style: 'num', pattern: /^(\d+)[.．、](?!\d)/ },
	{ style: 'paren-num', pattern: /^([（(]\d+[）)])/ },
];

/** 一是、二是…: an inline enumeration item starts here. */
export const enumeration = /^[一二三四五六七八九十]+是/;

const planWords = /工作思路|工作打算|工作计划|工作安排|重点举措|下一步|今后工作|努力方向/;
const summaryWords = /工作总结|工作情况|主要成效|主要工作|完成情况|工作回顾/;

function markerOf(text: string): { style: Exclude<Style, 'plain'>; numbering: string } | undefined {
	for (const { style, pattern } of markers) {
		const match = pattern.exec(text);
		if (match) return { style, numbering: match[1]! };
	}
	return undefined;
}

/** A heading is short and states no figure (a year it names aside); a long first sentence is an item's content. */
const headingLike = (sentence: string) => {
	const text = headingText(sentence);
	return text.length >= 2 && text.length <= 40 && !/\d/.test(text.replace(/\d{4}年/g, ''));
};

/** An unnumbered line that heads what follows: short, no full stop. */
const plainHeading = (p: Paragraph) => p.sentences.length === 1 && !/[。！？!?；;]$/.test(p.text) && headingLike(p.text);

/** A lead sentence that opens a sub-theme: short, one clause, no figure, quote or title. */
export function leadSentence(sentence: string): boolean {
	if (!sentence.endsWith('。')) return false;
	const text = sentence.slice(0, -1);
	return text.length >= 4 && text.length <= 15 && !/[，,、；;：:（()）“”"‘’《》\d！？!?]/.test(text);
}

/** Lead sentences of one set are written alike: same opening, same ending or about the same length. */
const parallel = (a: string, b: string) => a[0] === b[0] || a.slice(-3) === b.slice(-3) || Math.abs(a.length - b.length) <= 2;

/**
 * The positions of the lead sentences that split a run of sentences into sub-themes. The first
 * opens the run (or follows one intro sentence); each later one is parallel to it, follows the
 * previous theme's content and is itself followed by content. Fewer than two: no sub-themes.
 */
export function themePositions(sentences: readonly string[]): number[] {
	const start = sentences[0] && leadSentence(sentences[0]) ? 0 : sentences[1] && leadSentence(sentences[1]) ? 1 : -1;
	if (start < 0) return [];
	const first = sentences[start]!;
	const themes = [start];
	for (let i = start + 2; i < sentences.length - 1; i++) {
		const s = sentences[i]!;
		if (themes.at(-1) === i - 1 || !leadSentence(s) || !parallel(s, first)) continue;
		if (leadSentence(sentences[i + 1]!)) continue;
		themes.push(i);
	}
	return themes.length >= 2 ? themes : [];
}

interface Block {
	sentences: Sentence[];
	/** A numbered paragraph that is an item, not a heading: one entry. */
	item: boolean;
}

interface Node {
	style: Style;
	numbering?: string;
	title: string;
	paragraph: number;
	/** Its paragraphs and sub-headings, in the report's order. */
	content: (Block | { child: Node })[];
	/** A heading written on its own line owns the paragraphs after it; an inline one only its own. */
	open: boolean;
}

const sentencesOf = (p: Paragraph, from = 0): Sentence[] => p.sentences.slice(from).map((text) => ({ text, paragraph: p.number }));

/** Splits the paragraphs into the summary part and the plan part at the plan's heading. */
function splitParts(paragraphs: readonly Paragraph[], planYear?: number): { summary: Paragraph[]; plan: Paragraph[] } {
	const isHeading = (p: Paragraph, i: number) => plainHeading(p) || (markerOf(p.text) && headingLike(p.sentences[0]!) && (p.sentences.length > 1 || i < paragraphs.length - 1));
	const at = paragraphs.findIndex((p, i) => {
		if (!isHeading(p, i)) return false;
		const text = headingText(p.sentences[0]!);
		return planWords.test(text) || (planYear !== undefined && text.includes(`${planYear}年`) && !summaryWords.test(text));
	});
	return at < 0 ? { summary: [...paragraphs], plan: [] } : { summary: paragraphs.slice(0, at), plan: paragraphs.slice(at) };
}

/** Reads one part's paragraphs into headings (nodes) with their content, by the numbering styles' nesting. */
function readTree(paragraphs: readonly Paragraph[]): { lead: Block[]; partHeading?: Paragraph; roots: Node[] } {
	const lead: Block[] = [];
	const roots: Node[] = [];
	const stack: Node[] = [];
	let partHeading: Paragraph | undefined;
	const openTop = () => [...stack].reverse().find((n) => n.open);
	const add = (block: Block) => {
		const top = openTop();
		(top ? top.content : lead).push(block);
	};
	paragraphs.forEach((p, index) => {
		const marker = markerOf(p.text);
		const last = index === paragraphs.length - 1;
		if (index === 0 && !marker && plainHeading(p) && !last) {
			partHeading = p;
			return;
		}
		const style: Style | undefined = marker ? marker.style : plainHeading(p) && !last ? 'plain' : undefined;
		const first = p.sentences[0]!;
		const next = paragraphs[index + 1];
		const ownLine = p.sentences.length === 1;
		const heading = style !== undefined && headingLike(first) && (!ownLine || (!last && !(next && markerOf(next.text)?.style === style) && !/[；;]$/.test(first)));
		if (!heading) {
			if (marker) {
				const at = stack.findIndex((n) => n.style === marker.style);
				if (at >= 0) stack.length = at;
			}
			add({ sentences: sentencesOf(p), item: Boolean(marker) });
			return;
		}
		const node: Node = { style: style!, ...(marker ? { numbering: marker.numbering } : {}), title: headingText(first), paragraph: p.number, content: [], open: ownLine };
		const at = stack.findIndex((n) => n.style === style);
		if (at >= 0) stack.length = at;
		const parent = stack.at(-1);
		if (parent) parent.content.push({ child: node });
		else roots.push(node);
		stack.push(node);
		if (!ownLine) node.content.push({ sentences: sentencesOf(p, 1), item: false });
	});
	return { lead, ...(partHeading ? { partHeading } : {}), roots };
}

/** Items of a leaf's content: a numbered item paragraph is one; 一是… starts one; otherwise one a sentence. */
function itemsOf(blocks: readonly Block[]): { intro: Sentence[]; items: Sentence[][] } {
	const intro: Sentence[] = [];
	const items: Sentence[][] = [];
	blocks.forEach((block, b) => {
		if (block.item) {
			items.push(block.sentences);
			return;
		}
		const marked = block.sentences.some((s) => enumeration.test(s.text));
		let current: Sentence[] | undefined;
		block.sentences.forEach((s) => {
			if (enumeration.test(s.text)) {
				current = [s];
				items.push(current);
			} else if (current) current.push(s);
			else if (marked && b === 0 && items.length === 0) intro.push(s);
			else items.push([s]);
		});
	});
	return { intro, items };
}

/** Turns a part's tree into sections; `prefix` keeps the plan's ids apart from the summary's. */
function sectionsOf(part: Part, paragraphs: readonly Paragraph[], prefix: string, offset = 0): { sections: DraftSection[]; heading?: string; rootStyle?: Style } {
	const { lead, partHeading, roots } = readTree(paragraphs);
	const sections: DraftSection[] = [];
	const join = (...parts: string[]) => [prefix, ...parts].filter(Boolean).join('-');
	if (partHeading || lead.length) {
		// A report's or part's opening: its first sentence introduces it, the rest are items.
		const [first, ...rest] = lead;
		const opening = first && !first.item ? first.sentences.slice(0, 1) : [];
		const blocks = first && !first.item ? [{ ...first, sentences: first.sentences.slice(1) }, ...rest] : lead;
		const { intro, items } = itemsOf(blocks.filter((b) => b.sentences.length));
		sections.push({
			part,
			order: 1,
			path: join('preamble'),
			title: partHeading ? headingText(partHeading.sentences[0]!) : '概述',
			titleFrom: partHeading ? 'heading' : 'preamble',
			...(partHeading ? { paragraph: partHeading.number } : {}),
			intro: opening,
			children: [],
			items: [...intro.map((s) => [s]), ...items],
		});
	}
	const build = (node: Node, path: string, order: number, last: boolean, closing: Sentence[][]): DraftSection => {
		const children: DraftSection[] = [];
		const firstChild = node.content.findIndex((c) => 'child' in c);
		const lastChild = node.content.findLastIndex((c) => 'child' in c);
		const blocks = (from: number, to: number) => node.content.slice(from, to).flatMap((c) => ('child' in c ? [] : [c]));
		const childNodes = node.content.flatMap((c) => ('child' in c ? [c.child] : []));
		const before = firstChild < 0 ? blocks(0, node.content.length) : blocks(0, firstChild);
		const between = firstChild < 0 ? [] : blocks(firstChild, lastChild);
		const after = firstChild < 0 ? [] : blocks(lastChild + 1, node.content.length);
		const section: DraftSection = {
			part,
			order,
			path,
			...(node.numbering ? { numbering: node.numbering.replace(/^[（(](\d+)[）)]$/, '（$1）') } : {}),
			title: node.title,
			titleFrom: 'heading',
			paragraph: node.paragraph,
			intro: [],
			children,
			items: [],
		};
		if (childNodes.length) {
			section.intro = before.flatMap((b) => b.sentences);
			childNodes.forEach((child, i) => children.push(build(child, `${path}-${i + 1}`, i + 1, false, [])));
			// Paragraphs after the last item of a part's last heading close the part; elsewhere they stay in their section.
			const itemsIn = (list: Block[]) => {
				const { intro, items } = itemsOf(list);
				return [...intro.map((s) => [s]), ...items];
			};
			section.items.push(...itemsIn(between));
			const trailingItems = itemsIn(after);
			if (last) closing.push(...trailingItems);
			else section.items.push(...trailingItems);
			return section;
		}
		const plainBlocks = before.every((b) => !b.item);
		const flat = before.flatMap((b) => b.sentences);
		const themes = plainBlocks ? themePositions(flat.map((s) => s.text)) : [];
		if (themes.length) {
			section.intro = flat.slice(0, themes[0]);
			themes.forEach((at, i) => {
				const body = flat.slice(at + 1, themes[i + 1] ?? flat.length);
				children.push({ part, order: i + 1, path: `${path}-${i + 1}`, title: headingText(flat[at]!.text), titleFrom: 'lead', paragraph: flat[at]!.paragraph, intro: [], children: [], items: body.map((s) => [s]) });
			});
			return section;
		}
		const { intro, items } = itemsOf(before);
		section.intro = intro;
		section.items = items;
		return section;
	};
	const closing: Sentence[][] = [];
	roots.forEach((root, i) => sections.push(build(root, join(String(offset + i + 1)), sections.length + 1, i === roots.length - 1, closing)));
	// A report writes its items alike: when a sibling opens with an intro before its sub-themes, the others' first sentence is their intro too.
	const alike = (siblings: DraftSection[]) => {
		if (!siblings.some((s) => s.intro.length && s.children.some((c) => c.titleFrom === 'lead'))) return;
		for (const s of siblings) {
			if (s.children.length || s.intro.length || s.items.length < 2 || enumeration.test(s.items[0]![0]!.text) || s.items[0]!.length > 1) continue;
			s.intro = s.items.shift()!;
		}
	};
	const visit = (list: DraftSection[]) => {
		alike(list);
		for (const s of list) visit(s.children);
	};
	visit(sections);
	if (closing.length) {
		sections.push({ part, order: sections.length + 1, path: join('closing'), title: '', titleFrom: 'closing', intro: [], children: [], items: closing });
	}
	return { sections, ...(partHeading ? { heading: headingText(partHeading.sentences[0]!) } : {}), ...(roots[0] ? { rootStyle: roots[0].style } : {}) };
}

/** The structure of a report's text; `planYear` helps find the plan's heading when its words are unusual. */
export function readStructure(text: string, planYear?: number): Structure {
	const paragraphs = parseReport(text);
	const { summary, plan } = splitParts(paragraphs, planYear);
	const summaryPart = sectionsOf('summary', summary, '');
	// A plan numbered on from the summary ("一、…总结" then "二、…思路") goes on with its ids; one that starts again gets its own.
	const roots = summaryPart.sections.filter((s) => s.titleFrom === 'heading' && s.path !== 'preamble').length;
	const planTry = sectionsOf('plan', plan, '', sectionsOf('plan', plan, '').rootStyle === summaryPart.rootStyle ? roots : 0);
	const summaryPaths = new Set(summaryPart.sections.map((s) => s.path));
	const planPart = planTry.sections.some((s) => summaryPaths.has(s.path)) ? sectionsOf('plan', plan, 'plan') : planTry;
	// The plan part always opens with its heading; the summary part may have one.
	const planHeading = plan[0] ? headingText(plan[0].sentences[0]!) : undefined;
	const summaryHeading = summaryPart.sections.find((s) => s.titleFrom === 'heading' && summaryWords.test(s.title))?.title;
	return {
		sections: [...summaryPart.sections, ...planPart.sections],
		...(summaryHeading ? { summaryHeading } : {}),
		...(planHeading ? { planHeading } : {}),
	};
}

/** Every section of a tree, parents before children. */
export function flatten(sections: readonly DraftSection[]): DraftSection[] {
	return sections.flatMap((s) => [s, ...flatten(s.children)]);
}
