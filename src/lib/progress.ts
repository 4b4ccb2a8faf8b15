/**
 * How progress is counted: every rule once, as a pure function and as the sentence the
 * 口径说明 page (/progress/method/) shows, so that page and code cannot drift apart. Nothing here
 * reads files, the clock or the environment: "today" is always passed in.
 */
import { measureStatuses, statusLabels, type MeasureStatus } from '../vocabulary';
import { dayExample, formatDate, isoDate } from './format';

/**
 * The rules in the reader's words, in the order the 口径说明 page lists them. Each function below
 * names the rule it implements.
 */
export const progressRules = [
	{
		id: 'status',
		title: '举措的状态',
		text: '有进展记录时，举措的状态就是最新一条进展记录的状态，举措文件中的 status 必须与之相同，否则网站无法生成；没有进展记录时，沿用举措文件中的 status，也就是报告发布时的状态。',
	},
	{
		id: 'delayed',
		title: '滞后',
		text: '举措或任务设有截止日期（due），截止日期已过而尚未完成、也未取消的，显示为“滞后”；截止日期当天不算滞后。是否已过截止日期，按本站生成之日（北京时间）判断。状态记录为“滞后”的，不论是否设有截止日期，都显示为滞后。',
	},
	{
		id: 'tasks',
		title: '任务',
		text: '举措的任务就是它列出的具体任务。没有列出具体任务，或所列任务全部取消的举措，按 1 项任务计，这项任务的状态就是举措本身的状态。',
	},
	{
		id: 'cancelled',
		title: '已取消',
		text: '已取消的任务既不计入任务总数，也不计入已完成数。举措本身取消的，它的全部任务都不计。',
	},
	{
		id: 'progress',
		title: '完成度',
		text: '举措的完成度 = 已完成的任务数 ÷ 任务总数（不含已取消的任务）。百分比四舍五入取整，但尚未全部完成时最多显示 99%，已有任务完成时最少显示 1%。任务总数为 0（举措已取消）时不计算完成度。',
	},
	{
		id: 'roll-up',
		title: '汇总',
		text: '按板块、责任单位或年度汇总时，把各项举措的已完成任务数和任务总数分别相加后再相除，而不是把各项举措的百分比取平均，所以任务多的举措分量更大；各状态的举措数按举措计。板块包括它下面的各个小节。任务单独注明责任单位的，计入该单位，否则计入举措的责任单位；举措的状态计入举措的责任单位。',
	},
	{
		id: 'as-of',
		title: '截至时间',
		text: '进展截至最新一条进展记录的日期。还没有任何进展记录时，进展截至提出这些举措的年度工作报告；报告没有写明发布日期的，本站也不另设日期。',
	},
	{
		id: 'achievements',
		title: '成果',
		text: '每份报告总结的成果按报告所述分为“已完成”和“持续推进”两种状态，不设任务和进展记录。',
	},
	{
		id: 'evidence',
		title: '后续报告的完成情况',
		text: '后一年的报告在总结中写到前一年某项举措的完成情况时，对应的成果注明它报告的举措，举措页面并列显示“计划”和“完成情况”，汇总中计为“已有报告说明”。举措的状态仍以进展记录为准：报告说明不改变状态。',
	},
] as const satisfies readonly { id: string; title: string; text: string }[];

export type ProgressRuleId = (typeof progressRules)[number]['id'];

/** The fields of an action that progress depends on. */
export interface ProgressAction {
	status: MeasureStatus;
	due?: Date | undefined;
}

/** The fields of an update that progress depends on. */
export interface ProgressUpdate {
	date: Date;
	status: MeasureStatus;
}

/** The fields of a measure that progress depends on. */
export interface ProgressMeasure<A extends ProgressAction = ProgressAction, U extends ProgressUpdate = ProgressUpdate> {
	status: MeasureStatus;
	due?: Date | undefined;
	actions: readonly A[];
	updates: readonly U[];
}

/** Done and counted tasks; cancelled tasks are in neither (rule `cancelled`). */
export interface Tally {
	done: number;
	total: number;
}

/** Statuses that end the work: neither can become late, and a measure is done only when every task is one of them. */
export const closed: ReadonlySet<MeasureStatus> = new Set(['done', 'cancelled']);

const day = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day progress is judged on (rule `delayed`), as midnight UTC like the `due` dates parsed
 * from YYYY-MM-DD. `override` (PROGRESS_TODAY) makes a build reproducible; otherwise it is
 * `now`'s calendar day in Beijing time.
 */
