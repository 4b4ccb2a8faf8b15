/**
 * What search must find, shared by the tests (tests/search.test.ts) and the benchmark
 * (scripts/bench-search.ts): a hand-made query set drawn from the report, and a sweep that takes
 * terms from every entry's own text.
 */

export interface QueryCase {
	query: string;
	/** The entry that must be among the first three results: `<achievements|measures>/<id>`. */
	expect: string;
}

const a = (id: string) => `achievements/${id}`;
const m = (id: string) => `measures/${id}`;

/** Queries people type, each with the entry it must return in the top 3, hard cases included. */
export const querySet: QueryCase[] = [
	// Plain terms and phrases that cross a word boundary.
	{ query: '电梯', expect: a('elevator-maintenance-evaluation') },
	{ query: '老旧电梯', expect: m('old-elevator-safety-assessment') },
	{ query: '住宅电梯', expect: a('elevator-maintenance-evaluation') },
	{ query: '公平竞争审查', expect: a('fair-competition-review') },
	{ query: '竞争审查长效', expect: m('fair-competition-review-long-term-mechanism') },
	{ query: '监管平台一体化', expect: a('digital-regulation-platform') },
	{ query: '免罚轻罚', expect: a('lenient-penalty-list') },
	{ query: '临期食品', expect: a('food-waste-guidelines') },
	{ query: '液化石油气瓶', expect: a('lpg-cylinder-inspection') },
	{ query: '零事故', expect: a('special-equipment-zero-accidents') },
	{ query: '苏迪曼杯', expect: a('major-events-and-12315') },
	{ query: '普法任务清单', expect: a('legal-education-task-list') },
	{ query: '行政许可清单', expect: a('administrative-power-lists') },
	{ query: '告知承诺制', expect: a('administrative-power-lists') },
	{ query: '规范性文件清理', expect: a('normative-document-review') },
	{ query: '行政处罚程序', expect: a('penalty-procedure-guidelines') },
	{ query: '层级监督', expect: a('enforcement-supervision') },
	{ query: '以案释法', expect: a('lenient-penalty-cases-and-training') },
	{ query: '无败诉', expect: a('no-lost-lawsuits') },
	{ query: '统一大市场', expect: m('unified-market-complaint-handling') },
	{ query: '外资企业', expect: m('foreign-enterprise-registration-monitoring') },
	{ query: '法治体检', expect: m('rule-of-law-regulation-lists') },
	{ query: '涉企违规收费', expect: m('illegal-enterprise-fees-rectification') },
	{ query: '数字人民币', expect: m('reassuring-consumption-no-reason-returns') },
	{ query: '专利导航', expect: m('patent-navigation-high-value-ip') },
	{ query: '质量强国标杆城市', expect: m('quality-power-benchmark-city') },
	{ query: '智能车联网', expect: m('digital-suzhou-standardization') },
	{ query: '赋权增项', expect: m('drug-review-center-empowerment') },
	{ query: '集采中选', expect: m('drug-key-products-regulation') },
	{ query: '重大事故隐患', expect: m('special-equipment-major-hazard-rectification') },
	{ query: '智慧叉车', expect: m('smart-forklift-lpg-sunshine-filling') },
	{ query: '特种电缆', expect: a('ip-innovation-centres') },
	{ query: '纳米', expect: a('ip-innovation-centres') },
	{ query: '中消协', expect: a('consumer-satisfaction-top-ranking') },
	{ query: '督查激励', expect: a('provincial-supervision-incentives') },
	{ query: '冶金', expect: a('quality-innovation-consortia') },
	{ query: '商业秘密', expect: a('fair-competition-review') },
	{ query: '药安委', expect: a('drug-safety-coordination') },
	{ query: '实训基地', expect: a('vaccine-and-inspector-training-base') },
	{ query: '质量大会', expect: a('city-quality-conference') },
	{ query: '商场超市', expect: a('food-waste-guidelines') },
	{ query: '海外维权', expect: a('ip-platform-services') },
	{ query: '领导小组', expect: a('rule-of-law-leadership-group') },
	// Brand names no dictionary knows.
	{ query: '苏小检', expect: a('suxiaojian-project') },
	{ query: '苏小福', expect: a('individual-business-policies') },
	{ query: '吴优数购', expect: a('wuyou-consumer-brand') },
	{ query: '苏食安', expect: a('sushian-platform') },
	{ query: '苏质贷', expect: m('ip-pledge-financing-suzhidai') },
	{ query: '查查吃', expect: a('suxiaojian-project') },
	{ query: '淬炼工程', expect: a('young-cadre-training-groups') },
	// Abbreviations the report puts in quotes, typed with or without them.
	{ query: '“免罚轻罚”', expect: a('lenient-penalty-list') },
	{ query: '"一照多址"', expect: a('one-licence-multi-address-reform') },
	{ query: '铁拳', expect: a('iron-fist-campaigns') },
	{ query: '雳剑', expect: a('iron-fist-campaigns') },
	{ query: '灶管阀', expect: a('industrial-product-safety') },
	{ query: '述法', expect: a('annual-law-reporting') },
	{ query: '谁普法谁执法', expect: a('enterprise-legal-education') },
	{ query: '六减', expect: m('six-reductions-licensing-service') },
	{ query: '汇总取重', expect: m('credit-regulation-random-inspections') },
	{ query: '包保+', expect: m('food-safety-responsibilities-2024') },
	{ query: '三类人', expect: m('food-safety-responsibilities-2024') },
	{ query: '提质强企', expect: m('product-quality-spot-checks-2024') },
	{ query: '阳光充装', expect: m('smart-forklift-lpg-sunshine-filling') },
	{ query: '“疫苗放心工程”', expect: a('vaccine-and-inspector-training-base') },
	{ query: '区块链+公证', expect: a('blockchain-notarisation') },
	{ query: '市场主体+', expect: a('digital-regulation-platform') },
	{ query: '双11', expect: a('compliance-and-professional-training') },
	// Numbers, with a point, a unit, or in full-width digits.
	{ query: '12315', expect: a('major-events-and-12315') },
	{ query: '１２３１５', expect: a('major-events-and-12315') },
	{ query: '15623', expect: a('iron-fist-campaigns') },
	{ query: '16697', expect: a('ip-platform-services') },
	{ query: '10.7万家', expect: a('offline-no-reason-returns') },
	{ query: '106亿元', expect: a('ip-pledge-financing') },
	{ query: '1838批次', expect: a('industrial-product-safety') },
	{ query: '25.4万件次', expect: a('major-events-and-12315') },
	{ query: '4.0版', expect: a('lenient-penalty-list') },
	{ query: '连续8年', expect: a('quality-assessment-grade-a') },
	// Several terms with spaces between them.
	{ query: '电梯 维保', expect: a('elevator-maintenance-evaluation') },
	{ query: '知识产权 保险', expect: a('ip-insurance-firsts') },
	{ query: '食品安全 示范城市', expect: a('food-safety-demo-city') },
	{ query: '药品 集采', expect: m('drug-key-products-regulation') },
	{ query: '个体工商户 扶持', expect: m('individual-business-support-2024') },
	// Synonyms: short forms people use for words the report spells out.
	{ query: '市监局 无败诉', expect: a('no-lost-lawsuits') },
	{ query: '知产 质押', expect: a('ip-pledge-financing') },
	{ query: '知产强市', expect: m('ip-strong-city-demonstration') },
];

