import { z } from 'astro/zod';
import { day } from './day';
import type { ReferenceFactory } from './reference';
import { measureStatus } from './status';

/** One concrete task a measure lists, tracked on its own. */
export const action = <R extends z.ZodType>(reference: ReferenceFactory<R>) =>
	z.strictObject({
		/** The task, in the report's words. */
		title: z.string().trim().min(1),
		/** Where the task stands. */
		status: measureStatus.default('planned'),
		/** The responsible body when it is not the measure's owner. */
		owner: reference('owners').optional(),
		/** The day the task is due (YYYY-MM-DD), when one is set; past it, an unfinished task is late. */
		due: day.optional(),
	});
