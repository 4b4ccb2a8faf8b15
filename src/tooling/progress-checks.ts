/**
 * Progress records that parse but cannot be true: an update dated after the day of the build
 * (Beijing time, as the site judges lateness), and a measure marked done while one of its tasks
 * is still open. Either would publish progress nobody has made.
 */
import { isoDate } from '../lib/format';
import { closed } from '../lib/progress';
import { measureStatuses, type MeasureStatus } from '../vocabulary';
import type { ContentFile } from './content-files';
import type { Problem } from './problems';

type Data = Record<string, unknown>;
const isStatus = (value: unknown): value is MeasureStatus => typeof value === 'string' && value in measureStatuses;
const label = (status: MeasureStatus) => `${status}（${measureStatuses[status]}）`;

export function progressProblems(file: ContentFile, data: Data, today: Date): Problem[] {
	if (file.collection !== 'measures') return [];
	const problems: Problem[] = [];
	const updates = Array.isArray(data['updates']) ? (data['updates'] as unknown[]) : [];
	updates.forEach((update, index) => {
		const date = (update as Data | null)?.['date'];
		if (!(date instanceof Date) || Number.isNaN(date.getTime()) || date.getTime() <= today.getTime()) return;
		problems.push({
			path: file.path,
			line: file.lineOf(['updates', index, 'date']),
			field: `updates[${index}].date`,
			message: `进展记录的日期 ${isoDate(date)} 在今天（北京时间）之后：还没有发生的进展不能记录`,
			allowed: '写进展实际发生的日期；计划中的日期写在 due（完成期限）里',
		});
	});
	const status = data['status'];
	const actions = Array.isArray(data['actions']) ? (data['actions'] as unknown[]) : [];
	if (status === 'done') {
		actions.forEach((action, index) => {
			// A task without a status is planned (the schema's default).
			const written = (action as Data | null)?.['status'] ?? 'planned';
			if (!isStatus(written) || closed.has(written)) return;
			const title = (action as Data | null)?.['title'];
			problems.push({
				path: file.path,
				line: file.lineOf(['actions', index, 'status']),
				field: `actions[${index}].status`,
				message: `举措已标为 ${label('done')}，但这项任务${typeof title === 'string' ? `“${title}”` : ''}还是 ${label(written)}`,
				allowed: '任务都已完成（done）或取消（cancelled）后，举措才能标为 done；否则举措保持 in-progress',
			});
		});
	}
	return problems;
}
