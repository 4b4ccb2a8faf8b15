/**
 * The site information of this build (`content/site.yaml`, read by src/tooling/site-info-file.ts).
 * The footer and the page metadata show what it sets and nothing else; a wrong file stops the
 * build with the file, line and field, as `npm run check` reports it.
 */
import { siteConfig } from '../site.config';
import { readSiteInfo, siteInfoFile, type SiteInfo } from '../tooling/site-info-file';
import { formatProblem } from '../tooling/problems';

export type { SiteInfo } from '../tooling/site-info-file';

/** The checked site information, or an error that lists every problem in it. */
export function loadSiteInfo(file = siteInfoFile()): SiteInfo {
	const { info, problems } = readSiteInfo(file);
	if (problems.length) throw new Error(`网站信息文件有误，网站没有生成：\n${problems.map(formatProblem).join('\n')}`);
	return info;
}

export const siteInfo = loadSiteInfo();

/** The site's name: as registered (site.yaml `name`), else the project's own. */
export const siteName = siteInfo.name ?? siteConfig.name;
