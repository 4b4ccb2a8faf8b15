import type { z } from 'astro/zod';
import { isoDate } from '../lib/format';
import { latestUpdate } from '../lib/progress';
import { statusLabels, type MeasureStatus } from '../vocabulary';

interface Logged {
	status: MeasureStatus;
	updates: readonly { date: Date; status: MeasureStatus }[];
}

const named = (status: MeasureStatus) => `${status}（${statusLabels[status]}）`;

/**
 * The progress log's rules, checked on every measure file (rule `status` in src/lib/progress.ts):
 * updates run oldest first, and the file's `status` is the latest update's. Each problem points at
 * the field to fix.
 */
export function checkProgressLog(measure: Logged, ctx: z.RefinementCtx<Logged>) {
	let ordered = true;
	measure.updates.forEach((update, index) => {
		const previous = measure.updates[index - 1];
		if (previous && update.date.getTime() < previous.date.getTime()) {
			ordered = false;
			ctx.addIssue({
				code: 'custom',
				path: ['updates', index, 'date'],
				message: `进展记录须按日期从早到晚排列：第 ${index + 1} 条的日期 ${isoDate(update.date)} 早于前一条的 ${isoDate(previous.date)}。请把新的记录加在末尾。`,
			});
		}
	});
	// Out of order, "latest" is ambiguous: the date is the thing to fix first.
	const latest = ordered ? latestUpdate(measure.updates) : undefined;
	if (latest && latest.status !== measure.status) {
		ctx.addIssue({
			code: 'custom',
			path: ['status'],
			message: `举措的 status 是 ${named(measure.status)}，但最新一条进展记录（${isoDate(latest.date)}）的状态是 ${named(latest.status)}。有进展记录时，status 须与最新一条相同：请把 status 改为 ${latest.status}。`,
		});
	}
}
