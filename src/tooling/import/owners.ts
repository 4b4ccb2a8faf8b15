/**
 * Who is responsible for an item: the body the report names as its subject, matched to an owner
 * file by full or short name (市知识产权局 → szipa); else the report's publisher. Bodies the
 * report names that no owner file lists are collected for review, never given an invented id.
 */

export interface OwnerRecord {
	id: string;
	name: string;
	shortName: string;
}

export interface OwnerMatch {
	owner: string;
	/** Other owners the item names. */
	partners: string[];
	/** Why the owner is not the publisher, for the review list. */
	reason?: string;
}

/** The item's opening words after its marker and leading time, field or grounds clauses ("在药品安全领域，", "2020年以来，"). */
export function subjectText(sentence: string): string {
	let text = sentence.replace(/^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d))/, '');
	for (let round = 0; round < 3; round++) {
		// A time or field clause is short; a clause of grounds ("根据…要求，") may be long.
		const clause = /^([^，,；;。]{1,60})[，,]/.exec(text);
		if (!clause || text.length - clause[0].length < 4) return text;
		const opening = clause[1]!;
		const time = opening.length <= 20 && (/(领域|方面|以来|起|期间|上半年|下半年|年|月)$/.test(opening) || /^(在|自|从|今年|去年|截至)/.test(opening));
		if (!time && !/^(根据|按照|围绕|面对|对照|依托)/.test(opening)) return text;
		text = text.slice(clause[0].length);
	}
	return text;
}

const namesOf = (owners: readonly OwnerRecord[]) =>
	owners.flatMap((o) => [o.name, o.shortName].map((name) => ({ id: o.id, name }))).sort((a, b) => b.name.length - a.name.length);

export function matchOwner(sentences: readonly string[], owners: readonly OwnerRecord[], publisher: string): OwnerMatch {
	const names = namesOf(owners);
	const opening = subjectText(sentences[0] ?? '');
	const subject = names.find(({ name }) => opening.startsWith(name));
	const owner = subject?.id ?? publisher;
	const text = sentences.join('');
	const partners = [...new Set(names.filter(({ name, id }) => id !== owner && id !== publisher && text.includes(name)).map(({ id }) => id))];
	return { owner, partners, ...(subject && subject.id !== publisher ? { reason: `句首的主语是“${subject.name}”` } : {}) };
}

/** Bodies named in the text ("国家市场监管总局", "省药监局") that no owner file lists, in order of appearance. */
export function unknownBodies(text: string, owners: readonly OwnerRecord[]): string[] {
	const known = owners.flatMap((o) => [o.name, o.shortName]);
	const candidates = text.match(/(?:国家|全国|江苏省|省|苏州市|市|县|区)[\u4e00-\u9fa5]{1,10}?(?:总局|委员会|局|厅|办公室|分中心|中心|联席会议|领导小组)/g) ?? [];
	return [...new Set(candidates)].filter((name) => !known.some((k) => k.includes(name) || name.includes(k)));
}