export function progressToday(override: string | undefined, now: Date): Date {
	if (override !== undefined && override !== '') {
		const match = day.exec(override);
		const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
		if (!date || isoDate(date) !== override) throw new Error(`PROGRESS_TODAY 须是 YYYY-MM-DD 格式的日期（如 ${dayExample}），现在是 "${override}"。`);
		return date;
	}
	const beijing = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
	return progressToday(beijing, now);
}

/** Rule `delayed`: past due means strictly after the due day. */
export const isPastDue = (due: Date | undefined, today: Date) => due !== undefined && today.getTime() > due.getTime();

/** Rule `delayed`: an item shows as late when its due day has passed and it is neither done nor cancelled. */
export function shownStatus(item: { status: MeasureStatus; due?: Date | undefined }, today: Date): MeasureStatus {
	if (closed.has(item.status)) return item.status;
	return isPastDue(item.due, today) ? 'delayed' : item.status;
}

/** The last update in date order; on the same day, the one written last (rule `status`). */
export function latestUpdate<U extends ProgressUpdate>(updates: readonly U[]): U | undefined {
	let latest: U | undefined;
	for (const update of updates) if (!latest || update.date.getTime() >= latest.date.getTime()) latest = update;
	return latest;
}

/** Rule `status`: the latest update's status, else the status the file records. */
export const recordedStatus = (measure: ProgressMeasure) => latestUpdate(measure.updates)?.status ?? measure.status;

/** Rules `status` and `delayed`: the status readers see. */
export const measureStatus = (measure: ProgressMeasure, today: Date) => shownStatus({ status: recordedStatus(measure), due: measure.due }, today);

/** One unit of work: a listed action, or the measure itself when it lists none that count. */
export interface Task<A> {
	/** The action, or undefined when the task is the measure itself (rule `tasks`). */
	action: A | undefined;
	status: MeasureStatus;
}

/**
 * Rules `tasks` and `cancelled`: the tasks of a measure with the status readers see. A cancelled
 * measure's tasks are all cancelled; a measure with no action left to count is one task itself.
 */
export function tasksOf<A extends ProgressAction>(measure: ProgressMeasure<A>, today: Date): Task<A>[] {
	const status = measureStatus(measure, today);
	if (status === 'cancelled') return measure.actions.map((action) => ({ action, status: 'cancelled' }));
	const tasks = measure.actions.map((action) => ({ action, status: shownStatus(action, today) }));
	return tasks.some((task) => task.status !== 'cancelled') ? tasks : [...tasks, { action: undefined, status }];
}

/** Rule `cancelled`: counts done and counted tasks, leaving cancelled ones out of both. */
export function tally(tasks: readonly { status: MeasureStatus }[]): Tally {
	const counted = tasks.filter((task) => task.status !== 'cancelled');
	return { done: counted.filter((task) => task.status === 'done').length, total: counted.length };
}

/**
 * Rule `progress`: a whole percentage that never claims 100% before everything is done, nor 0%
 * once something is.
 */
export function percent({ done, total }: Tally): number | undefined {
	if (total === 0) return undefined;
	const rounded = Math.round((done / total) * 100);
	if (done < total && rounded === 100) return 99;
	if (done > 0 && rounded === 0) return 1;
	return rounded;
}

/** How many measures have each status, every status present (zeros included), in the vocabulary's order. */
export type StatusCounts = Record<MeasureStatus, number>;

const emptyStatusCounts = (): StatusCounts =>
	Object.fromEntries(Object.keys(measureStatuses).map((status) => [status, 0])) as StatusCounts;

/** A measure with its status and tasks already worked out, ready to roll up. */
export interface Tracked<A> {
	status: MeasureStatus;
	tasks: readonly Task<A>[];
}

/** A group's progress: measures by status and tasks done (rule `roll-up`). */
export interface RollUp {
	measures: number;
	statuses: StatusCounts;
	tasks: Tally;
}

export const emptyRollUp = (): RollUp => ({ measures: 0, statuses: emptyStatusCounts(), tasks: { done: 0, total: 0 } });

/** Rule `roll-up` over one group of measures. */
export function rollUp<A>(measures: readonly Tracked<A>[]): RollUp {
	const result = emptyRollUp();
	for (const measure of measures) {
		result.measures += 1;
		result.statuses[measure.status] += 1;
	}
	result.tasks = tally(measures.flatMap((m) => m.tasks));
	return result;
}

/**
 * Rule `roll-up` by any key: a measure counts under `measureKey`, each task under `taskKey`
 * (default: the measure's key), so an action owned by another body counts for that body. Groups
 * come in order of first appearance.
 */
