/**
 * Lists of words (tags) written in one line: `[甲，乙]` with the Chinese comma is one item
 * "甲，乙" to YAML, which only splits at the half-width comma. No list item of ours is a
 * sentence, so a Chinese comma in one is that mistake.
 */
import type { ContentFile } from './content-files';
import type { JsonSchemaNode } from './json-schema';
import { fieldName, type Problem } from './problems';

/** The problems of the items of one list field whose items are free words, not links. */
export function chineseCommaItems(file: ContentFile, path: readonly PropertyKey[], node: JsonSchemaNode, value: unknown, label: string): Problem[] {
	if (node.type !== 'array' || node.items?.type !== 'string' || node.items['x-reference'] || !Array.isArray(value)) return [];
	return value.flatMap((item, index) => {
		if (typeof item !== 'string' || !item.includes('，')) return [];
		const parts = item.split('，').map((part) => part.trim());
		return [
			{
				path: file.path,
				line: file.lineOf([...path, index]),
				field: fieldName([...path, index]),
				message: `${label}“${item}”中有中文逗号“，”，会被当作一项，而不是 ${parts.length} 项`,
				allowed: `各项之间用英文半角逗号加空格分隔，例如 [${parts.join(', ')}]；或每项一行，以“- ”开头`,
			},
		];
	});
}
