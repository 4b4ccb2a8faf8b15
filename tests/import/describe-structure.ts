import type { DraftSection } from '../../src/tooling/import/structure';

/** A structure in lines a person can check: id tail, numbering, title, intro, and each item's opening words. */
export function describeStructure(sections: readonly DraftSection[], depth = 0): string[] {
	return sections.flatMap((s) => [
		`${'  '.repeat(depth)}${s.part} ${s.path} #${s.order}${s.numbering ? ` ${s.numbering}` : ''} ${s.title || '（结尾）'}${s.intro.length ? ` | 引言：${s.intro.map((i) => i.text).join('')}` : ''}`,
		...s.items.map((item) => `${'  '.repeat(depth + 1)}- ${item.map((i) => i.text).join('')}`),
		...describeStructure(s.children, depth + 1),
	]);
}
