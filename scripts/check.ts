/**
 * `npm run check`: the content check (every file under content/, every problem at once, in
 * Chinese), then whether the generated files are current. Astro's type check is for developers
 * and runs apart: `npm run check:types` (which `npm test` runs).
 *
 *   npm run check                      everything
 *   npm run check -- --content-only    only the content check (what `npm run build` runs first)
 *   npm run check -- some/content      check another content folder (default: CONTENT_DIR or ./content)
 *   npm run check -- --report f.xml    also write the problems as a JUnit report (for GitLab merge requests)
 *   npm run check -- --write           regenerate the JSON Schemas and CONTRIBUTING.md's generated parts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedFiles, staleGeneratedFiles } from '../src/tooling/contributing';
import { junitReport } from '../src/tooling/junit';
import { formatProblem, summarize, type Problem } from '../src/tooling/problems';
import { validate } from '../src/tooling/validate';

const started = performance.now();
const projectRoot = join(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
	options: {
		'content-only': { type: 'boolean', default: false },
		write: { type: 'boolean', default: false },
		report: { type: 'string' },
	},
	allowPositionals: true,
});

if (values.write) {
	for (const { path, content } of generatedFiles(projectRoot)) {
		mkdirSync(dirname(join(projectRoot, path)), { recursive: true });
		writeFileSync(join(projectRoot, path), content);
		console.log(`已更新 ${path}`);
	}
	process.exit(0);
}

const contentRoot = resolve(positionals[0] ?? process.env['CONTENT_DIR'] ?? join(projectRoot, 'content'));
const validation = validate(contentRoot);
const problems: Problem[] = [...validation.problems];
// Worth a look but not wrong: printed, never failing the check.
for (const warning of validation.warnings) console.log(`提示：${formatProblem(warning)}`);
for (const problem of problems) console.error(formatProblem(problem));
(problems.length ? console.error : console.log)(summarize(problems));

// Generated files go stale when a developer changes a field; staff's content never does that.
if (!values['content-only'] && !problems.length) {
	for (const path of staleGeneratedFiles(projectRoot)) {
		const problem = { path, field: '文件', message: '这个文件由代码生成，但与当前的字段定义不一致', allowed: '运行 npm run check -- --write 后一并提交' };
		console.error(formatProblem(problem));
		problems.push(problem);
	}
}

if (values.report) {
	const report = resolve(values.report);
	mkdirSync(dirname(report), { recursive: true });
	writeFileSync(report, junitReport(problems, (performance.now() - started) / 1000));
}
process.exit(problems.length ? 1 : 0);
