/**
 * The coverage rules (`./coverage.ts`) as problems of the content check, so that `npm run check`
 * and the build refuse what the coverage tests refuse: a sentence of a report that stands
 * nowhere or in several places, a body sentence or number the report does not have, a figure
 * missing from its own text.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportLayout } from '../lib/layout';
import { plainText, splitSentences } from '../lib/report-text';
import type { ContentFile } from './content-files';
import { coverageOf } from './coverage';
import { fileParts, type Problem } from './problems';

/** How many places a repeated sentence's message names before it says "等". */
const shown = 3;

/** `path: rest` → [path, rest]; coverage names a place by its path, with " intro" or " title" after it. */
function splitPlace(item: string): [string, string] {
	const at = item.indexOf(': ');
	return [item.slice(0, at), item.slice(at + 2)];
}

/** The 1-based line of each paragraph of a report's text (paragraphs are its non-blank lines). */
function paragraphLines(contentRoot: string, report: string): number[] {
	const lines = readFileSync(join(contentRoot, reportLayout.folder, report, reportLayout.text), 'utf8').split(/\r?\n/);
	return lines.flatMap((line, index) => (line.trim() ? [index + 1] : []));
}

/** The first line of a file's body that holds the start of `text`, else the body's first line. */
function bodyLineOf(file: ContentFile, text: string): number {
	const start = text.slice(0, 8);
	const index = file.body.split('\n').findIndex((line) => line.replace(/\s/g, '').includes(start));
	return index >= 0 ? file.bodyLine + index : file.bodyLine;
}

/** Whether a report's text is a plain file: a link is reported by the scan and never followed here. */
function hasText(contentRoot: string, report: string): boolean {
	try {
		return lstatSync(join(contentRoot, reportLayout.folder, report, reportLayout.text)).isFile();
	} catch {
		return false;
	}
}

/**
 * The coverage problems of every report but those in `skip`. The caller skips a report with any
 * other problem: a file that could not be read, or a body that does not parse, would otherwise
 * show up again as every one of its sentences "missing" — the coverage of a report is checked
 * once the rest of it is right.
 */
export function coverageProblems(contentRoot: string, files: readonly ContentFile[], skip: ReadonlySet<string> = new Set()): Problem[] {
	const byPath = new Map(files.map((file) => [file.path, file]));
	const reports = [...new Set(files.flatMap((file) => (file.report && !skip.has(file.report) ? [file.report] : [])))].sort();
	return reports.flatMap((report) => {
		const textPath = `content/${reportLayout.folder}/${report}/${reportLayout.text}`;
		if (!hasText(contentRoot, report)) return [];
		try {
			return reportProblems(contentRoot, files.filter((file) => file.report === report), byPath);
		} catch (error) {
			return [{ path: textPath, field: fileParts.file, message: `无法读取报告原文，没有核对这份报告的句子和数字（${(error as NodeJS.ErrnoException).code ?? String(error)}）`, allowed: '把报告原文存为 UTF-8 文本文件 report.txt，一段一行' }];
		}
	});
}

function reportProblems(contentRoot: string, files: readonly ContentFile[], byPath: ReadonlyMap<string, ContentFile>): Problem[] {
	return coverageOf(contentRoot, files).flatMap((coverage) => {
		const textPath = `content/${reportLayout.folder}/${coverage.report}/${reportLayout.text}`;
		const lines = paragraphLines(contentRoot, coverage.report);
		const problems: Problem[] = [];

		for (const paragraph of coverage.paragraphs) {
			for (const sentence of paragraph.sentences) {
				const places = coverage.placesOf(sentence);
				if (places.length === 1) continue;
				const where = places.slice(0, shown).join('、') + (places.length > shown ? ` 等 ${places.length} 处` : '');
				problems.push({
					path: textPath,
					line: lines[paragraph.number - 1],
					field: fileParts.body,
					message:
						places.length === 0
							? `报告第 ${paragraph.number} 段的“${sentence}”在网站上没有出现`
							: `报告第 ${paragraph.number} 段的“${sentence}”出现了 ${places.length} 次：${where}`,
					allowed:
						places.length === 0
							? '把这句话逐字写进对应条目的正文，或对应部分的 intro（标题写进部分的 title）'
							: '一句话只放在一处：保留最贴切的一处，删去其余的',
				});
			}
		}

		// placesOf counts places; a sentence written twice in one body is one place, and still twice.
		for (const file of files) {
			if (file.collection !== 'achievements' && file.collection !== 'measures') continue;
			const seen = new Map<string, number>();
			for (const sentence of splitSentences(plainText(file.body))) seen.set(sentence, (seen.get(sentence) ?? 0) + 1);
			for (const [sentence, count] of seen) {
				if (count < 2) continue;
				problems.push({
					path: file.path,
					line: bodyLineOf(file, sentence),
					field: fileParts.body,
					message: `正文中“${sentence}”写了 ${count} 次`,
					allowed: '报告中的每句话在正文中只写一次，删去重复的',
				});
			}
		}

		for (const item of coverage.foreign) {
			const [place, sentence] = splitPlace(item);
			const intro = place.endsWith(' intro');
			const file = byPath.get(intro ? place.slice(0, -' intro'.length) : place);
			if (!file) continue;
			problems.push({
				path: file.path,
				line: intro ? file.lineOf(['intro']) : bodyLineOf(file, sentence),
				field: intro ? 'intro' : fileParts.body,
				message: `“${sentence}”不是报告 ${coverage.report} 原文中的句子`,
				allowed: '正文和 intro 只能逐字照录报告原文的整句（句号也要一致）；核对 report.txt 中的原句',
			});
		}

		for (const item of coverage.inventedNumbers) {
			const [path, number] = splitPlace(item);
			const file = byPath.get(path);
			if (!file) continue;
			const data = file.data as Record<string, unknown>;
			const field = (['title', 'summary'] as const).find((key) => String(data[key] ?? '').includes(number)) ?? (Array.isArray(data['tags']) && data['tags'].some((tag) => String(tag).includes(number)) ? 'tags' : undefined);
			problems.push({
				path: file.path,
				line: field ? file.lineOf([field]) : bodyLineOf(file, number),
				field: field ?? fileParts.body,
				message: `数字 ${number} 不在报告 ${coverage.report} 的原文中`,
				allowed: '只写报告中出现的数字，照原文写法',
			});
		}

		for (const item of coverage.metricsNotInText) {
			const [path, metric] = splitPlace(item);
			const file = byPath.get(path);
			if (!file) continue;
			const metrics = (file.data as { metrics?: unknown }).metrics;
			const index = Array.isArray(metrics) ? metrics.findIndex((m) => metric.startsWith(`${String((m as { label?: unknown }).label)} ${String((m as { value?: unknown }).value)}`)) : -1;
			const where = file.collection === 'sections' ? '这一部分的 intro' : '正文';
			problems.push({
				path: file.path,
				line: index >= 0 ? file.lineOf(['metrics', index, 'value']) : file.lineOf(['metrics']),
				field: index >= 0 ? `metrics[${index}].value` : 'metrics',
				message: `数据“${metric}”的数值在${where}中没有出现`,
				allowed: `数值照${where}中的写法填写（“10.7万家”写 value: 10.7、unit: 万家），数据只能来自本条目自己的文字`,
			});
		}
		return problems;
	});
}
