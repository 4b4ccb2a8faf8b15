// The progress rules (src/lib/progress.ts) and the progress-log checks of the measure schema,
// first on small hand-made cases, then on the fixture content and the real content.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	asOf,
	formatAsOf,
	formatStatusCounts,
	isPastDue,
	lateItems,
	latestUpdate,
	measureStatus,
	percent,
	progressRules,
	progressToday,
	recordedStatus,
	reportName,
	rollUp,
	rollUpBy,
	shownStatus,
	tally,
	tasksOf,
	timeline,
	updateAnchors,
	type ProgressAction,
	type ProgressMeasure,
} from '../src/lib/progress';
import { dayExample } from '../src/lib/format';
import { fileSchemas, readContentFiles } from '../src/tooling/content-files';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = d('2024-07-01');
const measure = <A extends ProgressAction = ProgressAction>(fields: Partial<ProgressMeasure<A>> = {}): ProgressMeasure<A> => ({
	status: 'planned',
	actions: [],
	updates: [],
	...fields,
});

describe('today (rule delayed)', () => {
	it('takes PROGRESS_TODAY as a calendar day at midnight UTC, like due dates', () => {
		expect(progressToday('2024-07-01', new Date()).toISOString()).toBe('2024-07-01T00:00:00.000Z');
	});

	it('otherwise takes the build day in Beijing time', () => {
		expect(progressToday(undefined, new Date('2024-06-30T17:00:00Z')).toISOString()).toBe('2024-07-01T00:00:00.000Z');
		expect(progressToday('', new Date('2024-06-30T15:59:00Z')).toISOString()).toBe('2024-06-30T00:00:00.000Z');
	});

	it.each(['2024-7-1', '2024-02-30', 'tomorrow'])('rejects "%s" and says what it expects', (value) => {
		expect(() => progressToday(value, new Date())).toThrow(/PROGRESS_TODAY 须是 YYYY-MM-DD 格式的日期/);
	});
});

describe('status and lateness (rules status, delayed)', () => {
	it('counts the due day itself as on time and the day after as late', () => {
		expect(isPastDue(d('2024-07-01'), today)).toBe(false);
		expect(isPastDue(d('2024-06-30'), today)).toBe(true);
		expect(isPastDue(undefined, today)).toBe(false);
	});

	it.each([
		['planned', '2024-06-30', 'delayed'],
		['in-progress', '2024-06-30', 'delayed'],
		['in-progress', '2024-07-01', 'in-progress'],
		['done', '2024-01-01', 'done'],
		['cancelled', '2024-01-01', 'cancelled'],
		['delayed', undefined, 'delayed'],
		['planned', undefined, 'planned'],
	] as const)('shows %s due %s as %s', (status, due, shown) => {
		expect(shownStatus({ status, due: due ? d(due) : undefined }, today)).toBe(shown);
	});

	it('takes the latest update by date, the later-written on the same day', () => {
		const updates = [
			{ date: d('2024-03-01'), status: 'in-progress' as const, note: 'a' },
			{ date: d('2024-05-01'), status: 'delayed' as const, note: 'b' },
			{ date: d('2024-05-01'), status: 'done' as const, note: 'c' },
		];
		expect(latestUpdate(updates)?.note).toBe('c');
		expect(latestUpdate([])).toBeUndefined();
		expect(recordedStatus(measure({ status: 'done', updates }))).toBe('done');
		expect(recordedStatus(measure({ status: 'planned' }))).toBe('planned');
	});

	it('makes a measure late by its own due date, not by a late action', () => {
		const lateAction = measure({ status: 'in-progress', actions: [{ status: 'planned', due: d('2024-06-01') }] });
		expect(measureStatus(lateAction, today)).toBe('in-progress');
		expect(measureStatus({ ...lateAction, due: d('2024-06-30') }, today)).toBe('delayed');
	});
});

