/**
 * `npm run import -- <file> --id <id>`: turns a report's text (.txt in UTF-8, UTF-16 or
 * GB18030/GBK, or a Word .docx) into a new report edition that passes `npm run check`, then lists
 * every guess it made, with file and line, for staff to confirm.
 *
 *   --id <id>             the report's id: the year it sums up (required)
 *   --summary-year <Y>    the year summed up (must equal --id)
 *   --plan-year <Y>       the year planned (default: from the plan's heading, else the next year)
 *   --publisher <owner>   the publishing body (default: the body the text names first)
 *   --title <title>       the report's title (default: made from its years and headings)
 *   --dry-run             print what would be written; write nothing
 *   --force               replace an edition that exists (entries keep their file names)
 *   --root <dir>          the content folder (default: CONTENT_DIR or ./content)
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportIdPattern, reportLayout } from '../src/lib/layout';
import { scanContent } from '../src/tooling/content-files';
import { decodeReport } from '../src/tooling/import/decode';
import { buildDraft } from '../src/tooling/import/draft';
import { ImportError } from '../src/tooling/import/errors';
import { checkDraft, writeDraft } from '../src/tooling/import/write';

const usage = '用法：npm run import -- <报告文件> --id <报告编号> [--summary-year 年份] [--plan-year 年份] [--dry-run] [--force]';

async function main(): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			options: {
				id: { type: 'string' },
				'summary-year': { type: 'string' },
				'plan-year': { type: 'string' },
				publisher: { type: 'string' },
				title: { type: 'string' },
				'dry-run': { type: 'boolean', default: false },
				force: { type: 'boolean', default: false },
				root: { type: 'string' },
			},
			allowPositionals: true,
		});
	} catch (error) {
		throw new ImportError(`${(error as Error).message}\n${usage}`);
	}
	const { values, positionals } = parsed;
	const [file] = positionals;
	if (!file || positionals.length > 1 || !values.id) throw new ImportError(usage);
	if (!reportIdPattern.test(values.id)) throw new ImportError(`--id 须是报告的编号（它总结的年份，四位数字），现在是 ${values.id}`);
	const year = (flag: string, value: string | undefined) => {
		if (value === undefined) return undefined;
		if (!/^\d{4}$/.test(value)) throw new ImportError(`--${flag} 须是四位数字的年份，现在是 ${value}`);
		return Number(value);
	};
	const summaryYear = year('summary-year', values['summary-year']);
	const planYear = year('plan-year', values['plan-year']);
	const path = resolve(file);
	if (!existsSync(path) || !statSync(path).isFile()) throw new ImportError(`找不到文件 ${file}`);

	const contentRoot = resolve(values.root ?? process.env['CONTENT_DIR'] ?? join(import.meta.dirname, '..', 'content'));
	const id = values.id;
	const folder = join(contentRoot, reportLayout.folder, id);
	const exists = existsSync(folder);
	if (exists && !values.force) throw new ImportError(`报告 ${id} 已经存在（${relative(process.cwd(), folder)}），不会覆盖。要重新导入并替换它（条目的文件名会保留），加 --force`);

	const decoded = await decodeReport(readFileSync(path), basename(path));
	const { files } = scanContent(contentRoot);
	const draft = buildDraft({
		text: decoded.text,
		id,
		summaryYear,
		planYear,
		publisher: values.publisher,
		title: values.title,
		source: basename(path),
		existing: files.filter((f) => f.report !== id),
		replaced: files.filter((f) => f.report === id && (f.collection === 'achievements' || f.collection === 'measures')),
	});
	console.log(`读取 ${file}：编码 ${decoded.encoding}，${decoded.text.split('\n').length} 段`);
	for (const decision of draft.decisions) console.log(`· ${decision}`);

	const problems = checkDraft(contentRoot, id, draft);
	if (problems.length) {
		for (const problem of problems) console.error(problem);
		throw new ImportError(`导入生成的草稿没有通过检查（共 ${problems.length} 个问题），没有写入任何文件。这是导入工具的问题：请把报告文件和以上信息交给开发人员`);
	}

	const shown = (p: string) => relative(process.cwd(), join(contentRoot, p));
	const { sections, achievements, measures, metrics } = draft.counts;
	const summary = `${sections} 个部分、${achievements} 项成果、${measures} 项举措、${metrics} 项数据`;
	if (values['dry-run']) {
		for (const f of draft.files) console.log(`\n=== ${shown(f.path)}\n${f.path.endsWith(reportLayout.text) ? `（报告原文，${f.content.split('\n').length - 1} 段）\n` : f.content}`);
		console.log(`\n试运行（--dry-run）：将写入 ${draft.files.length} 个文件（${summary}），实际没有写入。`);
	} else {
		writeDraft(contentRoot, id, draft, exists);
		console.log(`\n已${exists ? '替换' : '写入'}报告 ${id}：${shown(`${reportLayout.folder}/${id}`)}，共 ${draft.files.length} 个文件（${summary}）。内容检查已通过。`);
	}
	console.log(`\n请核对以下 ${draft.review.length} 处推测（文件:行  类别  说明）：`);
	for (const r of draft.review) console.log(`${shown(r.path)}:${r.line}  ${r.what}  ${r.note}`);
	console.log('\n核对方法见 CONTRIBUTING.md 第五节；改完运行 npm run check，再 npm run build 预览。');
	return 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		if (!(error instanceof ImportError)) throw error;
		console.error(error.message);
		process.exit(1);
	},
);
