import { z } from 'astro/zod';
import { day } from './day';
import type { ReferenceFactory } from './reference';
import { source } from './source';
import { measureStatus } from './status';

/** One dated entry in a measure's progress log; the latest one sets the measure's status. */
export const update = <R extends z.ZodType>(reference: ReferenceFactory<R>) =>
	z.strictObject({
		/** The day the progress was recorded (YYYY-MM-DD). */
		date: day,
		/** The measure's status as of that day. */
		status: measureStatus,
		/** What happened, in one or two sentences. */
		note: z.string().trim().min(1),
		/** Where the fact was published, so that readers can check it: a report's paragraph or an official web page. */
		source: source(reference).optional(),
	});
