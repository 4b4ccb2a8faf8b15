/**
 * The search page (/search/): reads `?q=` and the filters from the URL, runs the search, keeps the
 * URL in step so that every search can be shared, and renders the results as plain links. Pagefind
 * loads only here, on first use; result links carry a text fragment (#:~:text=) so the browser
 * itself highlights the term on the page it opens, with no script on that page.
 */
import { createSearchEngine, type FilterSelection, type Pagefind, type PagefindResult } from '../lib/search-engine';
import { ZWSP, type QueryTerm } from '../lib/search-text';
import { url } from '../lib/urls';

const pageSize = 10;
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;
const filterPanel = document.querySelector<HTMLDetailsElement>('#search-filters')!;
const filterCount = document.querySelector<HTMLElement>('#search-filter-count')!;
// Filters need the script anyway (without it the page cannot search): each names its URL parameter
// in data-param and its Pagefind filter in data-filter.
const boxes = [...filterPanel.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];

let engine: Promise<ReturnType<typeof createSearchEngine>> | undefined;
const load = async () => {
	const base = url('pagefind/');
	const module = (await import(/* @vite-ignore */ `${base}pagefind.js`)) as { createInstance(o: object): Pagefind };
	// The main thread is fast enough for this index and saves the worker's download.
	return createSearchEngine(module.createInstance({ basePath: base, baseUrl: url(), noWorker: true }));
};

let shown: PagefindResult[] = [];
let terms: QueryTerm[] = [];
let run = 0;

/** The chosen filter values, by Pagefind filter name. */
const selection = (): FilterSelection => {
	const chosen: Record<string, string[]> = {};
	for (const box of boxes) if (box.checked) (chosen[box.dataset.filter!] ??= []).push(box.value);
	return chosen;
};

async function search() {
	const query = input.value.trim();
	const current = ++run;
	const params = new URLSearchParams(query ? { q: query } : {});
	for (const box of boxes) if (box.checked) params.append(box.dataset.param!, box.value);
	history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
	const chosen = selection();
	if (!query && !Object.keys(chosen).length) {
		status.textContent = '请输入关键词，或选择筛选条件。';
		list.replaceChildren();
		more.hidden = true;
		return;
	}
	status.textContent = '正在搜索…';
	let outcome: Awaited<ReturnType<ReturnType<typeof createSearchEngine>['search']>>;
	try {
		outcome = await (await (engine ??= load())).search(query, chosen);
	} catch (error) {
		engine = undefined;
		status.textContent = '搜索暂时无法使用，请稍后再试，或直接浏览成果和举措列表。';
		throw error;
	}
	if (current !== run) return;
	terms = outcome.terms;
	shown = outcome.results;
	for (const box of boxes) {
		const count = outcome.counts[box.dataset.filter!]?.[box.value] ?? 0;
		box.parentElement!.querySelector('.search-count')!.textContent = `（${count}）`;
	}
	const checked = boxes.filter((b) => b.checked).length;
	filterCount.textContent = checked ? `（已选 ${checked} 项）` : '';
	status.textContent = shown.length
		? `找到 ${shown.length} 条结果${query ? `：“${query}”` : ''}`
		: `没有找到与“${query || '所选条件'}”相关的结果。请换个关键词，或减少筛选条件。`;
	list.replaceChildren();
	await showMore();
}

async function showMore() {
	const current = run;
	const start = list.children.length;
	const items = await Promise.all(shown.slice(start, start + pageSize).map(render));
	// A newer search has replaced these results meanwhile.
	if (current !== run) return;
	list.append(...items);
	const rest = shown.length - list.children.length;
	more.hidden = rest <= 0;
	more.textContent = `显示更多结果（还有 ${rest} 条）`;
}

/** Where a term (or one of its synonyms) stands in the text. */
const patternOf = (term: QueryTerm) => term.forms.map((tokens) => tokens.map((t) => (t === '.' ? '[.．]' : t)).join('')).join('|');

/** The first place a pattern matches, below the title if it stands there too (the breadcrumbs repeat the title). */
function firstMatch(content: string, skip: number, pattern: string) {
	for (const from of [skip, 0]) {
		const match = new RegExp(pattern, 'i').exec(content.slice(from));
		if (match) return { index: match.index + from, text: match[0] };
	}
	return undefined;
}