describe('tasks and completion (rules tasks, cancelled, progress)', () => {
	const statuses = (m: ProgressMeasure) => tasksOf(m, today).map((t) => [t.action ? 'action' : 'itself', t.status]);

	it('counts a measure without actions as one task, itself', () => {
		expect(statuses(measure({ status: 'done' }))).toEqual([['itself', 'done']]);
		expect(tally(tasksOf(measure({ status: 'planned' }), today))).toEqual({ done: 0, total: 1 });
	});

	it('counts a measure whose actions are all cancelled as one task, itself', () => {
		const m = measure({ status: 'in-progress', actions: [{ status: 'cancelled' }, { status: 'cancelled' }] });
		expect(statuses(m)).toEqual([
			['action', 'cancelled'],
			['action', 'cancelled'],
			['itself', 'in-progress'],
		]);
		expect(tally(tasksOf(m, today))).toEqual({ done: 0, total: 1 });
	});

	it('leaves cancelled actions out of both done and total', () => {
		const m = measure({ actions: [{ status: 'done' }, { status: 'cancelled' }, { status: 'planned' }] });
		expect(tally(tasksOf(m, today))).toEqual({ done: 1, total: 2 });
	});

	it('counts no task of a cancelled measure, whatever its actions say', () => {
		const m = measure({ status: 'cancelled', actions: [{ status: 'done' }, { status: 'planned', due: d('2024-01-01') }] });
		expect(statuses(m)).toEqual([
			['action', 'cancelled'],
			['action', 'cancelled'],
		]);
		expect(tally(tasksOf(m, today))).toEqual({ done: 0, total: 0 });
		expect(lateItems([m], today)).toEqual([]);
	});

	it('shows late actions as delayed among the tasks', () => {
		const m = measure({ status: 'in-progress', actions: [{ status: 'planned', due: d('2024-06-01') }, { status: 'done', due: d('2024-06-01') }] });
		expect(statuses(m)).toEqual([
			['action', 'delayed'],
			['action', 'done'],
		]);
	});

	it.each([
		[0, 0, undefined],
		[0, 4, 0],
		[1, 4, 25],
		[1, 3, 33],
		[199, 200, 99],
		[1, 300, 1],
		[4, 4, 100],
	])('rounds %i / %i to %s%', (done, total, expected) => {
		expect(percent({ done, total })).toBe(expected);
	});
});

describe('roll-ups (rule roll-up)', () => {
	type A = ProgressAction & { owner?: string };
	const track = (owner: string, m: ProgressMeasure<A>) => ({ owner, status: measureStatus(m, today), tasks: tasksOf(m, today) });
	const tracked = [
		track('a', measure<A>({ status: 'in-progress', actions: [{ status: 'done' }, { status: 'planned', owner: 'b' }, { status: 'planned' }] })),
		track('b', measure<A>({ status: 'done' })),
		track('b', measure<A>({ status: 'cancelled', actions: [{ status: 'done' }] })),
	];

	it('adds tasks up across measures instead of averaging percentages', () => {
		const overall = rollUp(tracked);
		expect(overall.tasks).toEqual({ done: 2, total: 4 });
		expect(overall.measures).toBe(3);
		expect(overall.statuses).toEqual({ planned: 0, 'in-progress': 1, done: 1, delayed: 0, cancelled: 1 });
		// The mean of the measures' percentages (33% and 100%) would say 67%.
		expect(percent(overall.tasks)).toBe(50);
	});

	it('counts a task for its own owner and a measure for the measure owner', () => {
		const byOwner = rollUpBy(
			tracked,
			(m) => m.owner,
			(m, task) => task.action?.owner ?? m.owner,
		);
		expect(byOwner.get('a')).toEqual({ measures: 1, statuses: { planned: 0, 'in-progress': 1, done: 0, delayed: 0, cancelled: 0 }, tasks: { done: 1, total: 2 } });
		expect(byOwner.get('b')).toEqual({ measures: 2, statuses: { planned: 0, 'in-progress': 0, done: 1, delayed: 0, cancelled: 1 }, tasks: { done: 1, total: 2 } });
		const sum = [...byOwner.values()].reduce((t, r) => ({ done: t.done + r.tasks.done, total: t.total + r.tasks.total }), { done: 0, total: 0 });
		expect(sum).toEqual(rollUp(tracked).tasks);
	});

	it('writes the status counts out in words, zeros left out', () => {
		expect(formatStatusCounts(rollUp(tracked).statuses)).toBe('推进中 1 项，已完成 1 项，已取消 1 项');
		expect(formatStatusCounts(rollUp([]).statuses)).toBe('无');
	});
});

