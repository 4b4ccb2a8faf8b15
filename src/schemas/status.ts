import { z } from 'astro/zod';
import { achievementStatuses, keysOf, measureStatuses, statusSynonyms } from '../vocabulary';

/** "planned（未启动）、done（已完成）": the allowed values with their labels, for error messages. */
const allowed = (labels: Record<string, string>) =>
	Object.entries(labels)
		.map(([value, label]) => `${value}（${label}）`)
		.join('、');

/**
 * The value meant by a status written as its Chinese label or a common word for it (`已完成`,
 * `进行中`), or in another spelling of the value (`In Progress`); undefined when unclear.
 */
export function meantStatus(labels: Record<string, string>, input: unknown): string | undefined {
	if (typeof input !== 'string') return undefined;
	const written = input.trim();
	const byLabel = Object.entries(labels).find(([, label]) => label === written || label === `已${written}`);
	if (byLabel) return byLabel[0];
	const synonym = statusSynonyms[written] ?? statusSynonyms[written.replace(/^已/, '')];
	if (synonym && synonym in labels) return synonym;
	const spelled = written.toLowerCase().replace(/[\s_]+/g, '-');
	return spelled !== written && spelled in labels ? spelled : undefined;
}

/** A status error that says what was found, what was probably meant and what is allowed, in the editors' language. */
const statusEnum = <T extends Record<string, string>>(labels: T, what: string) =>
	z.enum(keysOf(labels), {
		error: ({ input }) => {
			if (input === undefined) return `缺少${what}状态；可用的状态有：${allowed(labels)}。`;
			const meant = meantStatus(labels, input);
			const guess = meant ? `是不是想写 ${meant}（${labels[meant]}）？状态要写英文的值，中文只是说明。` : '';
			return `${what}状态 ${JSON.stringify(input)} 不存在；${guess}可用的状态有：${allowed(labels)}。`;
		},
	});

/** Status of a 2023 achievement: `done` or `ongoing`, as the report states it. */
export const achievementStatus = statusEnum(achievementStatuses, '成果的');

/** Status of a measure, action or update; a measure stays `planned` until a dated update says otherwise. */
export const measureStatus = statusEnum(measureStatuses, '举措、任务和进展记录的');
