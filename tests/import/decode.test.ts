// Every encoding a report arrives in reads to the same text; what cannot be read is refused in Chinese.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { decodeReport } from '../../src/tooling/import/decode';
import { ImportError } from '../../src/tooling/import/errors';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'import');
const text = readFileSync(join(fixtures, 'styles', 'cn-paren-enumeration.txt'), 'utf8').trim();
const bom = (prefix: number[], body: Buffer) => Buffer.concat([Buffer.from(prefix), body]);
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

describe('decodeReport', () => {
	it.each([
		['UTF-8', Buffer.from(text), 'UTF-8'],
		['UTF-8 with a BOM and Windows line ends', bom([0xef, 0xbb, 0xbf], Buffer.from(text.replace(/\n/g, '\r\n'))), 'UTF-8（带 BOM）'],
		['UTF-16LE with a BOM', bom([0xff, 0xfe], Buffer.from(text, 'utf16le')), 'UTF-16LE'],
		['UTF-16BE with a BOM', bom([0xfe, 0xff], utf16be(text)), 'UTF-16BE'],
		['UTF-16LE without a BOM', Buffer.from(text, 'utf16le'), 'UTF-16LE'],
		['GB18030 saved on Windows', readFileSync(join(fixtures, 'cn-paren-enumeration.gb18030.txt')), 'GB18030'],
	])('reads %s', async (_, bytes, encoding) => {
		const decoded = await decodeReport(bytes, 'report.txt');
		expect(decoded).toEqual({ text, encoding });
	});

	it('reads a Word file one paragraph per line, indents and blank paragraphs dropped', async () => {
		const lines = text.split('\n');
		const doc = new Document({ sections: [{ children: [new Paragraph('　　' + lines[0]!), new Paragraph(''), ...lines.slice(1).map((line) => new Paragraph(line))] }] });
		const decoded = await decodeReport(await Packer.toBuffer(doc), 'report.docx');
		expect(decoded).toEqual({ text, encoding: 'Word（.docx）' });
	});

	it.each([
		['an empty file', Buffer.alloc(0), '文件是空的'],
		['a file of blank lines', Buffer.from('\n \r\n　\n'), '文件是空的'],
		['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), '这不是文本文件'],
		['bytes no encoding reads', Buffer.from([0xc4, 0xe3, 0xff, 0xff, 0x80, 0x0a, 0xff, 0xfe, 0xfd]), '无法识别文件的编码'],
		['an old Word file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '旧版 Word（.doc）'],
		['a PDF', Buffer.from('%PDF-1.7\n'), 'PDF 文件'],
		['a .docx that is no Word file', Buffer.from('不是压缩包'), '内容不是 Word 文件'],
		['a text with no Chinese', Buffer.from('Annual report\nAll went well.\n'), '没有中文文字'],
	])('refuses %s in Chinese', async (name, bytes, message) => {
		const error = await decodeReport(bytes, name.includes('.docx') ? 'report.docx' : 'report.txt').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ImportError);
		expect((error as Error).message).toContain(message);
	});

	it('refuses a broken Word file', async () => {
		const error = await decodeReport(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'report.docx').catch((e: unknown) => e);
		expect((error as Error).message).toContain('无法读取这个 Word 文件');
	});
});
