import { z } from 'astro/zod';
import { keysOf, qualifiers } from '../vocabulary';

/**
 * One figure the report states. The number is kept exactly as the report writes it and the
 * magnitude stays in the unit: "10.7万家" is `{ value: 10.7, unit: '万家' }`, never 107000.
 */
export const metric = z.strictObject({
	/** What is counted, in the report's words (e.g. "查办案件"). */
	label: z.string().trim().min(1),
	/**
	 * The number as written in the report (Zod 4 numbers reject Infinity and NaN by themselves).
	 * The report writes no negative figure: a fall is a word ("下降3%"), the number stays positive.
	 */
	value: z.number().nonnegative({ error: '数值不能是负数：报告中的减少、下降写在数据名称里，数值照原文写正数' }),
	/** The unit as written, magnitude included: 件, 万家, 亿元, %, 年. */
	unit: z.string().trim(),
	/** 超过, 超, 近 (before the number) or 余, 以上 (after it), when the report says so. */
	qualifier: z.enum(keysOf(qualifiers)).optional(),
});
