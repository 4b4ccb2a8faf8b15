/**
 * The scaffold (`npm run new`) fills every field it cannot know with “待填写…”: a file that still
 * holds one is unfinished, and must not be published as if it were the report's.
 */
import type { ContentFile } from './content-files';
import { fieldName, fileParts, type Problem } from './problems';

export const placeholder = '待填写';

/** What every placeholder problem says, so that `npm run new` can tell them from real mistakes. */
const leftByScaffold = 'npm run new 留下的占位文字';
export const isPlaceholderProblem = (problem: Problem) => problem.message.includes(leftByScaffold);

const allowed = '把“待填写”的地方换成报告原文；还没写完的文件先不要提交';

/** Every field and body line that still holds the placeholder, one problem each. */
export function placeholderProblems(file: ContentFile): Problem[] {
	const problems: Problem[] = [];
	const visit = (value: unknown, path: PropertyKey[]) => {
		if (typeof value === 'string' && value.includes(placeholder)) {
			problems.push({ path: file.path, line: file.lineOf(path), field: fieldName(path), message: `还是 ${leftByScaffold}：“${value}”`, allowed });
		} else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
		else if (value && typeof value === 'object' && !(value instanceof Date)) for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
	};
	visit(file.data, []);
	file.body.split('\n').forEach((line, index) => {
		if (line.includes(placeholder)) {
			problems.push({ path: file.path, line: file.bodyLine + index, field: fileParts.body, message: `正文还是 ${leftByScaffold}：“${line.trim()}”`, allowed });
		}
	});
	return problems;
}
