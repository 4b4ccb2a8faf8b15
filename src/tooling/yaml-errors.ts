/**
 * YAML syntax errors in Chinese, with the cause staff most often meet behind each: a full-width
 * colon, a colon inside a value, tabs, an unclosed bracket or quote.
 */
import type { YAMLError } from 'yaml';
import { fileParts, type Problem } from './problems';

const keyOnLine = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*[:：]/;

const causes: Partial<Record<YAMLError['code'], { message: string; allowed: string }>> = {
	MULTILINE_IMPLICIT_KEY: {
		message: '这一行不是“字段: 值”的形式',
		allowed: '字段名后用英文半角冒号加一个空格；上一行的值如果没写完，请写在同一行或用引号括起来',
	},
	BLOCK_AS_IMPLICIT_KEY: {
		message: '值里有“冒号加空格”，或这一行缩进不对',
		allowed: '值中含有冒号时用引号括起来，例如 title: "标题：副标题"；同一层的字段左边对齐',
	},
	BAD_INDENT: {
		message: '缩进或括号不对',
		allowed: '同一层的字段左边对齐；[ ] 和 { } 要成对，写在同一行',
	},
	TAB_AS_INDENT: { message: '用了 Tab 键缩进', allowed: '缩进只能用空格，每层两个空格' },
	DUPLICATE_KEY: { message: '同一个字段写了两次', allowed: '删去其中一个' },
	BLOCK_IN_FLOW: {
		message: '{ } 或 [ ] 中的值里有“英文冒号加空格”，YAML 把它当成了又一个字段',
		allowed: '把这个冒号改成中文全角“：”，或把整个值用引号括起来，例如 note: "原因：……"；更好的是改用每行一个字段的写法：“- title: …”另起一行，其余字段缩进对齐写在下面',
	},
	MISSING_CHAR: {
		message: '缺少配对的符号（引号、括号）或列表项前的“- ”',
		allowed: '引号和括号要成对；列表的每一项以“- ”开头并与上一项对齐',
	},
	BAD_SCALAR_START: {
		message: '值不能以这个符号开头',
		allowed: '以 @、`、%、* 等符号开头的值请用引号括起来',
	},
	UNEXPECTED_TOKEN: { message: '这里有多余或无法识别的字符', allowed: '检查这一行的冒号、括号和引号' },
	RESOURCE_EXHAUSTION: { message: '括号嵌套太深或数据太多，无法读取', allowed: '内容文件只需要简单的“字段: 值”和列表，删去多余的括号' },
	BAD_DQ_ESCAPE: { message: '双引号中的反斜杠 \\ 用法不对', allowed: '改用单引号，或把 \\ 写成 \\\\' },
};

/** One problem for the first syntax error of a file; later errors usually follow from it. */
/** The last line up to `line` that opens more [ or { than it closes: where an unclosed bracket starts. */
function unclosedBracketLine(lines: readonly string[], line: number): number | undefined {
	const count = (text: string, char: string) => text.split(char).length - 1;
	for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
		const text = lines[i] ?? '';
		if (count(text, '[') > count(text, ']') || count(text, '{') > count(text, '}')) return i + 1;
	}
	return undefined;
}

/** The first line up to `line` with an odd number of one kind of quote: where an unclosed quote starts. */
function unclosedQuoteLine(lines: readonly string[], line: number): number | undefined {
	const odd = (text: string, quote: string) => (text.split(quote).length - 1) % 2 === 1;
	const index = lines.slice(0, line).findIndex((text) => odd(text, '"') || odd(text, "'"));
	return index >= 0 ? index + 1 : undefined;
}

export function translateYamlError(error: YAMLError, yamlText: string, lineOffset: number, path: string): Problem {
	const lines = yamlText.split(/\r?\n/);
	let yamlLine = error.linePos?.[0].line ?? 1;
	// The parser notices an unclosed bracket only on a later line; point at the line that opened it.
	const unclosed =
		error.code !== 'BLOCK_IN_FLOW' && /end with an? [\]}]|Missing , or :|flow collection/i.test(error.message) ? unclosedBracketLine(lines, yamlLine) : undefined;
	if (unclosed) yamlLine = unclosed;
	// An unclosed quote runs on to the end of the text; point at the line that opened it.
	const openQuote = !unclosed && error.code === 'MISSING_CHAR' && /quote/i.test(error.message) ? unclosedQuoteLine(lines, yamlLine) : undefined;
	if (openQuote) yamlLine = openQuote;
	const lineText = lines[yamlLine - 1] ?? '';
	const field = keyOnLine.exec(lineText)?.[1] ?? fileParts.yaml;
	const cause = causes[error.code];
	const original = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? '';
	let message = cause ? `YAML 语法错误：${cause.message}` : `YAML 语法错误（${original}）`;
	let allowed = cause?.allowed;
	if (lineText.includes('：') && !/:\s/.test(lineText.split('：')[0] ?? '')) {
		message = 'YAML 语法错误：字段名后的冒号写成了中文全角“：”';
		allowed = '改为英文半角冒号加空格，例如 summary: 一句话摘要';
	}
	if (openQuote) {
		message = 'YAML 语法错误：这一行的引号没有配对';
		allowed = '在值的末尾补上同样的引号，或删去开头的引号';
	}
	if (unclosed) {
		message = 'YAML 语法错误：这一行的 [ 或 { 没有对应的 ] 或 }';
		allowed = '在这一行末尾补上 ] 或 }，括号要写在同一行';
	}
	if (error.code === 'DUPLICATE_KEY' && field !== fileParts.yaml) message = `YAML 语法错误：字段 ${field} 写了两次`;
	return { path, line: yamlLine + lineOffset, field, message, allowed };
}
