/**
 * Traditional characters in a query, read as the simplified ones the site is written in: 電梯 →
 * 电梯, 知識产权 → 知识产权. The table comes from OpenCC's dictionaries at build time
 * (src/integrations/search-variants.ts) and holds only what this site's text needs, so the search
 * page loads a few KB instead of a converter. Pure and dependency-free: bundled into the search page.
 */

/** The table's file name inside the Pagefind bundle folder. */
export const variantsFile = 'zh-variants.json';

/** Traditional (and variant) forms mapped to the simplified form the index holds. */
export interface VariantTable {
	/** One character to its simplified form (which may be more than one character only in OpenCC's rare cases). */
	chars: Record<string, string>;
	/** Words whose characters convert otherwise than one by one (乾隆 keeps 乾); longest match wins. */
	phrases: Record<string, string>;
}

/**
 * The text with every traditional form the table knows replaced, phrases first, longest match
 * first; every other character, simplified or not, stays as it was. A character the site's own
 * text uses is never in the table, so a simplified query comes back unchanged.
 */
export function toSimplified(text: string, { chars, phrases }: VariantTable): string {
	const longest = Math.max(0, ...Object.keys(phrases).map((p) => [...p].length));
	const units = [...text];
	let out = '';
	for (let i = 0; i < units.length; ) {
		let done = false;
		for (let n = Math.min(longest, units.length - i); n >= 2 && !done; n--) {
			const phrase = phrases[units.slice(i, i + n).join('')];
			if (phrase !== undefined) {
				out += phrase;
				i += n;
				done = true;
			}
		}
		if (done) continue;
		out += chars[units[i]!] ?? units[i]!;
		i++;
	}
	return out;
}

/** Loads the table from the Pagefind bundle folder (`…/pagefind/`); a missing table is an error, as a missing index is. */
export async function loadVariants(bundleUrl: string): Promise<VariantTable> {
	const response = await fetch(`${bundleUrl}${variantsFile}`);
	if (!response.ok) throw new Error(`${variantsFile}: HTTP ${response.status}`);
	return (await response.json()) as VariantTable;
}
