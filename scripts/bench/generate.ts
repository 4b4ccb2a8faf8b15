/**
 * Writes a synthetic content folder of N entries with the real layout (owners/, and one folder
 * per yearly report under reports/<year>/ with its report.yaml, text, sections, achievements and
 * measures) for the scale benchmark. The text is the report's own
 * sentences recombined and the structure clones the report's sections year after year, so the
 * pages, the figures and the search index look like a bureau that has published for many years.
 * It never writes into content/: benchmark data is never published.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { headingText, splitSentences } from '../../src/lib/report-text';
import { reportLayout } from '../../src/lib/layout';
import { readContentFiles, splitFrontmatter } from '../../src/tooling/content-files';

/** Entries per report year (achievements of year Y plus measures of Y + 1): 5,000 entries span ten years. */
const entriesPerReportYear = 500;
/** The real report's share of achievements (55 of 91 entries). */
const achievementShare = 0.6;

export interface GenerateOptions {
	/** How many achievements and measures to write in all. */
	entries: number;
	/** The folder to write into; emptied first. */
	outDir: string;
	/** Same seed, same files. */
	seed?: number;
	/** Where the real content is read from, as the template. */
	templateDir?: string;
}

export interface GeneratedContent {
	root: string;
	achievements: number;
	measures: number;
	sections: number;
	owners: number;
	/** The years entries span, oldest first. */
	years: number[];
	/** An entry file that `touchEntry` edits to time a one-file rebuild. */
	sampleEntry: string;
}

interface Metric {
	label: string;
	value: number;
	unit: string;
	qualifier?: string;
}
interface TemplateSection {
	id: string;
	data: Record<string, unknown> & { year: number; kind: 'achievement' | 'measure'; parent?: string };
}

/** mulberry32: small, fast and reproducible, which Math.random is not. */
function random(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (max: number) => Math.floor(next() * max);
	const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
	const some = <T>(items: readonly T[], min: number, max: number): T[] => {
		const pool = [...items];
		const count = Math.min(pool.length, min + int(max - min + 1));
		return Array.from({ length: count }, () => pool.splice(int(pool.length), 1)[0] as T);
	};
	return { next, int, pick, some, chance: (p: number) => next() < p };
}

/** District bureaus and city divisions: with the five real bodies, the "dozens of bodies" of a city. */
const districts = ['姑苏区', '吴中区', '相城区', '吴江区', '虎丘区', '工业园区', '张家港市', '常熟市', '太仓市', '昆山市'];
const divisions = ['法规处', '执法稽查处', '登记注册处', '信用监督管理处', '质量发展处', '标准化处', '计量处', '认证认可处', '特种设备安全监察处', '食品生产安全监督管理处', '食品经营安全监督管理处', '药品流通监督管理处', '价格监督检查处', '网络交易监督管理处', '广告监督管理处', '知识产权保护处', '消费者权益保护处'];

function syntheticOwners() {
	const owners = new Map<string, { name: string; shortName: string }>();
	districts.forEach((district, i) => owners.set(`district-${i + 1}`, { name: `苏州市${district}市场监督管理局`, shortName: `${district}局` }));
	divisions.forEach((division, i) => owners.set(`division-${i + 1}`, { name: `苏州市市场监督管理局${division}`, shortName: division }));
	return owners;
}

/** Clauses of the report (split at commas and semicolons) that read as a title: 4 to 30 characters. */
function clausesOf(sentences: readonly string[]) {
	return sentences
		.flatMap((s) => s.replace(/。$/, '').split(/[,，;；:：]/))
		.map((c) => c.trim().replace(/^[、“”"()（）]+|[、“”"()（）]+$/g, ''))
		.filter((c) => c.length >= 4 && c.length <= 30 && !/^[一二三四五六七八九十\d]/.test(c));
}

/** 1 → 一, 12 → 十二, 40 → 四十: a count written without digits, which the numbers rule would look for in the text. */
function chineseCount(n: number): string {
	const digit = '〇一二三四五六七八九';
	if (n < 10) return digit[n]!;
	const tens = Math.floor(n / 10) % 10;
	return `${n >= 100 ? chineseCount(Math.floor(n / 100)) + '百' : ''}${tens > 1 || n >= 100 ? digit[tens] : ''}十${n % 10 ? digit[n % 10] : ''}`;
}

