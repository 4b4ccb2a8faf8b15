/**
 * The filters of the search page, in the order it shows them. The names are the Chinese labels the
 * page shows; pages set them with `data-pagefind-filter` and the page reads them back from Pagefind.
 */
export const searchFilters = {
	report: '报告',
	year: '年份',
	kind: '类型',
	section: '板块',
	owner: '责任单位',
	status: '状态',
} as const;
