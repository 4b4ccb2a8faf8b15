/**
 * The body of an entry: the report's sentences as plain text. MDX would run tags, `{…}` and
 * import/export as code, so the body may hold none of them; a syntax error is reported with the
 * file's line (the MDX parser counts from the body's first line).
 */
import { createProcessor } from '@mdx-js/mdx';
import { isSafeHref } from '../lib/safe-url';
import type { ContentFile } from './content-files';
import { fileParts, type Problem } from './problems';

const processor = createProcessor();

interface MdastNode {
	type: string;
	name?: string | null;
	url?: string;
	children?: MdastNode[];
	position?: { start: { line: number } };
}

/** Nodes MDX would turn into code rather than text. */
const code: Record<string, { message: (node: MdastNode) => string; allowed: string }> = {
	mdxJsxFlowElement: {
		message: (node) => `正文中有 HTML 或组件标签 <${node.name ?? ''}>，网站的正文只能是纯文字`,
		allowed: '删去标签，只保留报告原文；要显示小于号请写成 &lt; 或全角“＜”',
	},
	mdxJsxTextElement: {
		message: (node) => `正文中有 HTML 或组件标签 <${node.name ?? ''}>，网站的正文只能是纯文字`,
		allowed: '删去标签，只保留报告原文；要显示小于号请写成 &lt; 或全角“＜”',
	},
	mdxFlowExpression: { message: () => '正文中有花括号 { }，MDX 会把其中的内容当作代码执行', allowed: '改用全角括号“｛ ｝”，或写成 \\{ 和 \\}' },
	mdxTextExpression: { message: () => '正文中有花括号 { }，MDX 会把其中的内容当作代码执行', allowed: '改用全角括号“｛ ｝”，或写成 \\{ 和 \\}' },
	mdxjsEsm: { message: () => '正文中有以 import 或 export 开头的代码行', allowed: '删去这一行，或改写它的开头' },
};

/** Syntax errors by the part of MDX that raised them. */
function syntaxHint(source: string | undefined, ruleId: string | undefined): { message: string; allowed: string } {
	if (source?.includes('expression') || ruleId === 'acorn') {
		return { message: '花括号 { } 不成对或其中不是有效代码', allowed: '正文中要显示花括号请改用全角“｛ ｝”，或写成 \\{ 和 \\}' };
	}
	if (source?.includes('jsx')) {
		return { message: '尖括号 < > 在 MDX 中表示标签，这里的标签不完整或没有闭合', allowed: '要显示小于号请写成 &lt; 或全角“＜”' };
	}
	if (source?.includes('esm')) return { message: 'import/export 代码行写得不对', allowed: '正文中不要以 import 或 export 开头' };
	return { message: '正文无法解析', allowed: '检查这一行的特殊符号：< > { } ` *' };
}

/** Visits nodes depth first; `visit` returns true to skip a node's children. */
function walk(node: MdastNode, visit: (node: MdastNode) => boolean) {
	if (visit(node)) return;
	for (const child of node.children ?? []) walk(child, visit);
}

export function checkBody(file: ContentFile): Problem[] {
	const { path, body, bodyLine } = file;
	const lineOf = (bodyRelative: number | undefined) => (bodyRelative ? bodyLine + bodyRelative - 1 : bodyLine);
	if (body.trim() === '') {
		return [{ path, line: bodyLine, field: fileParts.body, message: '正文为空：第二个 --- 之后没有内容', allowed: '写上报告中与本条目对应的原句' }];
	}
	let tree: MdastNode;
	try {
		tree = processor.parse(body) as MdastNode;
	} catch (error) {
		const { line, column, source, ruleId, reason } = error as { line?: number; column?: number; source?: string; ruleId?: string; reason?: string };
		const hint = syntaxHint(source, ruleId);
		// At the end of the file the column says nothing about where the mistake is.
		const where = column && ruleId !== 'unexpected-eof' ? `第 ${column} 列` : '';
		return [{ path, line: lineOf(line), field: fileParts.body, message: `MDX 语法错误${where ? `（${where}）` : ''}：${hint.message}${reason ? `。原始信息：${reason}` : ''}`, allowed: hint.allowed }];
	}
	const problems: Problem[] = [];
	walk(tree, (node) => {
		const rule = code[node.type];
		if (rule) problems.push({ path, line: lineOf(node.position?.start.line), field: fileParts.body, message: rule.message(node), allowed: rule.allowed });
		// Link targets as Markdown decodes them (entities resolved), judged as the renderer judges them.
		if (typeof node.url === 'string' && !isSafeHref(node.url)) {
			problems.push({
				path,
				line: lineOf(node.position?.start.line),
				field: fileParts.body,
				message: `正文中的链接地址 ${JSON.stringify(node.url)} 不能使用：只能链接到 http:// 或 https:// 开头的网址，或以 / 开头的本站地址`,
				allowed: '删去这个链接只保留文字，或改为 https:// 开头的网址',
			});
		}
		// One problem per tag or expression, not one more for each thing inside it.
		return Boolean(rule);
	});
	return problems;
}
