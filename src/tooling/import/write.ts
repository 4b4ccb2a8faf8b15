/**
 * Puts a draft edition in place only once it passes: the draft is laid beside the existing
 * content in a temporary folder, checked by the content check and the coverage rules, and only
 * then written into the content folder. Nothing is written when anything fails.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ownersFolder, reportLayout } from '../../lib/layout';
import { coverageOf } from '../coverage';
import { formatProblem } from '../problems';
import { validate } from '../validate';
import type { Draft } from './draft';

function writeFiles(root: string, draft: Draft) {
	for (const file of draft.files) {
		const path = join(root, file.path);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, file.content);
	}
}

/** Every problem the check and the coverage rules find in the draft, laid beside the other reports. */
export function checkDraft(contentRoot: string, id: string, draft: Draft): string[] {
	const scratch = mkdtempSync(join(tmpdir(), 'import-'));
	try {
		const root = join(scratch, 'content');
		mkdirSync(join(root, reportLayout.folder), { recursive: true });
		// Copies, not links: the check never follows a symbolic link.
		if (existsSync(join(contentRoot, ownersFolder))) cpSync(join(contentRoot, ownersFolder), join(root, ownersFolder), { recursive: true });
		const reports = join(contentRoot, reportLayout.folder);
		for (const name of existsSync(reports) ? readdirSync(reports) : []) {
			if (name !== id && !name.startsWith('.')) cpSync(join(reports, name), join(root, reportLayout.folder, name), { recursive: true });
		}
		writeFiles(root, draft);
		const own = `content/${reportLayout.folder}/${id}/`;
		const { problems, files } = validate(root);
		const found = problems.filter((p) => p.path.startsWith(own)).map(formatProblem);
		for (const report of coverageOf(root, files).filter((r) => r.report === id)) {
			for (const p of report.paragraphs) {
				for (const sentence of p.sentences) {
					const places = report.placesOf(sentence);
					if (places.length !== 1) found.push(`${own}${reportLayout.text}:${p.number}  原文的句子出现在 ${places.length} 处（应为 1 处）：${sentence}`);
				}
			}
			found.push(...report.foreign.map((f) => `不是原文的句子：${f}`), ...report.inventedNumbers.map((n) => `原文中没有的数字：${n}`), ...report.metricsNotInText.map((m) => `数据不在所在文字中：${m}`));
		}
		return found;
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

/** Writes the draft into the content folder; with `replace`, the edition's old folder goes first. */
export function writeDraft(contentRoot: string, id: string, draft: Draft, replace: boolean) {
	const folder = join(contentRoot, reportLayout.folder, id);
	if (replace) rmSync(folder, { recursive: true, force: true });
	const scratch = mkdtempSync(join(tmpdir(), 'import-write-'));
	try {
		writeFiles(scratch, draft);
		mkdirSync(dirname(folder), { recursive: true });
		cpSync(join(scratch, reportLayout.folder, id), folder, { recursive: true });
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}
