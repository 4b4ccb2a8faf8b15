/**
 * Reads and checks `content/site.yaml` (schema: src/schemas/site.ts) outside Astro, for the site
 * (src/data/site-info.ts) and for `npm run check` alike, with the file, line and field of each
 * problem. A missing file, or one of comments only, sets nothing.
 *
 * SITE_INFO names another file (the tests' fixture); CONTENT_DIR moves it with the content.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isMap, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'astro/zod';
import { siteInfo as schema, type SiteInfo } from '../schemas/site';
import { fieldName, type Problem } from './problems';
import { closest } from './suggest';
import { translateYamlError } from './yaml-errors';

export type { SiteInfo } from '../schemas/site';

const contentDir = () => (process.env['CONTENT_DIR'] ?? 'content').replace(/\/$/, '');

/** The site information file this build reads. */
export const siteInfoFile = () => resolve(process.env['SITE_INFO'] ?? join(contentDir(), 'site.yaml'));

/** Field names staff may write at a level of the file, for the error on one that is not. */
const fieldsAt = (path: readonly PropertyKey[]): string[] => {
	const node = path.reduce<z.ZodType | undefined>((at, key) => {
		const inner = at instanceof z.ZodOptional ? at.unwrap() : at;
		return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>)[String(key)] : undefined;
	}, schema);
	const inner = node instanceof z.ZodOptional ? node.unwrap() : node;
	return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
};

export interface SiteInfoRead {
	info: SiteInfo;
	problems: Problem[];
}

/** Reads and checks one site information file; the badge image must be in `projectRoot`'s public/. */
export function readSiteInfo(file = siteInfoFile(), projectRoot = process.cwd()): SiteInfoRead {
	if (!existsSync(file)) return { info: {}, problems: [] };
	const path = relative(projectRoot, file).split('\\').join('/');
	const publicDir = join(projectRoot, 'public');
	const source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter, prettyErrors: true });
	if (doc.errors[0]) return { info: {}, problems: [translateYamlError(doc.errors[0], source, 0, path)] };
	// A file of comments only is an empty one: nothing set.
	if (doc.contents === null) return { info: {}, problems: [] };
	if (!isMap(doc.contents)) {
		return { info: {}, problems: [{ path, line: 1, field: 'YAML', message: `文件没有写成“字段: 值”的形式${source.includes('：') ? '（字段名后的冒号写成了中文全角“：”）' : ''}`, allowed: '每行一个字段，字段名后用英文半角冒号加空格，例如 icp: 苏ICP备12345678号' }] };
	}
	const lineOf = (fieldPath: readonly PropertyKey[]) => {
		const node = doc.getIn(fieldPath, true) as YamlNode | undefined;
		return node?.range ? lineCounter.linePos(node.range[0]).line : 1;
	};
	const result = schema.safeParse(doc.toJS());
	const problems: Problem[] = (result.error?.issues ?? []).flatMap((issue) => {
		if (issue.code === 'unrecognized_keys') {
			const fields = fieldsAt(issue.path);
			return issue.keys.map((key) => {
				const [near] = closest(key, fields, 1);
				return {
					path,
					line: lineOf([...issue.path, key]),
					field: fieldName([...issue.path, key]),
					message: `未知字段 ${key}${near ? `，是不是想写 ${near}？` : ''}`,
					allowed: `可用的字段：${fields.join('、')}`,
				};
			});
		}
		return [{ path, line: lineOf(issue.path), field: fieldName(issue.path) || 'YAML', message: issue.message }];
	});
	const image = result.data?.badge?.image;
	if (image && !existsSync(join(publicDir, image))) {
		problems.push({ path, line: lineOf(['badge', 'image']), field: 'badge.image', message: `找不到图片 public/${image}`, allowed: '先把开办者标识图片放进 public/ 文件夹，再写它的路径' });
	}
	return { info: problems.length ? {} : (result.data ?? {}), problems };
}