const hasDigit = (text: string) => /\d/.test(text);

const stringifyOptions = { lineWidth: 0, flowCollectionPadding: true } as const;
const yamlOf = (data: Record<string, unknown>) => stringify(data, stringifyOptions);
const isoDay = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function generateContent({ entries, outDir, seed = 1, templateDir = join(process.cwd(), 'content') }: GenerateOptions): GeneratedContent {
	if (!Number.isInteger(entries) || entries < 2) throw new Error(`entries must be an integer of at least 2, got ${entries}`);
	const rng = random(seed);
	const template = readContentFiles(templateDir);
	// The newest real report is the template: its text, its structure, and the last year generated.
	const templateReport = template.filter((f) => f.collection === 'reports').sort((a, b) => a.id.localeCompare(b.id)).at(-1);
	if (!templateReport) throw new Error(`no report in ${templateDir}`);
	const { summaryYear: lastReportYear, planYear: templatePlanYear } = templateReport.data as { summaryYear: number; planYear: number };
	const reportText = readFileSync(join(templateDir, reportLayout.folder, templateReport.id, reportLayout.text), 'utf8');
	const lines = reportText.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
	// Headings are one short line; the body sentences come from the paragraphs.
	const sentences = lines.filter((l) => l.length > 40).flatMap(splitSentences).filter((s) => s.length >= 8);
	// Titles, summaries and tags hold no number: the check looks for every number of them in the report.
	const clauses = clausesOf(sentences).filter((c) => !hasDigit(c));
	const tagPool = [...new Set(template.flatMap((f) => ((f.data as { tags?: string[] }).tags ?? [])))].filter((t) => !hasDigit(t));
	const metricPool: Metric[] = template.flatMap((f) => (f.data as { metrics?: Metric[] }).metrics ?? []);

	const realOwners = template.filter((f) => f.collection === 'owners');
	const owners = new Map<string, { name: string; shortName: string }>(realOwners.map((f) => [f.id, f.data as { name: string; shortName: string }]));
	for (const [id, owner] of syntheticOwners()) owners.set(id, owner);
	const ownerIds = [...owners.keys()];

	const templateSections = template.filter((f) => f.collection === 'sections' && f.report === templateReport.id) as unknown as TemplateSection[];
	// Where the real entries sit, so that synthetic entries fill the same sections in the same proportions.
	const placement = {
		achievement: template.filter((f) => f.collection === 'achievements').map((f) => (f.data as { section: string }).section),
		measure: template.filter((f) => f.collection === 'measures').map((f) => (f.data as { section: string }).section),
	};
	const templateYear = { achievement: lastReportYear, measure: templatePlanYear } as const;

	rmSync(outDir, { recursive: true, force: true });
	const write = (path: string, text: string) => {
		const file = join(outDir, path);
		mkdirSync(join(file, '..'), { recursive: true });
		writeFileSync(file, text);
	};
	for (const [id, owner] of owners) write(`owners/${id}.yaml`, yamlOf(owner));

	const reportYears = Math.max(1, Math.round(entries / entriesPerReportYear));
	const firstReportYear = lastReportYear - reportYears + 1;
	const sectionId = (kind: 'achievement' | 'measure', year: number, templateId: string) => `${kind[0]}${year}${templateId.replace(/^\d{4}/, '')}`;
	let sectionCount = 0;
	const topLevel = (kind: 'achievement' | 'measure') => templateSections.filter((s) => s.data.kind === kind && !s.data.parent).length;
	const writeSections = (kind: 'achievement' | 'measure', year: number, report: number) => {
		// A year holds the summary of its own report and the plan from the year before: the plan's
		// top-level parts come after the summary's, as top-level orders are unique within a year.
		const offset = kind === 'measure' && year >= firstReportYear && year <= lastReportYear ? topLevel('achievement') : 0;
		for (const { id, data } of templateSections.filter((s) => s.data.kind === kind)) {
			const order = data.parent ? data['order'] : Number(data['order']) + offset;
			const copy = { ...data, year, order, ...(data.parent ? { parent: sectionId(kind, year, data.parent) } : {}) };
			write(`reports/${report}/sections/${sectionId(kind, year, id)}.yaml`, yamlOf(copy));
			sectionCount++;
		}
	};

	const slugStems = {
		achievement: template.filter((f) => f.collection === 'achievements').map((f) => f.id),
		measure: template.filter((f) => f.collection === 'measures').map((f) => f.id),
	};
	const counts = { achievement: 0, measure: 0 };
	const achievementsByYear = new Map<number, string[]>();
	let sampleEntry = '';

	const common = (kind: 'achievement' | 'measure', year: number, index: number, order: Map<string, number>) => {
		const stems = slugStems[kind];
		const slug = `${stems[index % stems.length]}-${year}-${index + 1}`;
		const templateSection = placement[kind][index % placement[kind].length] as string;
		const section = sectionId(kind, year, templateSection.replace(/^\d{4}/, String(templateYear[kind])));
		const position = (order.get(section) ?? 0) + 1;
		order.set(section, position);
		const owner = rng.chance(0.5) ? 'szamr' : rng.pick(ownerIds);
		const partners = rng.chance(0.2) ? rng.some(ownerIds.filter((o) => o !== owner), 1, 2) : [];
		// Half the entries have figures, as the real ones do; a figure is its body's own, so such a
		// body starts with a sentence that states one.
		const withFigures = rng.chance(0.5);
		const bodySentences = [nextSentence(withFigures), ...Array.from({ length: rng.int(4) }, () => nextSentence(false))];
		const bodyText = bodySentences.join('');
		const metrics = withFigures ? rng.some(metricPool.filter((m) => bodyText.includes(String(m.value))), 1, 3) : [];
		const data = {
			title: rng.pick(clauses),
			year,
			section,
			order: position,
			owner,
			...(partners.length > 0 ? { partners } : {}),
			summary: `${rng.pick(clauses)}，${rng.pick(clauses)}。`,
			tags: rng.some(tagPool, 2, 4),
			...(metrics.length > 0 ? { metrics } : {}),
		};
		// Two paragraphs when there are enough sentences, as the longer real entries have.
		const split = Math.ceil(bodySentences.length / 2);
		const body = bodySentences.length > 2 ? `${bodySentences.slice(0, split).join('')}\n\n${bodySentences.slice(split).join('')}` : bodySentences.join('');
		return { slug, data, body };
	};
	const writeEntry = (folder: string, report: number, slug: string, data: Record<string, unknown>, body: string) => {
		const path = `reports/${report}/${folder}/${slug}.mdx`;
		write(path, `---\n${yamlOf(data)}---\n\n${body}\n`);
		sampleEntry ||= join(outDir, path);
	};

	/**
	 * Each report's text is what its entries quote: every sentence stands in exactly one place, as
	 * the check requires. Body sentences are drawn from the template without repeats; once all are
	 * used they come round again marked (其二), (其三)…, so a large report still quotes each whole
	 * sentence once. The sections' intros and titles are the template's, kept out of the bodies.
	 */
	const intros = new Set(templateSections.flatMap((s) => splitSentences(String((s.data as { intro?: unknown }).intro ?? ''))));
	// Nor may a body quote a heading: the section titles stand for those sentences.
	const titles = new Set(templateSections.map((s) => String((s.data as { title?: unknown }).title)));
	const bodyPool = sentences.filter((s) => !intros.has(s) && !titles.has(headingText(s)));
	let queue: string[] = [];
	let round = 0;
	let quoted: string[] = [];
	const statesFigure = (sentence: string) => metricPool.some((m) => sentence.includes(String(m.value)));
	/** The next unused sentence; with `figure`, the next one that states a figure, when any is left this round. */
	const nextSentence = (figure: boolean) => {
		if (queue.length === 0) {
			round++;
			queue = rng.some(bodyPool, bodyPool.length, bodyPool.length).map((s) => (round === 1 ? s : s.replace(/。?$/, `（其${chineseCount(round)}）。`)));
		}
		const at = figure ? Math.max(0, queue.findIndex(statesFigure)) : 0;
		const [sentence] = queue.splice(at, 1) as [string];
		quoted.push(sentence);
		return sentence;
	};
	// Paragraphs of about a real paragraph's length: the text page shows one block per paragraph.
	const sentencesPerParagraph = 12;
	const reportTextOf = () => {
		const paragraphs = Array.from({ length: Math.ceil(quoted.length / sentencesPerParagraph) }, (_, i) => quoted.slice(i * sentencesPerParagraph, (i + 1) * sentencesPerParagraph).join(''));
		const introLines = templateSections.flatMap((s) => ((s.data as { intro?: unknown }).intro ? [String((s.data as { intro?: unknown }).intro)] : []));
		return [...introLines, ...paragraphs].join('\n') + '\n';
	};

	const measureStatusAfter = ['done', 'done', 'in-progress', 'delayed', 'cancelled'] as const;
	for (let r = 0; r < reportYears; r++) {
		const year = firstReportYear + r;
		const total = Math.floor(entries / reportYears) + (r < entries % reportYears ? 1 : 0);
		const achievementCount = Math.max(1, Math.round(total * achievementShare));
		const measureCount = total - achievementCount;

		// Each report: its own data and text (the template's sentences), its summary, then its plan.
		write(`reports/${year}/report.yaml`, yamlOf({ title: `${year}年法治建设工作总结和${year + 1}年工作思路（生成的测试数据）`, publisher: 'szamr', summaryYear: year, planYear: year + 1 }));
		queue = [];
		round = 0;
		quoted = [];
		writeSections('achievement', year, year);
		const order = new Map<string, number>();
		const slugs: string[] = [];
		for (let i = 0; i < achievementCount; i++) {
			const { slug, data, body } = common('achievement', year, i, order);
			writeEntry('achievements', year, slug, { ...data, status: rng.chance(0.85) ? 'done' : 'ongoing' }, body);
			slugs.push(slug);
		}
		achievementsByYear.set(year, slugs);
		counts.achievement += achievementCount;

		const planYear = year + 1;
		// The plan of the latest report is still under way; older plans have run their course.
		const current = planYear > lastReportYear;
		writeSections('measure', planYear, year);
		order.clear();
		for (let i = 0; i < measureCount; i++) {
			const { slug, data, body } = common('measure', planYear, i, order);
			const updateCount = current ? (rng.chance(0.5) ? 0 : 1 + rng.int(2)) : 1 + rng.int(3);
			const updates = Array.from({ length: updateCount }, (_, u) => {
				const last = u === updateCount - 1;
				const status = last && !current ? rng.pick(measureStatusAfter) : 'in-progress';
				return { date: isoDay(planYear, 2 + u * 3 + rng.int(3), 1 + rng.int(28)), status, note: rng.pick(sentences) };
			});
			const status = updates.at(-1)?.status ?? 'planned';
			const actionStatus = () => (status === 'done' || status === 'cancelled' || status === 'planned' ? status : rng.pick(['planned', 'in-progress', 'done'] as const));
			const actions = rng.some(clauses, 1, 4).map((title) => ({ title, status: actionStatus() }));
			const continues = rng.chance(0.6) ? rng.some(achievementsByYear.get(year) ?? [], 1, 2) : [];
			writeEntry('measures', year, slug, { ...data, status, actions, continues, updates, ...(rng.chance(0.3) ? { due: isoDay(planYear, 12, 31) } : {}) }, body);
		}
		counts.measure += measureCount;
		write(`reports/${year}/report.txt`, reportTextOf());
	}

	// Achievements of the report years, measures of the year after each: one more year than reports.
	const years = Array.from({ length: reportYears + 1 }, (_, i) => firstReportYear + i);
	return { root: outDir, achievements: counts.achievement, measures: counts.measure, sections: sectionCount, owners: owners.size, years, sampleEntry };
}

/** Changes one entry's summary, as an editor would, to time the rebuild after a one-file change. */
export function touchEntry(file: string, revision: number) {
	const parts = splitFrontmatter(readFileSync(file, 'utf8'));
	if (!parts) throw new Error(`${file} has no frontmatter to edit`);
	const data = parse(parts.yaml) as { summary: string };
	// In Chinese numerals: a digit in a summary would be a number the report does not state.
	data.summary = `${data.summary.replace(/（修订[〇一二三四五六七八九十百]+）$/, '')}（修订${chineseCount(revision)}）`;
	writeFileSync(file, `---\n${yamlOf(data)}---\n${parts.body}`);
}
