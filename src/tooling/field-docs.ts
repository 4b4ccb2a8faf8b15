/**
 * Every frontmatter field in Chinese: a short name for messages and a sentence for the contributor
 * guide and editor hints. The schemas' JSDoc is not visible at runtime, so the words live here;
 * tests/check-docs.test.ts fails when a schema field has no entry or an entry names no field.
 * Keys are field paths as written in the files, `[]` standing for any item of a list.
 */
import type { CollectionName } from './file-schemas';

export interface FieldDoc {
	/** A short name, as a noun: 标题, 责任单位. */
	label: string;
	/** What to write, in one or two sentences. */
	description: string;
}

const metricFields = (prefix: string): Record<string, FieldDoc> => ({
	[prefix]: { label: '数据', description: '文中出现的每一个数字，各占一项，按原文顺序。' },
	[`${prefix}[].label`]: { label: '数据名称', description: '数的是什么，用报告原话，例如“查办案件”。' },
	[`${prefix}[].value`]: {
		label: '数值',
		description: '报告写的数字本身，只写阿拉伯数字，不加单位和引号；量级写进单位：“10.7万家”写 value: 10.7、unit: 万家，不写 107000。',
	},
	[`${prefix}[].unit`]: { label: '单位', description: '报告写的单位，量级一并写上：件、万家、亿元、%、年。' },
	[`${prefix}[].qualifier`]: { label: '修饰词', description: '报告在数字前后加的词，没有就不写：超过、超、近（写在数字前）；余、以上（写在数字后）。' },
});

const entryFields: Record<string, FieldDoc> = {
	title: { label: '标题', description: '简短的中文标题，2 至 30 个字。' },
	year: { label: '年份', description: '条目所属年份：成果填所在报告总结的年份（summaryYear），举措填所在报告计划的年份（planYear）。' },
	section: { label: '所属部分', description: '条目出自报告的哪一部分，填本报告文件夹 sections/ 中的文件名（不含 .yaml）。' },
	order: { label: '序号', description: '在所属部分中的位置，从 1 开始，按报告原文顺序；同一部分中不能重复。' },
	owner: { label: '责任单位', description: '牵头单位，填 content/owners/ 中的文件名（不含 .yaml）；报告没有写明时填 szamr（苏州市市场监督管理局）。' },
	partners: { label: '参与单位', description: '报告写明参与的其他单位，同样填 content/owners/ 中的文件名；没有就不写。' },
	'partners[]': { label: '参与单位', description: 'content/owners/ 中的一个文件名。' },
	summary: { label: '摘要', description: '一句话概括条目，不写正文之外的事实。' },
	tags: { label: '关键词', description: '读者可能搜索的词，例如 [公平竞争审查, 统一大市场]。' },
	'tags[]': { label: '关键词', description: '一个关键词。' },
	...metricFields('metrics'),
};

export const fieldDocs: Record<CollectionName, Record<string, FieldDoc>> = {
	reports: {
		title: { label: '报告标题', description: '报告自己的标题，按原文照录。' },
		publisher: { label: '发布单位', description: '发布报告的单位，填 content/owners/ 中的文件名（不含 .yaml）。' },
		summaryYear: { label: '总结年份', description: '报告总结哪一年的工作；必须与报告文件夹名相同。这份报告的成果都属于这一年。' },
		planYear: { label: '计划年份', description: '报告提出哪一年的举措，通常是总结年份的下一年。这份报告的举措都属于这一年。' },
		summaryTitle: { label: '总结部分标题', description: '报告中总结部分的标题原文；没有就不写，网站显示“某年成果”。' },
		planTitle: { label: '计划部分标题', description: '报告中计划部分的标题原文；没有就不写，网站显示“某年举措”。' },
		publishedOn: { label: '发布日期', description: '报告的发布日期，写成 YYYY-MM-DD；不知道就不写，不要估计。' },
		sourceUrl: { label: '原文网址', description: '报告正式发布的网址（http:// 或 https:// 开头）；不知道就不写。' },
	},
	owners: {
		name: { label: '全称', description: '单位的全称，按单位自己的写法。' },
		shortName: { label: '简称', description: '报告中使用的简称，例如 苏州局、市知识产权局。' },
	},
	sections: {
		year: { label: '年份', description: '这一部分讲的年份：成果部分填报告的总结年份，举措部分填计划年份。' },
		kind: { label: '类型', description: 'achievement（成果，报告的总结部分）或 measure（举措，报告的计划部分）。' },
		order: { label: '序号', description: '在同级部分中的位置，从 1 开始，按报告原文顺序。' },
		numbering: { label: '编号', description: '报告中标题前的编号，例如 一、1；没有编号就不写。' },
		title: { label: '标题', description: '报告中的标题原文，不含编号和句末句号。' },
		parent: { label: '上级部分', description: '子部分所属的上一级部分，填本报告 sections/ 中的文件名；顶级部分不写。' },
		intro: { label: '引言', description: '报告中紧跟标题、介绍这一部分的原句，逐字照录；没有就不写。' },
		...metricFields('metrics'),
	},
	achievements: {
		...entryFields,
		status: { label: '状态', description: '成果的状态：done（已完成）；报告说工作仍在进行时用 ongoing（持续推进）。' },
		reportsOn: { label: '报告的举措', description: '这项成果说明的是更早一份报告中哪些举措的完成情况，填那些举措的文件名（不含 .mdx）；没有就不写。' },
		'reportsOn[]': { label: '报告的举措', description: '更早一份报告中一项举措的文件名。' },
	},
	measures: {
		...entryFields,
		status: { label: '状态', description: '举措的状态；有进展记录时必须与最新一条进展记录的状态相同。' },
		actions: { label: '具体任务', description: '举措中列出的具体任务，每项一行。' },
		'actions[].title': { label: '任务内容', description: '任务内容，用报告原话。' },
		'actions[].status': { label: '任务状态', description: '这项任务的状态，不写时为 planned（未启动）。' },
		'actions[].owner': { label: '任务责任单位', description: '与举措的责任单位不同时填写，填 content/owners/ 中的文件名。' },
		'actions[].due': { label: '任务期限', description: '任务的完成期限，写成 YYYY-MM-DD；没有期限就不写。' },
		continues: { label: '延续的成果', description: '这项举措延续的成果（本报告或更早的报告中的），填成果的文件名（不含 .mdx）。' },
		'continues[]': { label: '延续的成果', description: '本报告或更早报告 achievements/ 中一个成果的文件名。' },
		updates: { label: '进展记录', description: '按日期从早到晚记录的进展，新的记录加在末尾；还没有进展时写 updates: []。' },
		'updates[].date': { label: '记录日期', description: '进展发生或记录的日期，写成 YYYY-MM-DD，且必须是真实存在的日期。' },
		'updates[].status': { label: '记录时的状态', description: '截至这一天举措的状态。' },
		'updates[].note': { label: '进展说明', description: '发生了什么，一两句话。' },
		'updates[].source': { label: '出处', description: '这条进展在哪里公开：某份报告的某一段写成 { report: 报告编号, paragraph: 段落序号 }，正式发布的网页写成 { url: 网址, title: 标题 }；没有就不写。' },
		due: { label: '完成期限', description: '举措的完成期限，写成 YYYY-MM-DD；没有期限就不写。' },
	},
};

/** The documentation of one field, given its path with indexes (`actions[2].status`). */
export function fieldDoc(collection: CollectionName, field: string): FieldDoc | undefined {
	return fieldDocs[collection][field.replace(/\[\d+\]/g, '[]')];
}