describe('late items, timeline and as-of (rules delayed, as-of)', () => {
	const late = measure({ status: 'in-progress', due: d('2024-06-30'), actions: [{ status: 'planned', due: d('2024-05-01') }, { status: 'done', due: d('2024-05-01') }] });
	const recorded = measure({ status: 'delayed', updates: [{ date: d('2024-06-01'), status: 'delayed' }] });
	const onTime = measure({ status: 'planned', due: d('2024-07-01') });

	it('lists late measures and actions, the longest overdue first, undated ones last', () => {
		const items = lateItems([recorded, onTime, late], today);
		expect(items.map((i) => [i.measure === late ? 'late' : 'recorded', i.action ? 'action' : 'measure', i.due?.toISOString().slice(0, 10)])).toEqual([
			['late', 'action', '2024-05-01'],
			['late', 'measure', '2024-06-30'],
			['recorded', 'measure', undefined],
		]);
	});

	it('orders all updates newest first, the later-written first on the same day', () => {
		const a = { updates: [{ date: d('2024-03-01'), status: 'in-progress' as const, note: 'a1' }, { date: d('2024-05-01'), status: 'done' as const, note: 'a2' }] };
		const b = { updates: [{ date: d('2024-04-01'), status: 'in-progress' as const, note: 'b1' }, { date: d('2024-04-01'), status: 'delayed' as const, note: 'b2' }] };
		expect(timeline([a, b]).map((t) => t.update.note)).toEqual(['a2', 'b2', 'b1', 'a1']);
	});

	it('dates progress by the latest update, or by the report when there is none', () => {
		expect(asOf([], reportName(2023))).toEqual({ kind: 'report', name: '2023 年工作报告' });
		expect(formatAsOf(asOf([], reportName(2023)))).toBe('截至 2023 年工作报告');
		expect(formatAsOf(asOf([{ date: d('2024-03-01'), status: 'done' }, { date: d('2024-06-20'), status: 'done' }], reportName(2023)))).toBe('截至 2024年6月20日');
	});

	it('gives each update an anchor that depends on its date only', () => {
		const dated = (...days: string[]) => days.map((day) => ({ date: d(day), status: 'planned' as const }));
		expect(updateAnchors(dated('2024-03-01', '2024-03-01', '2024-05-10'))).toEqual(['update-2024-03-01', 'update-2024-03-01-2', 'update-2024-05-10']);
	});
});

describe('the rules as text (口径说明)', () => {
	const source = readFileSync('src/lib/progress.ts', 'utf8');

	it('has one rule per id, each with a title and a text', () => {
		expect(new Set(progressRules.map((r) => r.id)).size).toBe(progressRules.length);
		for (const rule of progressRules) expect(rule.text.length, rule.id).toBeGreaterThan(20);
	});

	it('names every rule in the code that implements it, and no rule that has no text', () => {
		const named = new Set([...source.matchAll(/[Rr]ules? `([a-z-]+)`(?:(?: and|,) `([a-z-]+)`)*/g)].flatMap((m) => m.slice(1).filter(Boolean)));
		const ids = progressRules.map((r) => r.id).filter((id) => id !== 'achievements');
		for (const id of ids) expect(named, id).toContain(id);
		for (const id of named) expect(progressRules.map((r) => r.id)).toContain(id);
	});
});

describe('progress log checks in the measure schema', () => {
	const base = {
		title: '落实公平竞争审查制度',
		year: 2024,
		section: '2024-1-1',
		order: 1,
		owner: 'szamr',
		summary: '全面落实公平竞争审查制度。',
	};
	const issues = (data: unknown) => fileSchemas.measures.safeParse(data).error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) ?? [];

	it('accepts a log in date order whose latest status is the measure status', () => {
		const updates = [
			{ date: '2024-03-01', status: 'in-progress', note: '启动' },
			{ date: '2024-03-01', status: 'delayed', note: '同日' },
			{ date: '2024-05-01', status: 'done', note: '完成' },
		];
		expect(issues({ ...base, status: 'done', updates })).toEqual([]);
	});

	it('rejects an update dated before the one above it, at that update’s date', () => {
		const updates = [
			{ date: '2024-05-01', status: 'in-progress', note: '推进' },
			{ date: '2024-03-01', status: 'in-progress', note: '启动' },
		];
		expect(issues({ ...base, status: 'in-progress', updates })).toEqual([
			{ path: 'updates.1.date', message: '进展记录须按日期从早到晚排列：第 2 条的日期 2024-03-01 早于前一条的 2024-05-01。请把新的记录加在末尾。' },
		]);
	});

	it('rejects a status that is not the latest update’s, saying which one it must be', () => {
		const updates = [{ date: '2024-03-01', status: 'in-progress', note: '启动' }];
		expect(issues({ ...base, status: 'planned', updates })).toEqual([
			{
				path: 'status',
				message: '举措的 status 是 planned（未启动），但最新一条进展记录（2024-03-01）的状态是 in-progress（推进中）。有进展记录时，status 须与最新一条相同：请把 status 改为 in-progress。',
			},
		]);
	});

	it('rejects an update status outside the measure statuses and lists the allowed ones', () => {
		const [issue] = issues({ ...base, status: 'done', updates: [{ date: '2024-03-01', status: 'finished', note: '完成' }] });
		expect(issue?.path).toBe('updates.0.status');
		expect(issue?.message).toBe('举措、任务和进展记录的状态 "finished" 不存在；可用的状态有：planned（未启动）、in-progress（推进中）、done（已完成）、delayed（滞后）、cancelled（已取消）。');
		expect(issues({ ...base, status: 'ongoing' })[0]?.message).toMatch(/^举措、任务和进展记录的状态 "ongoing" 不存在/);
	});

	it('says how to write a date', () => {
		expect(issues({ ...base, status: 'planned', due: 'next June' })).toEqual([{ path: 'due', message: `日期无效：须写成 YYYY-MM-DD，如 ${dayExample}。` }]);
	});
});

