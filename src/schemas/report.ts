import { z } from 'astro/zod';
import { day } from './day';
import type { ReferenceFactory } from './reference';

const year = z.number().int().min(2000).max(2100);

/**
 * One yearly report, from its folder's `report.yaml`: a summary of one year's work and a plan for
 * the next. The folder name is the report's id (its summary year); the verbatim text is the
 * `report.txt` beside it.
 */
const reportShape = <R extends z.ZodType>(reference: ReferenceFactory<R>) =>
	z.strictObject({
		/** The report's own title, as published. */
			title: z.string().trim().min(1),
			/** The body that publishes the report (an id in `content/owners/`). */
			publisher: reference('owners'),
			/** The year whose work the report sums up: its achievements belong to this year. */
			summaryYear: year,
			/** The year the report plans: its measures belong to this year. */
			planYear: year,
			/** The report's own heading of its summary part, if it has one. */
			summaryTitle: z.string().trim().min(1).optional(),
			/** The report's own heading of its plan part, if it has one. */
			planTitle: z.string().trim().min(1).optional(),
			/** The day the report was published (YYYY-MM-DD); left out while nobody has given it. */
			publishedOn: day.optional(),
			/** Where the report is officially published (an http(s) address); left out while unknown. */
			sourceUrl: z.url({ protocol: /^https?$/, error: '须是以 http:// 或 https:// 开头的网址。' }).optional(),
	});

const planAfterSummary = {
	check: (report: { summaryYear: number; planYear: number }) => report.planYear > report.summaryYear,
	params: { path: ['planYear'], message: '计划年份（planYear）须晚于总结年份（summaryYear），通常是下一年。' },
};

/** `report.yaml`, as staff write it. */
export const reportFile = <R extends z.ZodType>(reference: ReferenceFactory<R>) => reportShape(reference).refine(planAfterSummary.check, planAfterSummary.params);

/** A report as the site reads it: `report.yaml` with the verbatim text of `report.txt`. */
export const report = <R extends z.ZodType>(reference: ReferenceFactory<R>) =>
	reportShape(reference)
		.extend({
			/** The report's text, verbatim, one paragraph per line. */
			text: z.string(),
		})
		.refine(planAfterSummary.check, planAfterSummary.params);
