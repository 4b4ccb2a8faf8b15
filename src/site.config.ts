/** Facts about the site itself, each stated once. */
export const siteConfig = {
	/** The publisher, as it names itself in the report. */
	publisher: '苏州市市场监督管理局',
	/** Site name shown in the header and page titles. */
	name: '苏州市市场监管法治建设工作公开',
	/**
	 * Where the content's Git repository is browsed and edited. Set PUBLIC_REPOSITORY_URL at build
	 * time to the repository's web address; `editUrl` appends `/edit/<branch>/<path>`.
	 */
	repository: {
		url: import.meta.env.PUBLIC_REPOSITORY_URL ?? 'https://github.com/suzhou-amr/rule-of-law-report',
		branch: 'main',
	},
} as const;
