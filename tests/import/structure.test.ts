// The report's own numbering and layout decide its structure; each style has its expected structure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatten, leadSentence, readStructure, themePositions } from '../../src/tooling/import/structure';
import { describeStructure } from './describe-structure';

const styles = join(import.meta.dirname, '..', 'fixtures', 'import', 'styles');
const cases = readdirSync(styles).filter((name) => name.endsWith('.txt') && !name.endsWith('.expected.txt'));

describe('readStructure', () => {
	it('has fixtures in at least three numbering styles', () => expect(cases.length).toBeGreaterThanOrEqual(3));

	it.each(cases)('reads %s as expected', (name) => {
		const structure = readStructure(readFileSync(join(styles, name), 'utf8'));
		const expected = readFileSync(join(styles, name.replace(/\.txt$/, '.expected.txt')), 'utf8').trimEnd().split('\n');
		expect(describeStructure(structure.sections)).toEqual(expected);
	});

	it('finds the plan part by a year given when its heading has no usual words', () => {
		const text = '2024年，示范区局依法履职。\n一、2024年工作回顾\n（一）普法。开展普法活动。\n二、2025年安排\n（一）执法。规范执法行为。';
		expect(readStructure(text).sections.every((s) => s.part === 'summary')).toBe(true);
		const withYear = readStructure(text, 2025);
		expect(withYear.planHeading).toBe('2025年安排');
		expect(withYear.sections.filter((s) => s.part === 'plan').map((s) => s.title)).toEqual(['2025年安排']);
	});

	it('puts a text with no headings in one opening section: first sentence intro, the rest items', () => {
		const { sections, planHeading } = readStructure(readFileSync(join(styles, '..', 'no-headings.txt'), 'utf8'));
		expect(planHeading).toBeUndefined();
		expect(sections).toHaveLength(1);
		expect(sections[0]).toMatchObject({ path: 'preamble', title: '概述', titleFrom: 'preamble' });
		expect(sections[0]!.intro.map((s) => s.text)).toEqual(['2024年，示范区市场监督管理局依法履职，法治建设取得新进展。']);
		expect(sections[0]!.items).toHaveLength(2);
	});

	it('places every sentence once: in a heading, an intro or an item', () => {
		for (const name of cases) {
			const text = readFileSync(join(styles, name), 'utf8');
			const { sections } = readStructure(text);
			const placed = flatten(sections).flatMap((s) => [...s.intro, ...s.items.flat()].map((x) => x.text));
			const headings = flatten(sections).filter((s) => s.paragraph !== undefined).length;
			const total = text.trim().split('\n').flatMap((line) => line.match(/[^。]+。?/g) ?? []).length;
			expect(new Set(placed).size, name).toBe(placed.length);
			expect(placed.length + headings, name).toBe(total);
		}
	});
});

describe('lead sentences', () => {
	it('are short single clauses without figures', () => {
		expect(leadSentence('政务环境更高效。')).toBe(true);
		expect(leadSentence('制定规范性文件5件。')).toBe(false);
		expect(leadSentence('推进市场主体改革，推出便利化服务。')).toBe(false);
		expect(leadSentence('政务环境更高效')).toBe(false);
	});

	it('split a run only when they come as a parallel set, each followed by content', () => {
		const run = ['质量强市建设深入推进。', '召开全市质量大会。', '率先推广企业质量管理数字化赋能工作并发布国内首个地方标准。', '知识产权保护全面强化。', '出台知识产权强市建设纲要，推进立法。'];
		expect(themePositions(run)).toEqual([0, 3]);
		expect(themePositions(['全力保障食品安全。', '巩固示范城市创建成果，落实两个责任。', '做好老旧电梯安全评估工作。', '探索智慧叉车监管新模式，推进阳光充装。'])).toEqual([]);
		expect(themePositions(['召开全市质量大会。', '率先推广企业质量管理数字化赋能工作，发布地方标准。'])).toEqual([]);
	});
});
