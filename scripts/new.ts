/**
 * `npm run new -- measure <slug>` / `npm run new -- achievement <slug>`: writes a valid, commented
 * file in the right folder, then checks it; never overwrites.
 *
 *   --section <id>   the section to put it in (default: the first of the report and kind)
 *   --report <id>    the report folder (default: the latest report)
 *   --root <dir>     the content folder (default: CONTENT_DIR or ./content)
 */
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../src/tooling/problems';
import { isPlaceholderProblem } from '../src/tooling/placeholders';
import { ScaffoldError, scaffoldKinds, writeScaffold } from '../src/tooling/scaffold';
import { validateContent } from '../src/tooling/validate';
import type { Kind } from '../src/vocabulary';

const usage = '用法：npm run new -- measure <文件名>  或  npm run new -- achievement <文件名>（文件名只用小写英文字母、数字和连字符）';
const { values, positionals } = parseArgs({
	options: { section: { type: 'string' }, report: { type: 'string' }, root: { type: 'string' } },
	allowPositionals: true,
});
const [kind, slug] = positionals;
if (!kind || !slug || !(kind in scaffoldKinds) || positionals.length > 2) {
	console.error(usage);
	process.exit(1);
}
if (values.report !== undefined && !/^\d{4}$/.test(values.report)) {
	console.error(`--report 须是报告的编号（它总结的年份，四位数字），现在是 ${values.report}`);
	process.exit(1);
}

const contentRoot = resolve(values.root ?? process.env['CONTENT_DIR'] ?? join(import.meta.dirname, '..', 'content'));
try {
	const path = writeScaffold({ kind: kind as Kind, slug, contentRoot, report: values.report, section: values.section });
	const shown = relative(process.cwd(), path);
	console.log(`已创建 ${shown}`);
	const problems = validateContent(contentRoot).filter((problem) => resolve(join(contentRoot, '..'), problem.path) === path);
	// The placeholders are meant to be there, and the check refuses them until they are replaced.
	const mistakes = problems.filter((problem) => !isPlaceholderProblem(problem));
	for (const problem of mistakes) console.error(formatProblem(problem));
	if (mistakes.length) process.exitCode = 1;
	console.log(`下一步：把文件中 ${problems.length - mistakes.length} 处“待填写”换成报告原文（不换完，检查和生成网站都不会通过），然后运行 npm run check 检查，npm run dev 预览。`);
} catch (error) {
	if (!(error instanceof ScaffoldError)) throw error;
	console.error(error.message);
	process.exit(1);
}
