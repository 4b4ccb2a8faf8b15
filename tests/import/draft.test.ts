// A draft edition passes the content check and the coverage rules as written, and is the same on every import.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/tooling/content-files';
import { buildDraft, type Draft } from '../../src/tooling/import/draft';
import { checkDraft, writeDraft } from '../../src/tooling/import/write';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'import');
const scratch = mkdtempSync(join(tmpdir(), 'import-draft-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A content folder with the fixture owners and nothing else. */
function contentFolder(name: string) {
	const root = join(scratch, name, 'content');
	cpSync(join(fixtures, 'content'), root, { recursive: true });
	return root;
}
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8').trim();
const draftOf = (root: string, name: string, id = '2024') => buildDraft({ text: read(name), id, source: name, existing: readContentFiles(root) });
const file = (draft: Draft, ending: string) => draft.files.find((f) => f.path.endsWith(ending))!;
const entry = (draft: Draft, test: (f: { content: string }) => boolean) => draft.files.find((f) => f.path.endsWith('.mdx') && test(f))!;

describe.each(['styles/cn-paren-enumeration.txt', 'styles/num-paren-num.txt', 'styles/cn-num-lead-sentences.txt', 'no-headings.txt'])('import of %s', (name) => {
	const root = contentFolder(name.replace(/\W/g, '-'));
	const draft = draftOf(root, name);

	it('passes the content check and places every sentence exactly once', () => {
		expect(checkDraft(root, '2024', draft)).toEqual([]);
	});

	it('is the same on every import', () => {
		expect(draftOf(root, name).files).toEqual(draft.files);
	});

	it('names only ASCII files, in the edition’s own folder', () => {
		for (const f of draft.files) expect(f.path).toMatch(/^reports\/2024\/(?:report\.(?:yaml|txt)|sections\/r2024-[a-z0-9-]+\.yaml|(?:achievements|measures)\/[a-z0-9]+(?:-[a-z0-9]+)*\.mdx)$/);
	});

	it('lists a guess for every entry’s title, with its file and line', () => {
		const entries = draft.files.filter((f) => f.path.endsWith('.mdx'));
		const titles = draft.review.filter((r) => r.what === '标题');
		expect(titles.map((r) => r.path).sort()).toEqual(entries.map((f) => f.path).sort());
		for (const r of titles) expect(file(draft, r.path).content.split('\n')[r.line - 1]).toMatch(/^title: /);
	});
});

describe('an imported edition', () => {
	const root = contentFolder('edition');
	const draft = draftOf(root, 'styles/cn-paren-enumeration.txt');

	it('writes the report’s years, publisher and headings into report.yaml', () => {
		const yaml = file(draft, 'report.yaml').content;
		expect(yaml).toContain('publisher: district-amr\nsummaryYear: 2024\nplanYear: 2025\nsummaryTitle: 2024年工作总结\nplanTitle: 2025年工作打算\n');
		expect(draft.decisions.join('\n')).toContain('计划年份 2025：来自标题“2025年工作打算”');
	});

	it('marks work still under way ongoing, and measures planned with no updates', () => {
		const ongoing = entry(draft, (f) => f.content.includes('二是正在创建省级食品安全示范区。'))!;
		expect(ongoing.content).toMatch(/^status: ongoing$/m);
		const measures = draft.files.filter((f) => f.path.includes('/measures/'));
		expect(measures.length).toBe(3);
		for (const m of measures) expect(m.content).toMatch(/^status: planned\nsummary: .*\nupdates: \[\]\n/m);
	});

	it('writes figures with the number as written and the qualifier', () => {
		const reform = entry(draft, (f) => f.content.includes('1.2万户'))!;
		expect(reform.content).toContain('metrics:\n  - label: 新设经营主体\n    value: 1.2\n    unit: 万户\n    qualifier: 超过\n');
	});

	it('suggests, a year later, which measures the achievements report on, and lists them for review', () => {
		writeDraft(root, '2024', draft, false);
		const next = draftOf(root, 'next-year.txt', '2025');
		expect(checkDraft(root, '2025', next)).toEqual([]);
		const links = next.review.filter((r) => r.what === '关联' && r.note.startsWith('reportsOn'));
		expect(links.length).toBeGreaterThanOrEqual(2);
		const mechanism = entry(next, (f) => f.content.includes('一是完善登记注册服务机制，办理时限明显压缩。'))!;
		const planned = entry(draft, (f) => f.content.includes('一是完善登记注册服务机制。'))!;
		expect(mechanism.content).toContain(`reportsOn:\n  - ${planned.path.split('/').at(-1)!.replace('.mdx', '')}\n`);
	});

	it('keeps the file names of an edition it replaces, even when the titles change', () => {
		const replaced = readContentFiles(root).filter((f) => f.report === '2024' && f.body);
		const again = buildDraft({ text: read('styles/cn-paren-enumeration.txt').replace('营商环境持续优化', '营商环境不断优化'), id: '2024', source: 'x', existing: readContentFiles(root).filter((f) => f.report !== '2024'), replaced });
		const names = (d: Draft) => d.files.filter((f) => f.path.endsWith('.mdx')).map((f) => f.path).sort();
		expect(names(again)).toEqual(names(draft));
	});
});

describe('odd texts', () => {
	const root = contentFolder('odd');
	it.each([
		['a heading written twice and a repeated sentence', '2024年工作总结\n1.第一项工作。\n1.第一项工作。\n2024年工作总结'],
		['markup MDX would run as code', '示范区局开展检查。<b>加粗</b>的句子。{x}也在。*强调*。正常的一句话。\n- 列表项。'],
		['only headings', '一、总结\n二、下一步工作打算'],
		['a very long heading', `一、${'很长'.repeat(40)}。内容。\n（1）只有编号的项目，数字3件。`],
		['lines without full stops', '示范区局开展检查\n工作很好'],
		['marks with nothing after them', '。。。\n1.\n（一）\n一、\n一是\n好。'],
	])('%s: passes the check, or is refused in Chinese', (_, text) => {
		let draft: Draft;
		try {
			draft = buildDraft({ text, id: '2024', source: 'x', existing: readContentFiles(root), publisher: 'district-amr' });
		} catch (error) {
			expect((error as Error).constructor.name).toBe('ImportError');
			expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
			return;
		}
		expect(checkDraft(root, '2024', draft)).toEqual([]);
	});
});
