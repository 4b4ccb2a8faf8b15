import { z } from 'astro/zod';
import type { ReferenceFactory } from './reference';

/**
 * Where the fact an update records was published: a paragraph of one of the bureau's reports, or
 * an official publication on the web. Either lets a reader check the update.
 */
export const source = <R extends z.ZodType>(reference: ReferenceFactory<R>) =>
	z.union(
		[
			z.strictObject({
				/** The report (its id, the folder name under `content/reports/`). */
				report: reference('reports'),
				/** The paragraph of that report, counted from 1 as on its /source/ page. */
				paragraph: z.number().int().positive(),
			}),
			z.strictObject({
				/** The publication's address (http or https). */
				url: z.url({ protocol: /^https?$/, error: '须是以 http:// 或 https:// 开头的网址。' }),
				/** The publication's title, as published. */
				title: z.string().trim().min(1),
			}),
		],
		{ error: '出处写成 { report: 报告编号, paragraph: 段落序号 }，或 { url: 网址, title: 标题 }。' },
	);
