import { z } from 'astro/zod';
import { day } from './day';
import { measureStatus } from './status';

/** One dated entry in a measure's progress log; the latest one sets the measure's status. */
export const update = z.strictObject({
	/** The day the progress was recorded (YYYY-MM-DD). */
	date: day,
	/** The measure's status as of that day. */
	status: measureStatus,
	/** What happened, in one or two sentences. */
	note: z.string().trim().min(1),
});