export interface TraditionalCase extends QueryCase {
	/** The same query in simplified characters, as the query set has it: both must find the same. */
	simplified: string;
}

/** A traditional or mixed query, the simplified form it stands for, and the entry that form finds. */
const t = (query: string, simplified: string, expect: string): TraditionalCase => ({ query, simplified, expect });

/**
 * Queries in traditional characters (Taiwan and Hong Kong forms) and mixed ones, as readers type
 * them or copy them from traditional-character sources; each must find what its simplified form finds.
 */
export const traditionalSet: TraditionalCase[] = [
	// Whole queries in traditional characters.
	t('電梯', '电梯', a('elevator-maintenance-evaluation')),
	t('老舊電梯', '老旧电梯', m('old-elevator-safety-assessment')),
	t('蘇小福', '苏小福', a('individual-business-policies')),
	t('蘇小檢', '苏小检', a('suxiaojian-project')),
	t('蘇迪曼杯', '苏迪曼杯', a('major-events-and-12315')),
	t('質量強市', '质量强市', m('quality-power-benchmark-city')),
	t('公平競爭審查', '公平竞争审查', a('fair-competition-review')),
	t('競爭審查長效', '竞争审查长效', m('fair-competition-review-long-term-mechanism')),
	t('監管平臺一體化', '监管平台一体化', a('digital-regulation-platform')),
	t('監管平台一體化', '监管平台一体化', a('digital-regulation-platform')),
	t('免罰輕罰', '免罚轻罚', a('lenient-penalty-list')),
	t('「免罰輕罰」', '“免罚轻罚”', a('lenient-penalty-list')),
	t('臨期食品', '临期食品', a('food-waste-guidelines')),
	t('液化石油氣瓶', '液化石油气瓶', a('lpg-cylinder-inspection')),
	t('普法任務清單', '普法任务清单', a('legal-education-task-list')),
	t('告知承諾制', '告知承诺制', a('administrative-power-lists')),
	t('規範性文件清理', '规范性文件清理', a('normative-document-review')),
	t('行政處罰程序', '行政处罚程序', a('penalty-procedure-guidelines')),
	t('層級監督', '层级监督', a('enforcement-supervision')),
	t('以案釋法', '以案释法', a('lenient-penalty-cases-and-training')),
	t('無敗訴', '无败诉', a('no-lost-lawsuits')),
	t('統一大市場', '统一大市场', m('unified-market-complaint-handling')),
	t('外資企業', '外资企业', m('foreign-enterprise-registration-monitoring')),
	t('法治體檢', '法治体检', m('rule-of-law-regulation-lists')),
	t('涉企違規收費', '涉企违规收费', m('illegal-enterprise-fees-rectification')),
	t('數字人民幣', '数字人民币', m('reassuring-consumption-no-reason-returns')),
	t('專利導航', '专利导航', m('patent-navigation-high-value-ip')),
	t('質量強國標杆城市', '质量强国标杆城市', m('quality-power-benchmark-city')),
	t('智能車聯網', '智能车联网', m('digital-suzhou-standardization')),
	t('集採中選', '集采中选', m('drug-key-products-regulation')),
	t('重大事故隱患', '重大事故隐患', m('special-equipment-major-hazard-rectification')),
	t('特種電纜', '特种电缆', a('ip-innovation-centres')),
	t('藥安委', '药安委', a('drug-safety-coordination')),
	t('吳優數購', '吴优数购', a('wuyou-consumer-brand')),
	t('蘇質貸', '苏质贷', m('ip-pledge-financing-suzhidai')),
	t('淬鍊工程', '淬炼工程', a('young-cadre-training-groups')),
	t('鐵拳', '铁拳', a('iron-fist-campaigns')),
	t('靂劍', '雳剑', a('iron-fist-campaigns')),
	t('灶管閥', '灶管阀', a('industrial-product-safety')),
	t('誰普法誰執法', '谁普法谁执法', a('enterprise-legal-education')),
	t('彙總取重', '汇总取重', m('credit-regulation-random-inspections')),
	t('陽光充裝', '阳光充装', m('smart-forklift-lpg-sunshine-filling')),
	t('區塊鏈+公證', '区块链+公证', a('blockchain-notarisation')),
	t('雙11', '双11', a('compliance-and-professional-training')),
	t('10.7萬家', '10.7万家', a('offline-no-reason-returns')),
	t('106億元', '106亿元', a('ip-pledge-financing')),
	t('連續8年', '连续8年', a('quality-assessment-grade-a')),
	t('知識產權 保險', '知识产权 保险', a('ip-insurance-firsts')),
	t('個體工商戶 扶持', '个体工商户 扶持', m('individual-business-support-2024')),
	t('市監局 無敗訴', '市监局 无败诉', a('no-lost-lawsuits')),
	t('知產 質押', '知产 质押', a('ip-pledge-financing')),
	// Mixed: some characters traditional, some simplified, as an input method or a copy leaves them.
	t('知識产权 保险', '知识产权 保险', a('ip-insurance-firsts')),
	t('老旧電梯', '老旧电梯', m('old-elevator-safety-assessment')),
	t('苏小檢', '苏小检', a('suxiaojian-project')),
	t('質量强市', '质量强市', m('quality-power-benchmark-city')),
	t('公平競争审查', '公平竞争审查', a('fair-competition-review')),
	t('電梯 维保', '电梯 维保', a('elevator-maintenance-evaluation')),
	t('个体工商戶 扶持', '个体工商户 扶持', m('individual-business-support-2024')),
	t('藥品 集采', '药品 集采', m('drug-key-products-regulation')),
	t('食品安全 示範城市', '食品安全 示范城市', a('food-safety-demo-city')),
	t('區塊链+公证', '区块链+公证', a('blockchain-notarisation')),
	t('知產强市', '知产强市', m('ip-strong-city-demonstration')),
	t('２５.４萬件次', '25.4万件次', a('major-events-and-12315')),
];

