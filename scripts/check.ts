/**
 * `npm run check`: the content check (every file under content/, every problem at once, in
 * Chinese), then whether the generated files are current, then Astro's type check.
 *
 *   npm run check                      everything
 *   npm run check -- --content-only    only the content check (what `npm run build` runs first)
 *   npm run check -- some/content      check another content folder (default: CONTENT_DIR or ./content)
 *   npm run check -- --write           regenerate the JSON Schemas and CONTRIBUTING.md's generated parts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedFiles, staleGeneratedFiles } from '../src/tooling/contributing';
import { formatProblem, summarize } from '../src/tooling/problems';
import { validate } from '../src/tooling/validate';

const projectRoot = join(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
	options: { 'content-only': { type: 'boolean', default: false }, write: { type: 'boolean', default: false } },
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
const { problems, warnings } = validate(contentRoot);
// Worth a look but not wrong: printed, never failing the check.
for (const warning of warnings) console.log(`提示：${formatProblem(warning)}`);
for (const problem of problems) console.error(formatProblem(problem));
(problems.length ? console.error : console.log)(summarize(problems));
// Astro's own check reads the same content and would only repeat these problems less clearly.
if (problems.length && !values['content-only']) console.error('内容有问题时不做类型检查；改好后再运行一次。');
if (problems.length || values['content-only']) process.exit(problems.length ? 1 : 0);

const stale = staleGeneratedFiles(projectRoot);
if (stale.length) {
	console.error(`以下文件由代码生成，但与当前的字段定义不一致：${stale.join('、')}。请运行 npm run check -- --write 后一并提交。`);
}

console.log('类型检查（astro check）……');
const types = spawnSync(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'check'], { cwd: projectRoot, stdio: 'inherit' });
process.exit(stale.length || types.status !== 0 ? 1 : 0);
