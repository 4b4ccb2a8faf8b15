import { getViteConfig } from 'astro/config';

/**
 * Two speeds. `unit`: pure logic on in-memory or fixture data (the linker, progress rules, the
 * checker, schemas, URLs) and components rendered alone with the Container API; it never builds
 * the site, so `npm run test:unit` is the fast loop. `site`: everything that builds a site or runs
 * a command; the real site is built once for all of them (tests/setup/build-site.ts). `npm test`
 * runs both. Astro's Vite config compiles the .astro components the unit tests render.
 */
const site = [
	'tests/bench-generator.test.ts',
	'tests/check-cli.test.ts',
	'tests/check-staged.test.ts',
	'tests/editions-site.test.ts',
	'tests/gitlab-ci.test.ts',
	'tests/govsite.test.ts',
	'tests/nginx.test.ts',
	'tests/import-cli.test.ts',
	'tests/progress-site.test.ts',
	'tests/quality-*.test.ts',
	'tests/real-edit.test.ts',
	'tests/scale-site.test.ts',
	'tests/search-index.test.ts',
	'tests/search.test.ts',
	'tests/site.test.ts',
];

export default getViteConfig({
	test: {
		// One worker per core. Vitest's default keeps a core for its main process, which here has
		// little to do: on two cores that ran every file in one worker (unit 9.9 → 7.6 s, site
		// 170 → 121 s, measured alternating).
		maxWorkers: '100%',
		projects: [
			// Unit tests are pure functions over their own data (no mocks, no environment changes), so
			// they share one module graph instead of importing Astro's Vite pipeline once per file.
			{ extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...site, 'tests/e2e/**'], isolate: false } },
			{ extends: true, test: { name: 'site', include: site, globalSetup: ['tests/setup/build-site.ts'] } },
		],
	},
});
