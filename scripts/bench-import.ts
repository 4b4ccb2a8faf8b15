/**
 * `npm run bench:import`: imports the real report's text into a temporary content folder (with
 * the real owners and nothing else) and compares the draft with the hand-curated edition:
 * section titles found, entries, figures (recall and precision), owners, statuses and the
 * `continues` suggestions. Writes the table into BENCHMARKS.md between its bench-import markers.
 *
 *   npm run bench:import                 the curated edition 2023
 *   npm run bench:import -- --id <id>    another curated edition
 *   npm run bench:import -- --no-write   print only
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { reportLayout } from '../src/lib/layout';
import { parseReport, plainText, splitSentences } from '../src/lib/report-text';
import { readContentFiles, type ContentFile } from '../src/tooling/content-files';
import { buildDraft } from '../src/tooling/import/draft';
import { checkDraft, writeDraft } from '../src/tooling/import/write';

const projectRoot = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { id: { type: 'string', default: '2023' }, 'no-write': { type: 'boolean', default: false } } });
const id = values.id;
const contentRoot = join(projectRoot, 'content');
const curated = readContentFiles(contentRoot).filter((f) => f.report === id || f.collection === 'owners');
const text = readFileSync(join(contentRoot, reportLayout.folder, id, reportLayout.text), 'utf8');

const scratch = mkdtempSync(join(tmpdir(), 'bench-import-'));
const started = performance.now();
let draftFiles: ContentFile[];
let problems: string[];
let counts: { sections: number; achievements: number; measures: number };
try {
	const root = join(scratch, 'content');
	cpSync(join(contentRoot, 'owners'), join(root, 'owners'), { recursive: true });
	const existing = readContentFiles(root);
	const draft = buildDraft({ text, id, source: `${reportLayout.text}`, existing });
	problems = checkDraft(root, id, draft);
	writeDraft(root, id, draft, false);
	draftFiles = readContentFiles(root).filter((f) => f.report === id);
	counts = draft.counts;
} finally {
	rmSync(scratch, { recursive: true, force: true });
}
const seconds = (performance.now() - started) / 1000;

type Data = Record<string, unknown>;
const data = (f: ContentFile) => f.data as Data;
const paragraphs = parseReport(text);
const paragraphOf = (sentence: string) => paragraphs.find((p) => p.sentences.includes(sentence))?.number ?? 0;
const isEntry = (f: ContentFile) => f.collection === 'achievements' || f.collection === 'measures';
const sentencesOf = (f: ContentFile) => (f.collection === 'sections' ? splitSentences(String(data(f)['intro'] ?? '')) : splitSentences(plainText(f.body)));

// Sections: a curated title found exactly among the draft's sections of the same kind.
const sectionsOf = (files: ContentFile[]) => files.filter((f) => f.collection === 'sections');
const draftTitles = sectionsOf(draftFiles).map((f) => `${String(data(f)['kind'])}|${String(data(f)['title'])}`);
const missed = sectionsOf(curated).filter((f) => !draftTitles.includes(`${String(data(f)['kind'])}|${String(data(f)['title'])}`));
const sectionsFound = sectionsOf(curated).length - missed.length;

// Figures: the same value, unit and qualifier in the same paragraph of the report.
const figures = (files: ContentFile[]) =>
	files.flatMap((f) => {
		const metrics = Array.isArray(data(f)['metrics']) ? (data(f)['metrics'] as Data[]) : [];
		const where = paragraphOf(sentencesOf(f)[0] ?? '');
		return metrics.map((m) => `${where}|${String(m['value'])}|${String(m['unit'])}|${String(m['qualifier'] ?? '')}`);
	});
const wanted = figures(curated.filter((f) => f.collection !== 'owners'));
const got = figures(draftFiles);
const pool = [...wanted];
let matched = 0;
const extra: string[] = [];
for (const g of got) {
	const at = pool.indexOf(g);
	if (at >= 0) {
		pool.splice(at, 1);
		matched++;
	} else extra.push(g);
}

// Owners and statuses: each draft entry against the curated entry that holds its first sentence.
const curatedEntries = curated.filter(isEntry);
const holder = (sentence: string) => curatedEntries.find((c) => sentencesOf(c).includes(sentence));
const pairs = draftFiles.filter(isEntry).map((d) => ({ d, c: holder(sentencesOf(d)[0] ?? '') }));
const agree = (field: string, only?: string) => {
	const list = pairs.filter((p) => p.c && (!only || p.d.collection === only));
	const same = list.filter((p) => data(p.d)[field] === data(p.c!)[field]);
	return { same: same.length, total: list.length, differ: list.filter((p) => !same.includes(p)).map((p) => `${p.d.id}: ${String(data(p.d)[field])} ≠ ${p.c!.id}: ${String(data(p.c!)[field])}`) };
};
const owners = agree('owner');
const statuses = agree('status', 'achievements');

// continues: a suggestion is right when the curated measure continues the curated achievement that holds the suggested one's first sentence.
const draftById = new Map(draftFiles.map((f) => [`${f.collection}/${f.id}`, f]));
let suggested = 0;
let right = 0;
for (const { d, c } of pairs.filter((p) => p.d.collection === 'measures')) {
	const links = Array.isArray(data(d)['continues']) ? (data(d)['continues'] as string[]) : [];
	for (const link of links) {
		suggested++;
		const target = draftById.get(`achievements/${link}`);
		const curatedTarget = target ? holder(sentencesOf(target)[0] ?? '') : undefined;
		if (c && curatedTarget && (data(c)['continues'] as string[] | undefined)?.includes(curatedTarget.id)) right++;
	}
}
const curatedLinks = curatedEntries.reduce((n, f) => n + ((data(f)['continues'] as unknown[] | undefined)?.length ?? 0), 0);

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
const count = (files: ContentFile[], collection: string) => files.filter((f) => f.collection === collection).length;
const rows = [
	['section titles found (exact)', `${sectionsFound}/${sectionsOf(curated).length}`, '39/39', missed.length ? `missed: ${missed.map((f) => `${f.id} “${String(data(f)['title'])}”`).join(', ')}` : ''],
	['sections in the draft', String(counts.sections), '', ''],
	['achievements (draft / curated)', `${counts.achievements} / ${count(curated, 'achievements')}`, '', 'the draft makes one entry per sentence or enumerated item; the editors grouped some sentences'],
	['measures (draft / curated)', `${counts.measures} / ${count(curated, 'measures')}`, '', ''],
	['figures recall', `${pct(matched, wanted.length)} (${matched}/${wanted.length})`, '≥ 95%', pool.length ? `missed: ${pool.join(', ')}` : ''],
	['figures precision', `${pct(matched, got.length)} (${matched}/${got.length})`, '≥ 90%', extra.length ? `not curated: ${extra.join(', ')}` : ''],
	['owner agreement', `${pct(owners.same, owners.total)} (${owners.same}/${owners.total})`, '≥ 95%', owners.differ.join('; ')],
	['status agreement (achievements)', `${pct(statuses.same, statuses.total)} (${statuses.same}/${statuses.total})`, '≥ 95%', statuses.differ.join('; ')],
	['`continues` precision', `${pct(right, suggested)} (${right}/${suggested})`, '', `recall ${pct(right, curatedLinks)} of the ${curatedLinks} curated links`],
	['check and coverage of the draft', problems.length ? `${problems.length} problems` : 'pass', 'pass', ''],
	['import time', `${seconds.toFixed(1)} s`, '', 'decode to checked draft, on this machine'],
];
const table = [
	`<!-- bench-import:start (written by \`npm run bench:import\`; edit outside the markers) -->`,
	`Import of \`content/reports/${id}/report.txt\` compared with the hand-curated edition ${id} (${new Date().toISOString().slice(0, 10)}):`,
	'',
	'| measure | draft | target | notes |',
	'| --- | --- | --- | --- |',
	...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '¦')).join(' | ')} |`),
	'<!-- bench-import:end -->',
].join('\n');
process.stdout.write(`${table}\n`);
for (const p of problems) console.error(p);

if (!values['no-write']) {
	const file = join(projectRoot, 'BENCHMARKS.md');
	const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
	const markers = /<!-- bench-import:start[\s\S]*?<!-- bench-import:end -->/;
	writeFileSync(file, markers.test(current) ? current.replace(markers, () => table) : `${current.trimEnd()}\n\n## Import: a report's text to a draft edition\n\n\`npm run bench:import\` imports the real report's text into a temporary folder and compares the draft with the hand-curated edition. Figures match when value, unit and qualifier are the same in the same paragraph; owners and statuses compare each draft entry with the curated entry that holds its first sentence.\n\n${table}\n`);
	console.log(`wrote ${file}`);
}
process.exit(problems.length ? 1 : 0);