/** Queries that stand in no entry: search must return nothing, not unrelated pages. */
export const noMatchQueries = ['火星电梯', '区块链电梯', 'xyz', '量子计算', '２０９９年'];

export interface SweepCase extends QueryCase {
	/** How many entries and sections hold the term. */
	records: number;
}

/** An entry as the open data lists it (`/data/entries.json`). */
export interface EntryRow {
	id: string;
	kind: string;
	year: number;
	status: string;
	url: string;
	title: string;
	text: string;
}

/** A section as the open data lists it. */
export interface SectionRow {
	id: string;
	title: string;
	text: string;
}

const pathOf = (entry: EntryRow) => entry.url.replace(/^\/|\/$/g, '');

/**
 * Terms of 2–6 characters from every entry's own text (Han characters and digits), spread over the
 * text. Each stands in at most `maxRecords` entries or sections (title or text), so that "in the
 * top 3" is a fair demand: a term that five entries share cannot put each of them first.
 */
export function sweepCases(entries: readonly EntryRow[], sections: readonly SectionRow[], { perEntry = 6, maxRecords = 3 } = {}): SweepCase[] {
	const texts = [...entries.map((e) => `${e.title}\n${e.text}`), ...sections.map((s) => `${s.title}\n${s.text}`)];
	const recordsWith = (term: string) => texts.filter((t) => t.includes(term)).length;
	return entries.flatMap((entry) => {
		const runs = entry.text.match(/[\p{Script=Han}0-9]{2,}/gu) ?? [];
		const picks: SweepCase[] = [];
		for (let k = 0; k < perEntry; k++) {
			const length = 2 + (k % 5);
			const candidates = runs.flatMap((run) => Array.from({ length: Math.max(0, run.length - length + 1) }, (_, i) => run.slice(i, i + length)));
			// Walk the text from a different point for each pick, so that the terms spread over it.
			const start = Math.floor((k * candidates.length) / perEntry);
			for (let i = 0; i < candidates.length; i++) {
				const term = candidates[(start + i) % candidates.length]!;
				const count = recordsWith(term);
				if (count <= maxRecords && !picks.some((p) => p.query === term)) {
					picks.push({ query: term, expect: pathOf(entry), records: count });
					break;
				}
			}
		}
		return picks;
	});
}