export function rollUpBy<M extends Tracked<unknown>, K>(
	measures: readonly M[],
	measureKey: (measure: M) => K,
	taskKey: (measure: M, task: M['tasks'][number]) => K = measureKey,
): Map<K, RollUp> {
	const groups = new Map<K, RollUp>();
	const group = (key: K) => {
		let found = groups.get(key);
		if (!found) groups.set(key, (found = emptyRollUp()));
		return found;
	};
	for (const measure of measures) {
		const own = group(measureKey(measure));
		own.measures += 1;
		own.statuses[measure.status] += 1;
		for (const task of measure.tasks) {
			if (task.status === 'cancelled') continue;
			const counts = group(taskKey(measure, task)).tasks;
			counts.total += 1;
			if (task.status === 'done') counts.done += 1;
		}
	}
	return groups;
}

/** One late item: a measure, or one action of it (rule `delayed`). */
export interface LateItem<M, A> {
	measure: M;
	action: A | undefined;
	due: Date | undefined;
}

/**
 * Rule `delayed`: every measure and action shown as late, the longest overdue first; items
 * recorded as late without a due date come last, in the measures' order.
 */
export function lateItems<M extends ProgressMeasure>(measures: readonly M[], today: Date): LateItem<M, M['actions'][number]>[] {
	type A = M['actions'][number];
	const items: LateItem<M, A>[] = [];
	for (const measure of measures) {
		if (measureStatus(measure, today) === 'delayed') items.push({ measure, action: undefined, due: measure.due });
		if (measureStatus(measure, today) === 'cancelled') continue;
		for (const action of measure.actions) if (shownStatus(action, today) === 'delayed') items.push({ measure, action, due: action.due });
	}
	const time = (item: LateItem<M, A>) => item.due?.getTime() ?? Number.POSITIVE_INFINITY;
	return items.map((item, index) => ({ item, index })).sort((a, b) => time(a.item) - time(b.item) || a.index - b.index).map(({ item }) => item);
}

/** Rule `as-of`: the latest update's day, or the report that set out the measures, by name. */
export type AsOf = { kind: 'update'; date: Date } | { kind: 'report'; name: string };

export function asOf(updates: readonly ProgressUpdate[], report: string): AsOf {
	const latest = latestUpdate(updates);
	return latest ? { kind: 'update', date: latest.date } : { kind: 'report', name: report };
}

/** A report as readers name it, after the year it sums up: "<year> 年工作报告". */
export const reportName = (summaryYear: number) => `${summaryYear} 年工作报告`;

/** Rule `as-of`: the point itself, a date or a report's name. */
export const asOfWords = (point: AsOf) => (point.kind === 'update' ? formatDate(point.date) : point.name);

/** Rule `as-of` in a sentence: "截至" a date or a report's name. */
export const formatAsOf = (point: AsOf) => `截至 ${asOfWords(point)}`;

/** "3 / 12 项任务已完成" (rule `progress`). */
export const formatTally = ({ done, total }: Tally) => `${done} / ${total} 项任务已完成`;

/** Every update of every measure, newest first; on the same day, the later-written first. */
export function timeline<M extends { updates: readonly ProgressUpdate[] }>(measures: readonly M[]): { measure: M; update: M['updates'][number] }[] {
	const all = measures.flatMap((measure) => measure.updates.map((update, index) => ({ measure, update, index })));
	return all
		.map((item, order) => ({ item, order }))
		.sort((a, b) => b.item.update.date.getTime() - a.item.update.date.getTime() || b.order - a.order)
		.map(({ item: { measure, update } }) => ({ measure, update }));
}

/**
 * Stable anchors for a measure's updates, in log order: `update-2024-03-01`, and
 * `update-2024-03-01-2` for a second entry the same day. Feed items link to them, so they depend
 * on the date only, not on the update's position.
 */
export function updateAnchors(updates: readonly ProgressUpdate[]): string[] {
	const seen = new Map<string, number>();
	return updates.map((update) => {
		const key = isoDate(update.date);
		const count = (seen.get(key) ?? 0) + 1;
		seen.set(key, count);
		return count === 1 ? `update-${key}` : `update-${key}-${count}`;
	});
}

/** Rule `evidence`: a measure is accounted for once a later report's achievement reports on it; its status stays what staff record. */
export const isReported = (measure: { reportedBy: readonly unknown[] }) => measure.reportedBy.length > 0;

/** Status words for a list of counts: "未启动 3 项，推进中 1 项"; zeros are left out unless all are. */
export function formatStatusCounts(counts: StatusCounts, unit = '项'): string {
	const parts = (Object.keys(counts) as MeasureStatus[]).filter((s) => counts[s] > 0).map((s) => `${statusLabels[s]} ${counts[s]} ${unit}`);
	return parts.length > 0 ? parts.join('，') : '无';
}
