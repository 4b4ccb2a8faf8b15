/**
 * Every controlled vocabulary of the site, each defined once: the keys are the values stored in
 * the content files, the values are the Chinese labels shown to readers. Zod enums, badges,
 * filters and the contributor guide all derive from these objects.
 */

/**
 * What an entry is, and everything that follows from its kind: its Chinese label, its collection
 * and folder inside a report's folder, its URL path, and which year of its report it belongs to
 * (an achievement to the year the report sums up, a measure to the year it plans).
 */
export const kindRegistry = {
	achievement: { label: '成果', collection: 'achievements', folder: 'achievements', path: 'achievements', reportYear: 'summaryYear', part: '总结' },
	measure: { label: '举措', collection: 'measures', folder: 'measures', path: 'measures', reportYear: 'planYear', part: '计划' },
} as const;
export type Kind = keyof typeof kindRegistry;

/** The Chinese label of each kind: 成果, 举措. */
export const kinds = Object.fromEntries(Object.entries(kindRegistry).map(([kind, { label }]) => [kind, label])) as {
	[K in Kind]: (typeof kindRegistry)[K]['label'];
};

/** The kind whose entries live in a collection (`achievements` → `achievement`). */
export const kindOfCollection = (collection: string): Kind | undefined =>
	keysOf(kindRegistry).find((kind) => kindRegistry[kind].collection === collection);

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

/**
 * Chinese words staff write for a status, besides its label, mapped to the value to write
 * instead (the checker suggests it: `status: 已完成` → done). A word is listed only when it
 * means one status alone.
 */
export const statusSynonyms: Record<string, Status> = {
	完成: 'done',
	已办结: 'done',
	进行中: 'in-progress',
	实施中: 'in-progress',
	推进: 'in-progress',
	未开始: 'planned',
	计划: 'planned',
	延期: 'delayed',
	延迟: 'delayed',
	逾期: 'delayed',
	取消: 'cancelled',
	持续: 'ongoing',
};

/** Every status label, for display; both vocabularies agree on `done`. */
export const statusLabels: Record<Status, string> = { ...achievementStatuses, ...measureStatuses };

/** What each status means for the people who set it; every status of both vocabularies has a line. */
export const statusMeanings = {
	achievement: {
		done: '报告所述的工作已经完成。',
		ongoing: '报告说这项工作仍在进行、需要持续推进。',
	} satisfies Record<AchievementStatus, string>,
	measure: {
		planned: '还没有开始。报告发布时，它计划的举措和任务都是这个状态，直到记录了第一条进展。',
		'in-progress': '已经开始实施，尚未完成。',
		done: '已经全部完成。',
		delayed: '没有按计划推进。设有完成期限（due）的举措或任务，期限已过仍未完成、也未取消的，网站会自动显示为“滞后”，不必手工改成 delayed。',
		cancelled: '不再实施。已取消的任务不计入任务总数和完成度。',
	} satisfies Record<MeasureStatus, string>,
};

/**
 * How a status looks, after its word: the class of its badge and bar segment, and the colour
 * token (a custom property of src/styles/global.css, one per status, light and dark).
 */
export const statusStyle = (status: Status) => ({ className: `status-${status}`, segment: `segment-${status}`, token: `--${status}` });

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

/** Typed `Object.keys` for the vocabularies above (a Zod enum needs a non-empty tuple). */
export function keysOf<T extends Record<string, unknown>>(object: T) {
	return Object.keys(object) as [keyof T & string, ...(keyof T & string)[]];
}
