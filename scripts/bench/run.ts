/**
 * `npm run bench`: builds the real site from synthetic content of 100, 1,000 and 5,000 entries
 * and reports, per size, the build time with and without Pagefind (median of 3 cold builds),
 * pages per second, peak memory, output and search-index size, what a first search downloads,
 * the median query time and the time of a rebuild after one file changes. Writes the table to
 * BENCHMARKS.md (between its bench markers) with the machine it ran on.
 *
 *   npm run bench                      the full matrix (20–30 minutes on 2 cores)
 *   npm run bench -- --quick           one build per variant, 100 and 1,000 entries; prints only
 *   npm run bench -- --sizes=300 --runs=1 --keep
 *   npm run bench -- --from=/tmp/suzhou-bench-….json --write   the table again from a run's raw results
 *
 * Each size builds in its own copy of the project under the system's temp folder (see
 * workspace.ts): nothing is written into content/, dist/ or the project's .astro/.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateContent, touchEntry } from './generate';
import { measure, type Measured } from './measure';
import { measureSearch, sampleQueries, type SearchCost } from './search';
import { routeOf, siteSize, type PageSize, type SiteSize } from './site';
import { median } from './stats';
import { createWorkspace, searchIntegrationName, type Workspace } from './workspace';

const projectRoot = join(import.meta.dirname, '..', '..');

/** The issue's targets for this 2-core machine. */
export const targets = {
	buildSeconds: 60,
	pagesPerSecond: 80,
	peakMiB: 2048,
	pageGzip: 60 * 1024,
	firstSearchBytes: 300 * 1024,
	rebuildRatio: 0.25,
	/**
	 * Linear growth: each step up in size may cost at most this much more time per entry than the
	 * step before it (fixed start-up time makes the first step the dearest, so ≤ 1 is the norm).
	 */
	marginalGrowth: 1.25,
};

interface Build extends Measured {
	/**
	 * Where the time went, from Astro's log: content sync and types, Vite's bundle, page rendering,
	 * Pagefind, and what ran outside Astro (start-up, moving dist/ into place; the content check runs beside Astro).
	 */
	phases: { sync: number | undefined; bundle: number | undefined; render: number | undefined; pagefind: number | undefined; outside: number | undefined };
}

/** "1m 24s", "28.80s" or "410ms" as seconds. */
function seconds(text: string): number {
	const minutes = /(\d+)m(?!s)/.exec(text)?.[1];
	const secs = /([\d.]+)s\b/.exec(text)?.[1];
	const ms = /([\d.]+)ms\b/.exec(text)?.[1];
	return Number(minutes ?? 0) * 60 + Number(secs ?? 0) + Number(ms ?? 0) / 1000;
}

function phasesOf(output: string, wall: number): Build['phases'] {
	const at = (pattern: RegExp) => {
		const match = pattern.exec(output)?.[1];
		return match === undefined ? undefined : seconds(match);
	};
	const pagefindMs = /Pagefind indexed \d+ records in (\d+) ms/.exec(output)?.[1];
	const astroTotal = at(/page\(s\) built in ([\dm .]+s)/);
	return {
		sync: at(/\[types\] Generated ([\dm .]+s)/),
		bundle: at(/\[vite\] ✓ built in ([\dm .]+s)/),
		// The page-generation step logs its total on a line of its own, without a [label].
		render: at(/^\S+ ✓ Completed in ([\dm .]+s)\.$/m),
		pagefind: pagefindMs === undefined ? undefined : Number(pagefindMs) / 1000,
		outside: astroTotal === undefined ? undefined : Math.max(0, wall - astroTotal),
	};
}

interface SizeResult {
	entries: number;
	achievements: number;
	measures: number;
	years: number[];
	pages: number;
	withoutSearch: Build[];
	withSearch: Build[];
	rebuilds: Build[];
	site: Omit<SiteSize, 'pages'> & { largest: PageSize[]; overBudget: PageSize[]; largestByRoute: PageSize[] };
	search: SearchCost;
}

const mib = (bytes: number) => bytes / 1024 / 1024;
const kib = (bytes: number) => bytes / 1024;
const fixed = (value: number, digits = 1) => value.toFixed(digits);

