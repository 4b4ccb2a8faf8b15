import { z } from 'astro/zod';
import { action } from './action';
import { day } from './day';
import { metric } from './metric';
import { checkProgressLog } from './progress-log';
import type { ReferenceFactory } from './reference';
import { achievementStatus, measureStatus } from './status';
import { update } from './update';

/** Fields every achievement and measure has. Unknown fields are errors: they are usually typos. */
const entryBase = <R extends z.ZodType>(reference: ReferenceFactory<R>) =>
	z.strictObject({
		/** A short Chinese title, at most 30 characters. */
		title: z.string().trim().min(2).max(30),
		/** The year the entry belongs to: its report's summary year for an achievement, plan year for a measure. */
		year: z.number().int().min(2000).max(2100),
		/** The part of the report the entry comes from (a file name in its report's `sections/` folder). */
		section: reference('sections'),
		/** Position within its section, from 1, in the report's order. */
		order: z.number().int().positive(),
		/** The responsible body (an id in `content/owners/`); 苏州市市场监督管理局 unless the report names another. */
		owner: reference('owners'),
		/** Other bodies the report names as taking part. */
		partners: z.array(reference('owners')).default([]),
		/** One sentence that says what the entry is about, with no fact beyond its body. */
		summary: z.string().trim().min(1),
		/** Keywords readers may search for. */
		tags: z.array(z.string().trim().min(1)).default([]),
		/** Every figure the entry states. */
		metrics: z.array(metric).default([]),
	});

/** An achievement: what a report's summary says was done. */
export const achievement = <R extends z.ZodType>(reference: ReferenceFactory<R>) =>
	entryBase(reference).extend({
		/** `done`, or `ongoing` where the report says the work is still under way. */
		status: achievementStatus,
		/** Measures of an earlier report's plan that this achievement reports on (完成情况). */
		reportsOn: z.array(reference('measures')).default([]),
	});

/** A measure: what a report's plan says will be done, with its tasks and progress. */
export const measure = <R extends z.ZodType>(reference: ReferenceFactory<R>) =>
	entryBase(reference).extend({
		/** Where the measure stands; equal to the latest update's status when there are updates. */
		status: measureStatus,
		/** The concrete tasks the measure lists. */
		actions: z.array(action(reference)).default([]),
		/** Achievements of this or an earlier report that this measure carries on. */
		continues: z.array(reference('achievements')).default([]),
		/** Dated progress log, oldest first; empty until progress is recorded. */
		updates: z.array(update(reference)).default([]),
		/** The day the measure is due (YYYY-MM-DD), when one is set; past it, an unfinished measure is late. */
		due: day.optional(),
	})
		// Runs only once every field is valid, so the messages can rely on the dates and statuses.
		.superRefine(checkProgressLog);
