/**
 * The preview pane of a measure or achievement, in the markup and with the stylesheet of the
 * site's entry page (src/components/EntryArticle.astro, src/styles/global.css): the title, the
 * summary, the status as its badge, the report's sentences and the progress log. The status shown
 * is the one saving will write: the latest update's (rule `status`).
 */
import { statusLabels, statusStyle, type Status } from '../vocabulary';
import { bodyKey } from './file-format';

type CreateElement = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;
interface ImmutableLike {
	getIn(path: string[]): unknown;
}
interface Update {
	date?: string;
	status?: Status;
	note?: string;
}

const plain = (value: unknown): unknown => (value && typeof value === 'object' && 'toJS' in value ? (value as { toJS(): unknown }).toJS() : value);

/** The newest update, as the file format picks it when saving. */
const latest = (updates: Update[]) => updates.filter((u) => u.date && u.status).reduce<Update | undefined>((last, u) => (!last || u.date! >= last.date! ? u : last), undefined);

export function entryPreview(h: CreateElement) {
	return ({ entry }: { entry: ImmutableLike }) => {
		const field = (name: string) => plain(entry.getIn(['data', name]));
		const updates = ((field('updates') as Update[] | undefined) ?? []).filter((u) => u && (u.date || u.note));
		const status = (latest(updates)?.status ?? field('status')) as Status | undefined;
		const badge = (value: Status | undefined) => (value && value in statusLabels ? h('span', { className: `status ${statusStyle(value).className}` }, statusLabels[value]) : null);
		const body = String(field(bodyKey) ?? '');
		return h(
			'main',
			{ id: 'main' },
			h(
				'article',
				null,
				h('h1', null, String(field('title') ?? '')),
				h('p', { className: 'entry-summary' }, String(field('summary') ?? '')),
				h('dl', { className: 'facts' }, h('dt', null, '年份'), h('dd', null, `${String(field('year') ?? '')}年`), h('dt', null, '状态'), h('dd', null, badge(status))),
				h(
					'section',
					null,
					h('h2', null, '报告原文'),
					h(
						'div',
						{ className: 'entry-body' },
						body.split(/\n+/).filter(Boolean).map((paragraph, index) => h('p', { key: index }, paragraph)),
					),
				),
				updates.length
					? h(
							'section',
							null,
							h('h2', null, '进展记录'),
							h(
								'ol',
								{ className: 'timeline' },
								updates.map((update, index) =>
									h('li', { key: index }, h('p', { className: 'timeline-head' }, h('time', { dateTime: update.date }, update.date ?? ''), ' ', badge(update.status)), h('p', { className: 'timeline-note' }, update.note ?? '')),
								),
							),
						)
					: null,
			),
		);
	};
}