function log(message: string) {
	process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/**
 * The site's own build: `npm run build` (scripts/build.ts: the content check, then `astro build`
 * into a staging folder that replaces dist/), or plain `astro build` where the project has no
 * such script.
 */
function buildCommand(ws: Workspace): string[] {
	const config = ['--config', 'astro.bench.config.mjs'];
	if (existsSync(join(ws.root, 'scripts', 'build.ts'))) return ['--import', 'tsx', 'scripts/build.ts', ...config];
	return [join(ws.root, 'node_modules/astro/bin/astro.mjs'), 'build', ...config];
}

async function build(ws: Workspace, search: boolean, label: string): Promise<Build> {
	const args = buildCommand(ws);
	const result = await measure(process.execPath, args, {
		cwd: ws.root,
		env: { ...process.env, CONTENT_DIR: ws.content, SITE_OUT_DIR: ws.dist, BENCH_SEARCH: search ? 'on' : 'off', ASTRO_TELEMETRY_DISABLED: '1' },
		log: join(ws.root, `build-${label}.log`),
	});
	const indexed = existsSync(join(ws.dist, 'pagefind', 'pagefind.js'));
	if (indexed !== search) throw new Error(`Build "${label}" ${indexed ? 'made' : 'did not make'} a Pagefind bundle: is the search integration still named "${searchIntegrationName}"?`);
	return { ...result, phases: phasesOf(result.output, result.seconds) };
}

/** A build from nothing: no output and no content-layer cache. */
async function coldBuild(ws: Workspace, search: boolean, label: string) {
	rmSync(ws.dist, { recursive: true, force: true });
	rmSync(ws.cache, { recursive: true, force: true });
	return build(ws, search, label);
}

async function benchSize(entries: number, runs: number, keep: boolean): Promise<SizeResult> {
	const ws = createWorkspace(projectRoot, String(entries));
	try {
		const content = generateContent({ entries, outDir: ws.content });
		log(`${entries} entries (${content.achievements} achievements, ${content.measures} measures, ${content.years[0]}–${content.years.at(-1)}) in ${ws.root}`);
		const withoutSearch: Build[] = [];
		const withSearch: Build[] = [];
		// Alternate the variants so that a burst of load on the shared machine hits both alike.
		for (let run = 1; run <= runs; run++) {
			withoutSearch.push(await coldBuild(ws, false, `plain-${run}`));
			log(`  build without Pagefind #${run}: ${fixed(withoutSearch.at(-1)!.seconds)} s, ${fixed(withoutSearch.at(-1)!.peakMiB, 0)} MiB`);
			withSearch.push(await coldBuild(ws, true, `search-${run}`));
			log(`  build with Pagefind #${run}: ${fixed(withSearch.at(-1)!.seconds)} s, ${fixed(withSearch.at(-1)!.peakMiB, 0)} MiB`);
		}
		const { pages, ...size } = siteSize(ws.dist);
		const search = await measureSearch(ws.dist, ws.root);
		log(`  first search ${fixed(kib(search.firstSearchBytes))} KiB gzip, median query ${fixed(search.medianQueryMs)} ms`);
		// One editor's change on top of the last full build: the content-layer cache and dist/ are warm.
		const rebuilds: Build[] = [];
		for (let run = 1; run <= runs; run++) {
			touchEntry(content.sampleEntry, run);
			rebuilds.push(await build(ws, true, `rebuild-${run}`));
			log(`  rebuild after one file changed #${run}: ${fixed(rebuilds.at(-1)!.seconds)} s`);
		}
		const byRoute = new Map<string, PageSize>();
		for (const page of pages) if (!byRoute.has(routeOf(page.path))) byRoute.set(routeOf(page.path), page);
		return {
			entries,
			achievements: content.achievements,
			measures: content.measures,
			years: content.years,
			pages: pages.length,
			withoutSearch,
			withSearch,
			rebuilds,
			site: { ...size, largest: pages.slice(0, 5), overBudget: pages.filter((p) => p.gzip > targets.pageGzip), largestByRoute: [...byRoute.values()] },
			search,
		};
	} finally {
		if (keep) log(`  kept ${ws.root}`);
		else ws.remove();
	}
}

const medianOf = (builds: readonly Build[], pick: (b: Build) => number) => median(builds.map(pick));

function machine() {
	const cpu = cpus();
	const versionOf = (name: string) => (JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
	return {
		cpu: `${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length}`,
		memory: `${fixed(totalmem() / 1024 ** 3)} GiB`,
		os: `${type()} ${release()}`,
		node: process.version,
		astro: versionOf('astro'),
		pagefind: versionOf('pagefind'),
		load: loadavg().map((l) => fixed(l, 2)).join(' / '),
	};
}

function table(results: readonly SizeResult[], runs: number) {
	const header = [
		'Entries',
		'Pages',
		`Build without Pagefind (median of ${runs})`,
		`Build with Pagefind (median of ${runs})`,
		'CPU time (with Pagefind)',
		'Pages/s (with Pagefind)',
		'Peak memory',
		'dist/ size',
		'Pagefind index',
		'First search downloads (gzip)',
		'Median query',
		'Rebuild after one file changes',
		'Largest page (gzip)',
	];
	const rows = results.map((r) => {
		const plain = medianOf(r.withoutSearch, (b) => b.seconds);
		const full = medianOf(r.withSearch, (b) => b.seconds);
		const rebuild = medianOf(r.rebuilds, (b) => b.seconds);
		const peak = Math.max(...[...r.withoutSearch, ...r.withSearch, ...r.rebuilds].map((b) => b.peakMiB));
		const largest = r.site.largest[0];
		return [
			r.entries.toLocaleString('en'),
			r.pages.toLocaleString('en'),
			`${fixed(plain)} s`,
			`${fixed(full)} s`,
			`${fixed(medianOf(r.withSearch, (b) => b.cpuSeconds))} s`,
			fixed(r.pages / full, 0),
			`${fixed(peak, 0)} MiB`,
			`${fixed(mib(r.site.totalBytes))} MiB`,
			`${fixed(mib(r.site.searchBytes), 2)} MiB (${r.site.searchFiles} files)`,
			`${fixed(kib(r.search.firstSearchBytes))} KiB`,
			`${fixed(r.search.medianQueryMs)} ms`,
			`${fixed(rebuild)} s (${fixed((rebuild / full) * 100, 0)}%)`,
			largest ? `${fixed(kib(largest.gzip))} KiB \`${largest.path}\`` : '–',
		];
	});
	return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function verdicts(results: readonly SizeResult[]) {
	const largest = results.at(-1);
	if (!largest) return [];
	const full = medianOf(largest.withSearch, (b) => b.seconds);
	const rebuild = medianOf(largest.rebuilds, (b) => b.seconds);
	const peak = Math.max(...results.flatMap((r) => [...r.withoutSearch, ...r.withSearch, ...r.rebuilds].map((b) => b.peakMiB)));
	const page = largest.site.largest[0];
	const check = (ok: boolean, text: string) => `- ${ok ? '✅' : '❌'} ${text}`;
	const lines = [];
	if (results.length >= 2) {
		// Seconds per 1,000 more entries from each size to the next.
		const steps = results.slice(1).map((r, i) => {
			const previous = results[i]!;
			const seconds = medianOf(r.withSearch, (b) => b.seconds) - medianOf(previous.withSearch, (b) => b.seconds);
			return { label: `${previous.entries.toLocaleString('en')}→${r.entries.toLocaleString('en')}`, perThousand: (seconds / (r.entries - previous.entries)) * 1000 };
		});
		const linear = steps.every((step, i) => i === 0 || step.perThousand <= steps[i - 1]!.perThousand * targets.marginalGrowth);
		lines.push(
			check(
				linear,
				`Build time grows linearly in N: ${steps.map((s) => `${fixed(s.perThousand, 1)} s per 1,000 entries from ${s.label}`).join(', ')} (a later step may cost at most ${targets.marginalGrowth}× the one before).`,
			),
		);
	}
	const n = largest.entries.toLocaleString('en');
	lines.push(
		check(full <= targets.buildSeconds, `${n} entries build in ${fixed(full)} s with Pagefind (target ≤ ${targets.buildSeconds} s).`),
		check(largest.pages / full >= targets.pagesPerSecond, `${fixed(largest.pages / full, 0)} pages/s at ${n} entries (target ≥ ${targets.pagesPerSecond}).`),
		check(peak <= targets.peakMiB, `Peak memory ${fixed(peak, 0)} MiB (target ≤ ${targets.peakMiB} MiB).`),
		check(
			largest.site.overBudget.length === 0,
			`Largest page at ${n} entries: ${page ? `${fixed(kib(page.gzip))} KiB gzip (\`${page.path}\`)` : 'none'}; ${largest.site.overBudget.length} page(s) over ${kib(targets.pageGzip)} KiB gzip${largest.site.overBudget.length ? `: ${largest.site.overBudget.slice(0, 8).map((p) => `\`${p.path}\` ${fixed(kib(p.gzip))} KiB`).join(', ')}` : ''}.`,
		),
		check(largest.search.firstSearchBytes <= targets.firstSearchBytes, `A first search at ${n} entries downloads ${fixed(kib(largest.search.firstSearchBytes))} KiB gzip (target ≤ ${kib(targets.firstSearchBytes)} KiB).`),
		check(rebuild / full <= targets.rebuildRatio, `A one-file rebuild takes ${fixed(rebuild)} s, ${fixed((rebuild / full) * 100, 0)}% of a full build (target ≤ ${targets.rebuildRatio * 100}%).`),
	);
	return lines;
}

/** Median time of each phase over some builds, as text. */
function phaseSummary(builds: readonly Build[]) {
	const phase = (name: keyof Build['phases']) => {
		const values = builds.flatMap((b) => (b.phases[name] === undefined ? [] : [b.phases[name]]));
		return values.length ? `${fixed(median(values))} s` : '–';
	};
	return `start-up ${phase('outside')}, content sync ${phase('sync')}, Vite bundle ${phase('bundle')}, page rendering ${phase('render')}, Pagefind ${phase('pagefind')}`;
}

function details(results: readonly SizeResult[]) {
	return results.flatMap((r) => {
		const times = (builds: readonly Build[]) => builds.map((b) => fixed(b.seconds)).join(', ');
		const files = r.search.files.map((f) => `${f.path} ${fixed(kib(Math.min(f.bytes, f.gzip)))}`).join(', ');
		const largest = r.site.largestByRoute
			.slice(0, 8)
			.map((p) => `\`${p.path}\` ${fixed(kib(p.gzip))}`)
			.join(', ');
		return [
			`**${r.entries.toLocaleString('en')} entries** (${r.achievements} achievements, ${r.measures} measures, ${r.years[0]}–${r.years.at(-1)}).`,
			`Builds without Pagefind ${times(r.withoutSearch)} s; with Pagefind ${times(r.withSearch)} s (medians: ${phaseSummary(r.withSearch)}); rebuilds ${times(r.rebuilds)} s (${phaseSummary(r.rebuilds)}).`,
			`The first query (“${sampleQueries[0]}”, ${r.search.firstQueryResults} results) fetched ${r.search.files.length} files (KiB as sent): ${files}.`,
			`Largest page per route: ${largest} KiB gzip.`,
			'',
		];
	});
}

export function report(results: readonly SizeResult[], runs: number, host: ReturnType<typeof machine>, started: Date) {
	return [
		'<!-- bench:start (written by `npm run bench`; edit outside the markers) -->',
		`Run ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${host.cpu}, ${host.memory} RAM, ${host.os}; Node ${host.node}, Astro ${host.astro}, Pagefind ${host.pagefind}; load average at start ${host.load}.`,
		'',
		table(results, runs),
		'',
		...verdicts(results),
		'',
		...details(results),
		'<!-- bench:end -->',
	].join('\n');
}

function writeBenchmarks(section: string) {
	const file = join(projectRoot, 'BENCHMARKS.md');
	const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n<!-- bench:start --><!-- bench:end -->\n';
	const markers = /<!-- bench:start[\s\S]*?<!-- bench:end -->/;
	writeFileSync(file, markers.test(current) ? current.replace(markers, () => section) : `${current.trimEnd()}\n\n${section}\n`);
	log(`wrote ${file}`);
}

async function main() {
	const { values } = parseArgs({
		options: {
			quick: { type: 'boolean', default: false },
			sizes: { type: 'string' },
			runs: { type: 'string' },
			keep: { type: 'boolean', default: false },
			write: { type: 'boolean' },
			from: { type: 'string' },
		},
	});
	if (values.from) {
		// Re-render the section from a run's raw results (its JSON), e.g. after changing the report's wording.
		const saved = JSON.parse(readFileSync(values.from, 'utf8')) as { host: ReturnType<typeof machine>; runs: number; started?: string; results: SizeResult[] };
		const section = report(saved.results, saved.runs, saved.host, saved.started ? new Date(saved.started) : statSync(values.from).mtime);
		process.stdout.write(`\n${section}\n`);
		if (values.write) writeBenchmarks(section);
		return;
	}
	const sizes = (values.sizes ?? (values.quick ? '100,1000' : '100,1000,5000')).split(',').map(Number);
	const runs = Number(values.runs ?? (values.quick ? 1 : 3));
	if (sizes.some((n) => !Number.isInteger(n) || n < 2) || !Number.isInteger(runs) || runs < 1) throw new Error('--sizes takes whole numbers of at least 2 (e.g. 100,1000) and --runs a whole number of at least 1');
	// The table in BENCHMARKS.md is the full matrix; a quick or partial run only prints unless told to write.
	const write = values.write ?? (!values.quick && !values.sizes && !values.runs);
	const started = new Date();
	const host = machine();
	const results: SizeResult[] = [];
	for (const entries of sizes) results.push(await benchSize(entries, runs, values.keep));
	const section = report(results, runs, host, started);
	process.stdout.write(`\n${section}\n`);
	const raw = join(tmpdir(), `suzhou-bench-${started.getTime()}.json`);
	// The build logs stay in the copies (build-*.log with --keep); the raw file keeps the numbers.
	writeFileSync(raw, JSON.stringify({ host, runs, started, results }, (key, value: unknown) => (key === 'output' ? undefined : value), 1));
	log(`raw results in ${raw}`);
	if (write) writeBenchmarks(section);
}

await main();
