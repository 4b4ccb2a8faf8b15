/** The site's main navigation, as data: the header renders it, the site map and tests read it. */
import { kinds } from '../vocabulary';
import { figuresUrl, kindIndexUrl, ownerIndexUrl, progressUrl, reportsUrl, sourceUrl } from './urls';

export interface NavItem {
	href: string;
	label: string;
}

export const navigation: readonly NavItem[] = [
	{ href: reportsUrl(), label: '年度报告' },
	{ href: kindIndexUrl('achievement'), label: kinds.achievement },
	{ href: kindIndexUrl('measure'), label: kinds.measure },
	{ href: progressUrl(), label: '进展' },
	{ href: ownerIndexUrl(), label: '责任单位' },
	{ href: figuresUrl(), label: '数说' },
	{ href: sourceUrl(), label: '报告原文' },
];