async function render(result: PagefindResult) {
	const data = await result.data();
	const clean = (text = '') => text.replaceAll(ZWSP, '');
	const content = clean(data.content);
	const title = clean(data.meta.title);
	const skip = content.startsWith(title) ? title.length : 0;
	const matches = terms.flatMap((term) => firstMatch(content, skip, patternOf(term)) ?? []);
	const item = document.createElement('li');
	const heading = document.createElement('h2');
	const link = document.createElement('a');
	link.textContent = title;
	// Text fragments: the browser itself scrolls to and highlights each term on the page it opens.
	const directives = matches.map((m) => textDirective(content, m.index, m.text.length)).join('&');
	link.href = directives ? `${data.url}${data.url.includes('#') ? '' : '#'}:~:${directives}` : data.url;
	heading.append(link);
	const meta = document.createElement('p');
	meta.className = 'search-meta';
	meta.textContent = [data.meta.year && `${data.meta.year}年`, data.meta.kind, data.meta.status, data.meta.owner].filter(Boolean).join(' · ');
	const at = Math.min(...matches.map((m) => m.index), content.length);
	item.append(heading, meta, excerpt(content, at === content.length ? 0 : at, terms.map(patternOf).join('|')));
	return item;
}

/** About 80 characters around the first match, every match marked. */
function excerpt(content: string, at: number, source: string) {
	const from = Math.max(0, at - 30);
	const text = content.slice(from, from + 80);
	const p = document.createElement('p');
	p.className = 'search-excerpt';
	if (from > 0) p.append('…');
	let last = 0;
	for (const match of source ? text.matchAll(new RegExp(source, 'gi')) : []) {
		const mark = document.createElement('mark');
		mark.textContent = match[0];
		p.append(text.slice(last, match.index), mark);
		last = match.index + match[0].length;
	}
	p.append(text.slice(last), from + 80 < content.length ? '…' : '');
	return p;
}

const words = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const encode = (text: string) => encodeURIComponent(text).replace(/[-,&]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A text directive for a match. Chromium highlights whole words only, so the match grows to word
 * boundaries; a few words on each side make the browser find it where the index did, not in the
 * breadcrumbs or the title that repeat it. Context stays inside the block of text (Pagefind ends
 * blocks with ". ").
 */
function textDirective(content: string, index: number, length: number) {
	let from = index;
	let to = index + length;
	while (from > 0 && !/\s/.test(content[from - 1]!) && !content.startsWith('. ', from - 1)) from--;
	while (to < content.length && !/\s/.test(content[to]!) && !content.startsWith('. ', to)) to++;
	const bounds = [...words.segment(content.slice(from, to))].map((w) => w.index + from).concat(to);
	const start = bounds.findLast((b) => b <= index)!;
	const end = bounds.find((b) => b >= index + length)!;
	const before = bounds.filter((b) => b < start && start - b <= 6)[0] ?? start;
	const after = bounds.filter((b) => b > end && b - end <= 6).at(-1) ?? end;
	const part = (a: number, b: number, wrap: (text: string) => string) => (a < b ? wrap(encode(content.slice(a, b))) : '');
	return `text=${part(before, start, (t) => `${t}-,`)}${encode(content.slice(start, end))}${part(end, after, (t) => `,-${t}`)}`;
}

function fromUrl() {
	const params = new URLSearchParams(location.search);
	input.value = params.get('q') ?? '';
	for (const box of boxes) box.checked = params.getAll(box.dataset.param!).includes(box.value);
	if (boxes.some((b) => b.checked)) filterPanel.open = true;
}

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
	clearTimeout(timer);
	timer = setTimeout(search, 300);
});
form.addEventListener('submit', (event) => {
	event.preventDefault();
	clearTimeout(timer);
	void search();
});
filterPanel.addEventListener('change', () => void search());
more.addEventListener('click', () => void showMore());
addEventListener('popstate', () => {
	fromUrl();
	void search();
});

fromUrl();
void search();
