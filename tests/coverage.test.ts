// The site quotes the report and adds nothing to it: every sentence of the report stands whole
// in exactly one place, every body sentence is the report's, every figure is the report's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headingText, parseReport, plainText, splitSentences } from '../src/lib/report-text';
import { fileSchemas, readContentFiles } from '../src/tooling/content-files';

const report = parseReport(readFileSync('content/report-2023.txt', 'utf8'));
const reportSentences = new Set(report.flatMap((p) => p.sentences));
const files = readContentFiles();

/** Each place a sentence may stand: an entry body, a section intro, a section title. */
const places = files.flatMap((file) => {
	const data = file.data as Record<string, unknown>;
	if (file.collection === 'sections') {
		return [
			{ where: `${file.path} intro`, sentences: splitSentences(String(data['intro'] ?? '')) },
			{ where: `${file.path} title`, sentences: [] as string[], title: String(data['title']) },
		];
	}
	if (file.collection === 'owners') return [];
	return [{ where: file.path, sentences: splitSentences(plainText(file.body)) }];
});

function placesOf(sentence: string) {
	return places.filter((p) => p.sentences.includes(sentence) || ('title' in p && p.title === headingText(sentence))).map((p) => p.where);
}

describe('coverage of the report', () => {
	it('reads the report as its 24 paragraphs', () => {
		expect(report).toHaveLength(24);
	});

	it.each(report.flatMap((p) => p.sentences.map((s) => [p.number, s] as const)))('paragraph %i: "%s" stands in exactly one place', (_, sentence) => {
		expect(placesOf(sentence)).toHaveLength(1);
	});

	it('quotes only whole sentences of the report in bodies and intros', () => {
		const foreign = places.flatMap((p) => p.sentences.filter((s) => !reportSentences.has(s)).map((s) => `${p.where}: ${s}`));
		expect(foreign).toEqual([]);
	});

	it('has a body in every entry', () => {
		const empty = files.filter((f) => (f.collection === 'achievements' || f.collection === 'measures') && !plainText(f.body));
		expect(empty.map((f) => f.path)).toEqual([]);
	});
});

describe('figures', () => {
	const digits = /\d+(?:\.\d+)?/g;
	const reportNumbers = new Set(report.flatMap((p) => p.text.match(digits) ?? []));
	const chineseNumerals = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

	it('states no number in a title, summary, tag or body that the report does not', () => {
		const invented = files.flatMap((file) => {
			if (file.collection !== 'achievements' && file.collection !== 'measures') return [];
			const data = file.data as { title: string; summary: string; tags?: string[] };
			const text = [data.title, data.summary, ...(data.tags ?? []), plainText(file.body)].join(' ');
			return (text.match(digits) ?? []).filter((n) => !reportNumbers.has(n)).map((n) => `${file.path}: ${n}`);
		});
		expect(invented).toEqual([]);
	});

	it('takes every metric from the text it belongs to', () => {
		const wrong = files.flatMap((file) => {
			if (file.collection === 'owners') return [];
			const result = fileSchemas[file.collection].safeParse(file.data);
			if (!result.success) return [];
			const data = result.data as { metrics: { label: string; value: number; unit: string }[]; intro?: string };
			const own = file.collection === 'sections' ? (data.intro ?? '') : plainText(file.body);
			return data.metrics
				.filter(({ value, unit }) => {
					const written = String(value);
					// A count the report writes in Chinese ("两年", "三个") is stored as its digit.
					const chinese = Number.isInteger(value) && value <= 10 ? chineseNumerals[value] : undefined;
					return !own.includes(written + unit) && !own.includes(written) && !(chinese && own.includes(chinese + unit.slice(0, 1)));
				})
				.map((m) => `${file.path}: ${m.label} ${m.value}${m.unit}`);
		});
		expect(wrong).toEqual([]);
	});
});
