/**
 * Build time only: the table that lets the search page read traditional characters as simplified
 * ones (src/lib/search-variants.ts), made from OpenCC's dictionaries (opencc-js) for the text the
 * index holds. OpenCC's own converter would add about 50 KB gzip to a first search; the table
 * keeps only the forms whose simplified result stands in this site's text, a few KB.
 *
 * Three rules keep simplified queries unchanged and the table small:
 * - a character the site's text itself uses is never converted (干 stays 干, 著 in 显著 stays);
 * - a form is kept only when every character it turns into stands in the site's text: any other
 *   form could find nothing either way;
 * - a phrase is kept only when OpenCC converts it otherwise than character by character.
 */
import { ConverterBuilder, type DictGroup, type DictLike } from 'opencc-js/core';
import * as t2cn from 'opencc-js/preset/t2cn';
import type { VariantTable } from '../lib/search-variants';

/** Taiwan and Hong Kong forms to simplified, as OpenCC converts them. */
const configs = ['tw', 'hk'] as const;
const Converter = ConverterBuilder(t2cn);
const converters = configs.map((from) => Converter({ from, to: 'cn' }));
/** Taiwan's result first, then Hong Kong's where Taiwan's converter leaves the text as it is. */
const convert = (text: string) => converters.map((c) => c(text)).find((out) => out !== text) ?? text;

/** Every source form the converters' dictionaries know: characters and phrases. */
const pairs = (dict: DictLike) => (typeof dict === 'string' ? dict.split('|').map((pair) => pair.split(' ')) : dict);
// The preset's types leave out the normalisation step (CJK compatibility ideographs), which the converters run too.
type Config = { conversionChain: readonly DictGroup[]; normalizationChain?: readonly DictGroup[] };
const dicts = configs.flatMap((from) => {
	const config = t2cn.configs[`${from}2s`] as Config;
	return [...(config.normalizationChain ?? []), ...config.conversionChain].flat();
});
const keys = new Set(dicts.flatMap((dict) => pairs(dict).map(([key]) => key!)));
const charKeys = [...keys].filter((key) => [...key].length === 1);
const phraseKeys = [...keys].filter((key) => [...key].length > 1);

const han = /\p{Script=Han}/u;

/** Every Han character of a text. */
export const hanCharacters = (text: string) => new Set([...text].filter((char) => han.test(char)));

/** The conversion table for a site whose indexed text uses `siteChars`. */
export function variantTable(siteChars: ReadonlySet<string>): VariantTable {
	const stands = (text: string) => [...text].every((char) => siteChars.has(char) || !han.test(char));
	const chars: Record<string, string> = {};
	for (const key of charKeys) {
		if (siteChars.has(key)) continue;
		const simplified = convert(key);
		if (simplified !== key && stands(simplified)) chars[key] = simplified;
	}
	const phrases: Record<string, string> = {};
	for (const key of phraseKeys) {
		if (stands(key)) continue;
		const simplified = convert(key);
		const oneByOne = [...key].map((char) => chars[char] ?? char).join('');
		if (simplified !== oneByOne && stands(simplified)) phrases[key] = simplified;
	}
	return { chars, phrases };
}
