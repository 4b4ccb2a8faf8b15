/**
 * One problem in one content file, and the one-line form staff read:
 * `content/measures/2024/x.mdx:7  status  举措的状态 "finished" 不存在（可选：planned（未启动）、…）`
 */

export interface Problem {
	/** The file, from the project root, with forward slashes. */
	path: string;
	/** 1-based line in the file, where known. */
	line?: number | undefined;
	/** The field as written in the file (`actions[1].status`), or what part of the file is meant. */
	field: string;
	/** What is wrong, in Chinese. */
	message: string;
	/** What is allowed instead, in Chinese, when it can be said. */
	allowed?: string | undefined;
}

/** Names for the parts of a file that are not a field. */
export const fileParts = {
	file: '文件',
	frontmatter: 'frontmatter',
	yaml: 'YAML',
	body: '正文',
} as const;

/** `['actions', 1, 'status']` → `actions[1].status`. */
export function fieldName(path: readonly PropertyKey[]): string {
	return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '');
}

export function formatProblem({ path, line, field, message, allowed }: Problem): string {
	const where = line ? `${path}:${line}` : path;
	return `${where}  ${field}  ${message}${allowed ? `（${allowed}）` : ''}`;
}

/** By file, then line, then field, so that a file's problems read top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
	return [...problems].sort(
		(a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field),
	);
}

/** The summary line after the list. */
export function summarize(problems: readonly Problem[]): string {
	if (problems.length === 0) return '内容检查通过：没有发现问题。';
	const files = new Set(problems.map((problem) => problem.path)).size;
	return `内容检查未通过：${files} 个文件中共有 ${problems.length} 个问题。请按上面的提示逐条修改后再运行 npm run check。`;
}
