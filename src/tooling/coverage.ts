/**
 * The coverage rules: the site quotes each report and adds nothing to it. Every sentence of a
 * report's text stands whole in exactly one place of that same report (an entry body, a section
 * intro or a section title), every body sentence is the report's, and every number of an entry or
 * section is its own report's. Pure functions of the files read; the tests and the content
 * check call them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportLayout } from '../lib/layout';
import { headingText, parseReport, plainText, splitSentences, type Paragraph } from '../lib/report-text';
import type { ContentFile } from './content-files';

export interface ReportCoverage {
	report: string;
	paragraphs: Paragraph[];
	/** The places of the report that hold a sentence of its text. */
	placesOf(sentence: string): string[];
	/** Sentences of bodies and intros that are not the report's, with where they stand. */
	foreign: string[];
	/** Numbers in a title, summary, tag or body that the report does not state. */
	inventedNumbers: string[];
	/** Metrics whose value is not written in their own text. */
	metricsNotInText: string[];
}

const digits = /\d+(?:\.\d+)?/g;
const chineseNumerals = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

type Data = Record<string, unknown>;

/**
 * Where each sentence stands, indexed once: a report of thousands of sentences is looked up in
 * time that grows with its size, not with its size squared. Places come back in file order.
 */
function placeIndex(places: readonly { where: string; sentences: readonly string[]; title: string | undefined }[]) {
	const at = new Map<string, number[]>();
	const add = (key: string, index: number) => {
		const list = at.get(key) ?? [];
		if (list.at(-1) !== index) list.push(index);
		at.set(key, list);
	};
	places.forEach((place, index) => {
		for (const sentence of place.sentences) add(`s:${sentence}`, index);
		if (place.title !== undefined) add(`t:${place.title}`, index);
	});
	return (sentence: string) => {
		const indexes = new Set([...(at.get(`s:${sentence}`) ?? []), ...(at.get(`t:${headingText(sentence)}`) ?? [])]);
		return [...indexes].sort((a, b) => a - b).map((index) => places[index]!.where);
	};
}

export function coverageOf(contentRoot: string, files: readonly ContentFile[]): ReportCoverage[] {
	const reports = [...new Set(files.flatMap((f) => (f.report ? [f.report] : [])))].sort();
	return reports.flatMap((report) => {
		const textPath = join(contentRoot, reportLayout.folder, report, reportLayout.text);
		if (!existsSync(textPath)) return [];
		const paragraphs = parseReport(readFileSync(textPath, 'utf8').replace(/^\uFEFF/, ''));
		const own = files.filter((f) => f.report === report && f.collection !== 'reports');
		const places = own.flatMap((file) => {
			const data = file.data as Data;
			if (file.collection === 'sections') {
				return [
					{ where: `${file.path} intro`, sentences: splitSentences(String(data['intro'] ?? '')), title: undefined },
					{ where: `${file.path} title`, sentences: [] as string[], title: String(data['title']) },
				];
			}
			return [{ where: file.path, sentences: splitSentences(plainText(file.body)), title: undefined }];
		});
		const sentences = new Set(paragraphs.flatMap((p) => p.sentences));
		const numbers = new Set(paragraphs.flatMap((p) => p.text.match(digits) ?? []));
		const entries = own.filter((f) => f.collection === 'achievements' || f.collection === 'measures');
		return [
			{
				report,
				paragraphs,
				placesOf: placeIndex(places),
				foreign: places.flatMap((p) => p.sentences.filter((s) => !sentences.has(s)).map((s) => `${p.where}: ${s}`)),
				inventedNumbers: entries.flatMap((file) => {
					const data = file.data as { title?: unknown; summary?: unknown; tags?: unknown };
					const tags = Array.isArray(data.tags) ? data.tags.map(String) : [];
					const text = [String(data.title ?? ''), String(data.summary ?? ''), ...tags, plainText(file.body)].join(' ');
					return (text.match(digits) ?? []).filter((n) => !numbers.has(n)).map((n) => `${file.path}: ${n}`);
				}),
				metricsNotInText: own.flatMap((file) => {
					const data = file.data as Data;
					const metrics = Array.isArray(data['metrics']) ? (data['metrics'] as { label?: unknown; value?: unknown; unit?: unknown }[]) : [];
					const text = file.collection === 'sections' ? String(data['intro'] ?? '') : plainText(file.body);
					return metrics
						.filter(({ value, unit }) => {
							if (typeof value !== 'number') return false;
							const written = String(value);
							const u = String(unit ?? '');
							// A count the report writes in Chinese ("两年", "三个") is stored as its digit.
							const chinese = Number.isInteger(value) && value <= 10 ? chineseNumerals[value] : undefined;
							return !text.includes(written + u) && !text.includes(written) && !(chinese && text.includes(chinese + u.slice(0, 1)));
						})
						.map((m) => `${file.path}: ${String(m.label)} ${String(m.value)}${String(m.unit ?? '')}`);
				}),
			},
		];
	});
}
