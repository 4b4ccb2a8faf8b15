import { z } from 'astro/zod';
import { achievementStatuses, keysOf, measureStatuses } from '../vocabulary';

/** "planned（未启动）、done（已完成）": the allowed values with their labels, for error messages. */
const allowed = (labels: Record<string, string>) =>
	Object.entries(labels)
		.map(([value, label]) => `${value}（${label}）`)
		.join('、');

/** A status error that says what was found and what is allowed, in the editors' language. */
const statusEnum = <T extends Record<string, string>>(labels: T, what: string) =>
	z.enum(keysOf(labels), {
		error: ({ input }) =>
			input === undefined ? `缺少${what}状态；可用的状态有：${allowed(labels)}。` : `${what}状态 ${JSON.stringify(input)} 不存在；可用的状态有：${allowed(labels)}。`,
	});

/** Status of a 2023 achievement: `done` or `ongoing`, as the report states it. */
export const achievementStatus = statusEnum(achievementStatuses, '成果的');

/** Status of a measure, action or update; a measure stays `planned` until a dated update says otherwise. */
export const measureStatus = statusEnum(measureStatuses, '举措、任务和进展记录的');
