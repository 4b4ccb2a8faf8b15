/**
 * Every controlled vocabulary of the site, each defined once: the keys are the values stored in
 * the content files, the values are the Chinese labels shown to readers. Zod enums, badges,
 * filters and the contributor guide all derive from these objects.
 */

/** What an entry is: a 2023 achievement (成果) or a 2024 measure (举措). */
export const kinds = {
	achievement: '成果',
	measure: '举措',
} as const;
export type Kind = keyof typeof kinds;

/** Status of a reported achievement, as the report states it. */
export const achievementStatuses = {
	done: '已完成',
	ongoing: '持续推进',
} as const;
export type AchievementStatus = keyof typeof achievementStatuses;

/** Status of a planned measure or one of its actions. */
export const measureStatuses = {
	planned: '未启动',
	'in-progress': '推进中',
	done: '已完成',
	delayed: '滞后',
	cancelled: '已取消',
} as const;
export type MeasureStatus = keyof typeof measureStatuses;

export type Status = AchievementStatus | MeasureStatus;

/** Every status label, for display; both vocabularies agree on `done`. */
export const statusLabels: Record<Status, string> = { ...achievementStatuses, ...measureStatuses };

/**
 * Words the report puts around a figure ("超过10.7万家", "6000余人次"). `before` words are
 * written in front of the number, `after` words behind it.
 */
export const qualifiers = {
	超过: 'before',
	超: 'before',
	近: 'before',
	余: 'after',
	以上: 'after',
} as const;
export type Qualifier = keyof typeof qualifiers;

/** The years the report covers, with what each year's part of it is. */
export const years = {
	2023: { kind: 'achievement', title: '2023 年法治建设工作总结' },
	2024: { kind: 'measure', title: '2024 年法治建设工作思路和重点举措' },
} as const satisfies Record<number, { kind: Kind; title: string }>;

/** Whether a year's entries of a kind are the published report's own; other years (benchmarks, later reports) quote their own texts. */
export function inReport(year: number, kind: Kind): boolean {
	return (years as Record<number, { kind: Kind } | undefined>)[year]?.kind === kind;
}

/** Typed `Object.keys` for the vocabularies above (a Zod enum needs a non-empty tuple). */
export function keysOf<T extends Record<string, unknown>>(object: T) {
	return Object.keys(object) as [keyof T & string, ...(keyof T & string)[]];
}