describe('the fixture content (PROGRESS_TODAY 2024-07-01)', () => {
	const files = readContentFiles(join(process.cwd(), 'tests/fixtures/progress'));

	it('passes the real schemas', () => {
		for (const file of files) expect(fileSchemas[file.collection].safeParse(file.data).error?.issues ?? [], file.path).toEqual([]);
	});

	const measures = files
		.filter((f) => f.collection === 'measures')
		.map(({ id, data }) => {
			const m = fileSchemas.measures.parse(data);
			return { id, owner: m.owner, section: m.section, status: measureStatus(m, today), tasks: tasksOf(m, today), m };
		});
	const parents = new Map(files.filter((f) => f.collection === 'sections').map(({ id, data }) => [id, fileSchemas.sections.parse(data).parent]));
	const top = (section: string): string => {
		const parent = parents.get(section);
		return parent ? top(parent) : section;
	};
	const byId = (id: string) => measures.find((m) => m.id === id)!;

	it('shows each measure with the status and tasks its case calls for', () => {
		const shown = Object.fromEntries(measures.map((m) => [m.id, [m.status, tally(m.tasks)]]));
		expect(shown).toEqual({
			'fixture-all-actions-cancelled': ['in-progress', { done: 0, total: 1 }],
			'fixture-all-done': ['done', { done: 2, total: 2 }],
			'fixture-cancelled-measure': ['cancelled', { done: 0, total: 0 }],
			'fixture-late-measure': ['delayed', { done: 1, total: 3 }],
			'fixture-no-actions': ['planned', { done: 0, total: 1 }],
			'fixture-recorded-delayed': ['delayed', { done: 1, total: 2 }],
		});
	});

	it('rolls up to every status, 4 of 9 tasks, by section and by owner', () => {
		const overall = rollUp(measures);
		expect(overall).toEqual({ measures: 6, statuses: { planned: 1, 'in-progress': 1, done: 1, delayed: 2, cancelled: 1 }, tasks: { done: 4, total: 9 } });
		const bySection = rollUpBy(measures, (m) => top(m.section));
		expect(Object.fromEntries([...bySection].map(([k, r]) => [k, r.tasks]))).toEqual({ 's24-1': { done: 3, total: 6 }, 's24-2': { done: 1, total: 3 } });
		const byOwner = rollUpBy(
			measures,
			(m) => m.owner,
			(m, task) => task.action?.owner ?? m.owner,
		);
		expect(Object.fromEntries([...byOwner].map(([k, r]) => [k, [r.measures, r.tasks]]))).toEqual({
			'bureau-a': [3, { done: 3, total: 5 }],
			'bureau-b': [2, { done: 0, total: 2 }],
			'bureau-c': [1, { done: 1, total: 2 }],
		});
	});

	it('finds the late action, the late measure and the measure recorded as late, and nothing due today', () => {
		const items = lateItems(
			measures.map((m) => ({ ...m.m, id: m.id })),
			today,
		);
		expect(items.map((i) => [i.measure.id, i.action?.title])).toEqual([
			['fixture-late-measure', '测试任务逾期'],
			['fixture-late-measure', undefined],
			['fixture-recorded-delayed', undefined],
		]);
		expect(byId('fixture-recorded-delayed').tasks.map((t) => t.status)).toEqual(['planned', 'done']);
	});

	it('dates the plan by its latest update', () => {
		expect(formatAsOf(asOf(measures.flatMap((m) => m.m.updates), reportName(2023)))).toBe('截至 2024年6月20日');
	});
});

describe('the real content', () => {
	// Rules that hold whatever progress staff record; fixed numbers belong to the fixtures above.
	const measures = readContentFiles()
		.filter((f) => f.collection === 'measures')
		.map((f) => ({ path: f.path, m: fileSchemas.measures.parse(f.data) }));

	it('keeps a measure planned until a dated update says otherwise', () => {
		for (const { path, m } of measures) if (m.updates.length === 0) expect(m.status, path).toBe('planned');
	});

	it('counts no more tasks done than there are, and every measure at least once', () => {
		const tracked = measures.map(({ m }) => ({ status: measureStatus(m, today), tasks: tasksOf(m, today) }));
		const overall = rollUp(tracked);
		expect(overall.measures).toBe(measures.length);
		expect(overall.tasks.done).toBeLessThanOrEqual(overall.tasks.total);
		for (const t of tracked) expect(t.tasks.length).toBeGreaterThan(0);
	});

	it('finds late only what has a due date past or is recorded as delayed', () => {
		for (const item of lateItems(
			measures.map(({ m }) => m),
			today,
		)) {
			const recorded = item.action?.status ?? recordedStatus(item.measure);
			expect(recorded === 'delayed' || (item.due !== undefined && item.due.getTime() < today.getTime())).toBe(true);
		}
	});
});
