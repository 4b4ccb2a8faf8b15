// What an item says about itself: title, summary, status, owner, file name and links by similarity.
import { describe, expect, it } from 'vitest';
import { achievementStatus, summaryOf, titleLimit, titleOf } from '../../src/tooling/import/entries';
import { matchOwner, unknownBodies } from '../../src/tooling/import/owners';
import { suggestLinks } from '../../src/tooling/import/similarity';
import { slugBase, uniqueSlug } from '../../src/tooling/import/slugs';

const owners = [
	{ id: 'szamr', name: '苏州市市场监督管理局', shortName: '苏州局' },
	{ id: 'szipa', name: '苏州市知识产权局', shortName: '市知识产权局' },
	{ id: 'justice', name: '苏州市司法局', shortName: '市司法局' },
];

describe('titles and summaries', () => {
	it('take the opening clause, without its mark, field clause or the publisher as subject', () => {
		expect(titleOf(['在特种设备安全领域,对液化石油气瓶生产、充装和检验企业实施全覆盖检查。'], ['苏州局'])).toBe('对液化石油气瓶生产、充装和检验企业实施全覆盖检查');
		expect(titleOf(['苏州局建立了依法行政领导小组,明确了第一责任人。'], ['苏州局'])).toBe('建立依法行政领导小组');
		expect(titleOf(['一是完善登记注册服务机制。'], [])).toBe('完善登记注册服务机制');
	});

	it(`cut a long clause at a word boundary, at most ${titleLimit} characters, never inside a number or a title mark`, () => {
		const title = titleOf(['苏州局印发了《2023年局党组理论学习中心组专题学习计划》,强化学习。'], ['苏州局']);
		expect(title.length).toBeLessThanOrEqual(titleLimit);
		expect(title.length).toBeGreaterThanOrEqual(2);
		expect(title).not.toMatch(/《[^》]*$/);
		const numbers = titleOf(['在冶金光电电梯纺织化工医药等重点领域内率先建立质量创新联合体12个并全面推广。'], []);
		expect(numbers.length).toBeLessThanOrEqual(titleLimit);
		expect(numbers).not.toMatch(/\d$/);
	});

	it('summary is the first sentence, verbatim but for its mark', () => {
		expect(summaryOf(['二是推进电梯维保质量评价。', '评价单位30家。'])).toBe('推进电梯维保质量评价。');
	});
});

describe('achievement status', () => {
	it.each([
		['开展检验检测服务对表工程,建立需求清单。', 'done'],
		['全力创建国家食品安全示范城市,顺利通过省级初评。', 'ongoing'],
		['开展电梯维保单位工作质量评价,推进老旧住宅电梯安全评估。', 'ongoing'],
		['正在修订行政处罚裁量基准。', 'ongoing'],
		['实施“疫苗放心工程”,推进药品安全巩固提升行动,在全省率先建成实训基地。', 'done'],
		['为推进依法行政,制定了免罚轻罚清单。', 'done'],
	])('%s → %s', (sentence, status) => expect(achievementStatus([sentence]).status).toBe(status));
});

describe('owners', () => {
	it('match the body named as the subject, by name or short name', () => {
		expect(matchOwner(['市知识产权局获评全国知识产权保护工作成绩突出集体。'], owners, 'szamr')).toMatchObject({ owner: 'szipa', partners: [] });
		expect(matchOwner(['在知识产权领域,苏州市知识产权局开展专项行动。'], owners, 'szamr').owner).toBe('szipa');
	});

	it('leave the publisher responsible when another body only takes part', () => {
		expect(matchOwner(['会同市司法局首创“区块链+公证”执法全过程记录。'], owners, 'szamr')).toEqual({ owner: 'szamr', partners: ['justice'] });
	});

	it('collect named bodies that no owner file lists', () => {
		expect(unknownBodies('国家市场监管总局在苏州召开座谈会,市知识产权局获评先进。', owners)).toEqual(['国家市场监管总局']);
	});
});

describe('slugs', () => {
	it('are the title’s words in pinyin, ASCII kebab-case', () => {
		expect(slugBase('全面落实公平竞争审查制度')).toBe('quanmian-luoshi-gongping-jingzheng-shencha');
		expect(slugBase('“苏食安”平台与12315')).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
	});

	it('are unique: a taken name gets the year, then a number', () => {
		const taken = new Set(['quanmian-luoshi']);
		expect(uniqueSlug('全面落实', 2025, taken, 'x')).toBe('quanmian-luoshi-2025');
		expect(uniqueSlug('全面落实', 2025, taken, 'x')).toBe('quanmian-luoshi-2025-2');
		expect(uniqueSlug('……', 2025, taken, 'measure-r2025-1-1')).toBe('measure-r2025-1-1');
	});
});

describe('links by similarity', () => {
	it('suggest the most alike texts above the threshold, best first', () => {
		const suggestions = suggestLinks(
			[{ id: 'plan', text: '持续开展特种设备隐患排查整治,做好老旧电梯安全评估工作。' }],
			[
				{ id: 'elevators', text: '开展电梯维保单位工作质量评价,推进老旧住宅电梯安全评估。' },
				{ id: 'ip', text: '落地全国首单药品专利链接保险。' },
			],
			{ threshold: 0.1 },
		);
		expect(suggestions.map((s) => s.to)).toEqual(['elevators']);
	});
});
