/**
 * A report file's bytes as text, one paragraph per line. Reports arrive as UTF-8 (with or
 * without BOM), as UTF-16 or GB18030/GBK saved on Windows, or as Word files; anything else is
 * refused in Chinese before a single file is written.
 */
import mammoth from 'mammoth';
import { ImportError } from './errors';

export interface Decoded {
	/** The text, one trimmed paragraph per line, no blank lines. */
	text: string;
	/** What the bytes were: UTF-8, UTF-8（带 BOM）, UTF-16LE, UTF-16BE, GB18030, Word（.docx）. */
	encoding: string;
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const cjk = /[\u3400-\u9fff\uf900-\ufaff]/g;
const hasCjk = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Characters a report's text may hold: CJK, its punctuation, printable ASCII, whitespace. */
const plausible = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2000-\u206f\u0020-\u007e\u00a0-\u00ff\u0391-\u03c9\u2160-\u217f\u2460-\u24ff\t\n\r]/g;

/** Share of characters that could stand in a Chinese report. */
function plausibility(text: string): number {
	if (!text.length) return 0;
	return (text.match(plausible)?.length ?? 0) / text.length;
}

function strict(encoding: string, bytes: Uint8Array): string | undefined {
	try {
		return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return undefined;
	}
}

/** One paragraph per line: Windows line ends, indents (全角空格 included) and blank lines go. */
export function normalizeParagraphs(text: string): string {
	return text
		.replace(/^\uFEFF/, '')
		.split(/\r\n|\r|\n|\u2028|\u2029/)
		.map((line) => line.trim())
		.filter(Boolean)
		.join('\n');
}

const refuse: { test: (bytes: Uint8Array) => boolean; message: string }[] = [
	{ test: (b) => startsWith(b, 0xd0, 0xcf, 0x11, 0xe0), message: '这是旧版 Word（.doc）或其他 Office 二进制文件，不能直接导入：请在 Word 中“另存为” .docx 或“纯文本（UTF-8）”后再导入' },
	{ test: (b) => startsWith(b, 0x25, 0x50, 0x44, 0x46), message: '这是 PDF 文件，不能直接导入：请把报告全文复制出来存为文本文件（UTF-8），或另存为 .docx 后再导入' },
];

async function fromDocx(bytes: Uint8Array): Promise<string> {
	try {
		const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
		return value;
	} catch (error) {
		throw new ImportError(`无法读取这个 Word 文件（${(error as Error).message}）：请确认它是 .docx 文件且能在 Word 中打开，或把全文另存为文本文件（UTF-8）后再导入`);
	}
}

/** Decodes a report file; throws ImportError, in Chinese, for an empty, binary or undecodable file. */
export async function decodeReport(bytes: Uint8Array, name: string): Promise<Decoded> {
	if (bytes.length === 0) throw new ImportError('文件是空的：没有可导入的报告文字');
	for (const { test, message } of refuse) if (test(bytes)) throw new ImportError(message);
	const zip = startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);
	if (zip || /\.docx$/i.test(name)) {
		if (!zip) throw new ImportError(`${name} 的扩展名是 .docx，但内容不是 Word 文件：请在 Word 中打开并重新保存为 .docx，或存为文本文件（UTF-8）`);
		return finish(await fromDocx(bytes), 'Word（.docx）');
	}
	if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return finish(decodeOrThrow('utf-8', bytes.subarray(3), 'UTF-8'), 'UTF-8（带 BOM）');
	if (startsWith(bytes, 0xff, 0xfe)) return finish(decodeOrThrow('utf-16le', bytes.subarray(2), 'UTF-16'), 'UTF-16LE');
	if (startsWith(bytes, 0xfe, 0xff)) return finish(decodeOrThrow('utf-16be', bytes.subarray(2), 'UTF-16'), 'UTF-16BE');
	const utf8 = strict('utf-8', bytes);
	if (utf8 !== undefined && !utf8.includes('\0')) return finish(utf8, 'UTF-8');
	// UTF-16 without a BOM: a Chinese text decodes to CJK and line ends, anything else to noise.
	if (bytes.length % 2 === 0) {
		for (const encoding of ['utf-16le', 'utf-16be'] as const) {
			const text = strict(encoding, bytes);
			if (text && /\n/.test(text) && plausibility(text) > 0.97 && (text.match(cjk)?.length ?? 0) > text.length / 4) return finish(text, encoding.toUpperCase());
		}
	}
	if (bytes.includes(0)) throw new ImportError('这不是文本文件（其中有二进制数据）：请导入报告的文本文件（.txt）或 Word 文件（.docx）');
	const gb = strict('gb18030', bytes);
	if (gb !== undefined && plausibility(gb) > 0.97) return finish(gb, 'GB18030');
	throw new ImportError('无法识别文件的编码：它既不是 UTF-8、UTF-16，也不是 GB18030/GBK。请在记事本或 WPS 中打开，“另存为”时选择 UTF-8 编码后再导入');
}

function decodeOrThrow(encoding: string, bytes: Uint8Array, label: string): string {
	const text = strict(encoding, bytes);
	if (text === undefined) throw new ImportError(`文件开头标明是 ${label} 编码，但其中有无法按 ${label} 读取的字节：请重新以 UTF-8 编码保存后再导入`);
	return text;
}

function finish(raw: string, encoding: string): Decoded {
	const text = normalizeParagraphs(raw);
	if (!text) throw new ImportError('文件是空的：没有可导入的报告文字');
	if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text) || plausibility(text) < 0.97) {
		throw new ImportError('这不是文本文件（其中有无法显示的控制字符或二进制数据）：请导入报告的文本文件（.txt）或 Word 文件（.docx）');
	}
	if (!hasCjk.test(text)) throw new ImportError('文件中没有中文文字，不像是一份报告：请确认选对了文件');
	return { text, encoding };
}