/** Any 2–8 character piece of an entry's text, however common: search must return the entry at all. */
export function substringCases(entries: readonly EntryRow[], perEntry = 4): QueryCase[] {
	return entries.flatMap((entry) => {
		const runs = entry.text.match(/[\p{Script=Han}0-9]{8,}/gu) ?? [];
		return Array.from({ length: Math.min(perEntry, runs.length) }, (_, k) => {
			const run = runs[k]!;
			const length = 2 + ((k * 3 + entry.id.length) % 7);
			const at = (k * 7) % (run.length - length + 1);
			return { query: run.slice(at, at + length), expect: pathOf(entry) };
		});
	});
}

export interface Recall {
	at1: number;
	at3: number;
	/** Found at any rank. */
	found: number;
	misses: { query: string; expect: string; got: string[] }[];
}

/** Recall of a set of cases, given a search that returns result paths in rank order. */
export async function recall(cases: readonly QueryCase[], search: (query: string) => Promise<string[]>): Promise<Recall> {
	let at1 = 0;
	let at3 = 0;
	let found = 0;
	const misses: Recall['misses'] = [];
	for (const { query, expect } of cases) {
		const paths = await search(query);
		const rank = paths.indexOf(expect);
		if (rank === 0) at1++;
		if (rank >= 0 && rank < 3) at3++;
		else misses.push({ query, expect, got: paths.slice(0, 3) });
		if (rank >= 0) found++;
	}
	const n = cases.length || 1;
	return { at1: at1 / n, at3: at3 / n, found: found / n, misses };
}

/** An excerpt as the reader sees it: its text, "…" where it is cut, and the marked words. */
export interface ShownExcerpt {
	text: string;
	marks: string[];
}

const compact = (text: string) => text.replace(/\s+/g, '');

/**
 * What is wrong with one result's excerpt, given the record's own text (an entry's body, a
 * paragraph, a section's intro) and the regular expressions of the query's terms: it must quote
 * that text and nothing else (no heading, label or task glyph joined in), no sentence twice, and
 * mark every term that stands in the text and nothing but terms.
 */
export function excerptProblems(shown: ShownExcerpt, ownText: string, patterns: readonly string[]): string[] {
	const problems: string[] = [];
	const own = compact(ownText);
	const passages = shown.text.split('…').map(compact).filter(Boolean);
	for (const passage of passages) if (!own.includes(passage)) problems.push(`not in the record's own text: ${passage}`);
	if (/[○✓]/.test(shown.text)) problems.push('a task glyph');
	if (/\S\. /.test(shown.text) && !/\S\. /.test(ownText)) problems.push('blocks of the page joined with ". "');
	// Pagefind's ". " between blocks ends a sentence too; commas differ between a summary and its body.
	const sentences = shown.text.split(/(?<=[。！？；])|…|\. /).map((s) => compact(s).replace(/，/g, ',')).filter((s) => s.length > 1);
	const repeated = sentences.filter((s, i) => sentences.indexOf(s) !== i);
	if (repeated.length) problems.push(`a sentence twice: ${repeated[0]}`);
	for (const pattern of patterns) {
		const inText = new RegExp(pattern, 'i').test(own);
		if (inText && !shown.marks.some((mark) => new RegExp(`^(?:${pattern})$`, 'i').test(mark))) problems.push(`term not marked: ${pattern}`);
	}
	for (const mark of shown.marks) if (!patterns.some((p) => new RegExp(`^(?:${p})$`, 'i').test(mark))) problems.push(`marked but no term: ${mark}`);
	return problems;
}
