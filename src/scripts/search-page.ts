/**
 * The search page (/search/): reads `?q=` and the filters from the URL, runs the search, keeps the
 * URL in step so that every search can be shared, and renders the results as plain links. Pagefind
 * loads only here, on first use, with the small table that reads traditional characters as
 * simplified ones; what each result shows comes from src/lib/search-result.ts. Result links carry
 * a text fragment (#:~:text=) so the browser itself highlights the term on the page it opens, with
 * no script on that page.
 */
import { createSearchEngine, type FilterSelection, type Pagefind, type PagefindResult, type SearchOutcome } from '../lib/search-engine';
import { resultView, type Passage } from '../lib/search-result';
import type { QueryTerm } from '../lib/search-text';
import { loadVariants } from '../lib/search-variants';

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
	const base = form.dataset.pagefind!;
	const [module, variants] = await Promise.all([
		import(/* @vite-ignore */ `${base}pagefind.js`) as Promise<{ createInstance(o: object): Pagefind }>,
		loadVariants(base),
	]);
	// The main thread is fast enough for this index and saves the worker's download.
	const instance = module.createInstance({ basePath: base, baseUrl: form.dataset.site!, noWorker: true });
	return createSearchEngine(instance, variants, boxes.map((box) => box.dataset.filter!));
};

let shown: PagefindResult[] = [];
let counted: SearchOutcome | undefined;
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
		status.textContent = status.dataset.idle!;
		list.replaceChildren();
		more.hidden = true;
		return;
	}
	status.textContent = status.dataset.busy!;
	let outcome: SearchOutcome;
	try {
		outcome = await (await (engine ??= load())).search(query, chosen);
	} catch (error) {
		engine = undefined;
		status.textContent = status.dataset.failed!;
		throw error;
	}
	if (current !== run) return;
	terms = outcome.terms;
	shown = outcome.results;
	counted = outcome;
	void showCounts();
	const checked = boxes.filter((b) => b.checked).length;
	filterCount.textContent = checked ? `（已选 ${checked} 项）` : '';
	status.textContent = shown.length
		? `找到 ${shown.length} 条结果${query ? `：“${query}”` : ''}`
		: `没有找到与“${query || '所选条件'}”相关的结果。请换个关键词，或减少筛选条件。`;
	list.replaceChildren();
	await showMore();
}

/**
 * Each filter value's count, once 筛选 is open: the counts need every filter's file. They only help
 * to choose, so a failed download leaves them out; opening 筛选 again retries.
 */
async function showCounts() {
	const outcome = counted;
	if (!filterPanel.open || !outcome) return;
	const counts = await outcome.counts().catch(() => {});
	if (!counts || outcome !== counted) return;
	for (const box of boxes) box.parentElement!.querySelector('.search-count')!.textContent = `（${counts[box.dataset.filter!]?.[box.value] ?? 0}）`;
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

async function render(result: PagefindResult) {
	const view = resultView(await result.data(), terms);
	const item = document.createElement('li');
	const heading = document.createElement('h2');
	const link = document.createElement('a');
	link.textContent = view.title;
	link.href = view.href;
	heading.append(link);
	const facts = document.createElement('p');
	facts.className = 'search-meta';
	facts.textContent = view.facts.join(' · ');
	item.append(heading, facts);
	if (view.excerpt.length) item.append(excerpt(view.excerpt));
	return item;
}

/** The passages of an excerpt, terms in <mark>, a cut shown once as "…". */
function excerpt(passages: Passage[]) {
	const p = document.createElement('p');
	p.className = 'search-excerpt';
	passages.forEach((passage, i) => {
		if (passage.cutStart && !passages[i - 1]?.cutEnd) p.append('…');
		for (const part of passage.parts) {
			if (!part.marked) p.append(part.text);
			else p.append(Object.assign(document.createElement('mark'), { textContent: part.text }));
		}
		if (passage.cutEnd) p.append('…');
	});
	return p;
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
filterPanel.addEventListener('toggle', () => void showCounts());
more.addEventListener('click', () => void showMore());
addEventListener('popstate', () => {
	fromUrl();
	void search();
});

fromUrl();
void search();
