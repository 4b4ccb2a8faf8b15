// Example props for each component, govuk-frontend style: every example is rendered, checked for
// what it must say, and run through axe (tests/components/components.test.ts).
import type { Tally } from '../../src/lib/progress';
import type { Status } from '../../src/vocabulary';

export interface Example<P> {
	name: string;
	props: P;
	/** Text the rendered HTML must contain. */
	says: string[];
}

export const statusBadge: Example<{ status: Status }>[] = [
	{ name: 'done', props: { status: 'done' }, says: ['已完成', 'status-done'] },
	{ name: 'ongoing', props: { status: 'ongoing' }, says: ['持续推进'] },
	{ name: 'planned', props: { status: 'planned' }, says: ['未启动'] },
	{ name: 'in progress', props: { status: 'in-progress' }, says: ['推进中'] },
	{ name: 'delayed', props: { status: 'delayed' }, says: ['滞后'] },
	{ name: 'cancelled', props: { status: 'cancelled' }, says: ['已取消'] },
];

export const progressBar: Example<{ tally: Tally; label: string }>[] = [
	{ name: 'nothing done', props: { tally: { done: 0, total: 4 }, label: '测试的任务完成度' }, says: ['0 / 4（0%）', 'aria-label="测试的任务完成度"'] },
	{ name: 'almost done, never 100%', props: { tally: { done: 199, total: 200 }, label: '测试' }, says: ['199 / 200（99%）'] },
	{ name: 'all done', props: { tally: { done: 3, total: 3 }, label: '测试' }, says: ['3 / 3（100%）'] },
	{ name: 'nothing to count', props: { tally: { done: 0, total: 0 }, label: '测试' }, says: ['不计完成度'] },
];

export const stackedBar: Example<{ id: string; title: string; counts: Partial<Record<Status, number>>; unit: string; compact?: boolean }>[] = [
	{ name: 'measures', props: { id: 'bar-a', title: '举措的状态', counts: { planned: 3, 'in-progress': 1, done: 2 }, unit: '项' }, says: ['共 6 项：未启动 3 项，推进中 1 项，已完成 2 项。', 'role="img"'] },
	{ name: 'achievements, compact', props: { id: 'bar-b', title: '成果的状态', counts: { done: 5, ongoing: 1 }, unit: '项', compact: true }, says: ['已完成 5 项', 'segment-ongoing'] },
	{ name: 'nothing counted', props: { id: 'bar-c', title: '空', counts: { planned: 0 }, unit: '项' }, says: [] },
];

const pages = (n: number) => Array.from({ length: n }, (_, i) => ({ number: i + 1, url: `/achievements/2030/${i > 0 ? `${i + 1}/` : ''}` }));

export const listPagination: Example<{ pages: { number: number; url: string }[]; current: number; label: string }>[] = [
	{ name: 'first of three', props: { pages: pages(3), current: 1, label: '测试年成果' }, says: ['aria-label="测试年成果：分页"', 'rel="next"', 'aria-current="page"'] },
	{ name: 'middle of three', props: { pages: pages(3), current: 2, label: '测试年成果' }, says: ['rel="prev"', 'rel="next"'] },
	{ name: 'one page: nothing', props: { pages: pages(1), current: 1, label: '测试年成果' }, says: [] },
];
