/** Facts about the site itself, each stated once. */
export const siteConfig = {
	/** The publisher, as it names itself in the report. */
	publisher: '苏州市市场监督管理局',
	/** Site name shown in the header and page titles. */
	name: '苏州市市场监管法治建设工作公开',
	/**
	 * Where the content's Git repository is browsed and edited: from PUBLIC_REPOSITORY_URL or the
	 * checkout's `origin`, resolved at build time (src/lib/repository.ts); undefined when unknown,
	 * and then no page links to it.
	 */
	repository: typeof __SITE_REPOSITORY__ === 'undefined' ? undefined : (__SITE_REPOSITORY__ ?? undefined),
} as const;
