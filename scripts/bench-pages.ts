/**
 * `npm run bench:pages`: builds the site into a temporary folder, prints what each page type weighs
 * (the heaviest page of the type; gzip bytes of HTML and CSS, bytes of JavaScript), then serves it
 * on 127.0.0.1 and runs Lighthouse (Debian's Chromium, mobile defaults with simulated throttling)
 * on /, a measure, /progress/ and /search/, printing the median of each category score.
 *
 *   npm run bench:pages                 # 3 Lighthouse runs per page
 *   npm run bench:pages -- --runs 5
 *   npm run bench:pages -- --no-lighthouse
 *
 * A benchmark, not a test: the budgets are enforced by tests/quality-budgets.test.ts.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { pageTypes } from '../tests/a11y/browser';
import { htmlPages } from '../tests/a11y/site';
import { budgets, pageWeight, type PageWeight } from '../tests/a11y/weights';
import { chromiumArgs, serveSite } from '../tests/e2e/harness';

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'no-lighthouse': { type: 'boolean', default: false } } });
const runs = Math.max(1, Number(options.runs));
const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'bench-pages-'));
const base = '/';

try {
	console.log('构建网站 …');
	const { BASE_URL, ...env } = process.env;
	execFileSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
		cwd: root,
		env: { ...env, SITE_OUT_DIR: dir, SITE_BASE: base },
		stdio: ['ignore', 'ignore', 'inherit'],
	});

	printWeights();
	if (!options['no-lighthouse']) await lighthouseScores();
} finally {
	rmSync(dir, { recursive: true, force: true });
}

function printWeights() {
	const pages = htmlPages(dir, base);
	const weights = pages.map((page) => pageWeight(dir, page, base));
	const typeOf = (path: string) => {
		const inside = path.slice(base.length);
		return inside.split('/').length > 2 ? inside.replace(/[^/]+\/$/, '*/') : inside;
	};
	const heaviest = new Map<string, PageWeight>();
	for (const weight of weights) {
		const type = typeOf(weight.path);
		const current = heaviest.get(type);
		if (!current || weight.html + weight.css > current.html + current.css) heaviest.set(type, weight);
	}
	const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(5);
	console.log(`\n页面重量（每类中最重的一页；HTML、CSS 为 gzip 字节，预算 ${budgets.htmlAndCss / 1024} KB）`);
	console.log(`${'类型'.padEnd(24)}${'页面'.padEnd(52)}  HTML   CSS  合计 |  JS 原始/gzip`);
	for (const [type, w] of [...heaviest].sort(([a], [b]) => a.localeCompare(b))) {
		const over = w.html + w.css > budgets.htmlAndCss ? '  超出预算' : '';
		console.log(`/${type.padEnd(23)}${w.path.padEnd(52)}${kb(w.html)} ${kb(w.css)} ${kb(w.html + w.css)} | ${kb(w.js)} ${kb(w.jsGzip)}${over}`);
	}
	console.log(`(${weights.length} 个页面；KB = 1024 字节)`);
}

async function lighthouseScores() {
	const site = await serveSite({ root: dir, base });
	try {
		const measure = pageTypes(htmlPages(dir, base).map((p) => p.path.slice(base.length))).find((p) => p.startsWith('measures/') && p !== 'measures/');
		const targets = ['', measure ?? 'measures/', 'progress/', 'search/'];
		const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
		console.log(`\nLighthouse（${runs} 次的中位数；移动端默认设置，模拟限速）`);
		console.log(`${'页面'.padEnd(52)}${categories.map((c) => c.padStart(15)).join('')}`);
		for (const target of targets) {
			const scores: Awaited<ReturnType<typeof lighthouse>>[] = [];
			// One run at a time: the machine has two cores, and runs in parallel would skew the timings.
			for (let run = 0; run < runs; run++) scores.push(await lighthouse(site.url(target)));
			const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
			const row = categories.map((c) => String(median(scores.map((s) => s[c]))).padStart(15)).join('');
			console.log(`/${target.padEnd(51)}${row}`);
			const metric = (id: string) => median(scores.map((s) => s.metrics[id] ?? 0));
			console.log(
				`    FCP ${(metric('first-contentful-paint') / 1000).toFixed(2)} s · LCP ${(metric('largest-contentful-paint') / 1000).toFixed(2)} s · TBT ${Math.round(metric('total-blocking-time'))} ms · CLS ${metric('cumulative-layout-shift').toFixed(3)} · SI ${(metric('speed-index') / 1000).toFixed(2)} s`,
			);
			const failing = [...new Set(scores.flatMap((s) => s.failing))];
			if (failing.length > 0) console.log(`    未满分的审核：${failing.join('、')}`);
		}
	} finally {
		await site.close();
	}
}

/**
 * One Lighthouse run: the four category scores (0–100) and the scored audits that did not pass.
 * Asynchronous, so that this process's own server keeps answering Lighthouse's requests.
 */
async function lighthouse(url: string) {
	const output = join(dir, 'lighthouse.json');
	const userDataDir = mkdtempSync(join(tmpdir(), 'lighthouse-profile-'));
	try {
		await promisify(execFile)(
			process.execPath,
			[
				join(root, 'node_modules/lighthouse/cli/index.js'),
				url,
				'--quiet',
				'--output=json',
				`--output-path=${output}`,
				'--only-categories=performance,accessibility,best-practices,seo',
				`--chrome-flags=${[...chromiumArgs, `--user-data-dir=${userDataDir}`].join(' ')}`,
			],
			{ env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } },
		);
		const report = JSON.parse(readFileSync(output, 'utf8')) as {
			categories: Record<string, { score: number; auditRefs: { id: string; weight: number }[] }>;
			audits: Record<string, { score: number | null; numericValue?: number }>;
		};
		const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
		const failing = Object.values(report.categories)
			.flatMap((category) => category.auditRefs)
			.filter((ref) => ref.weight > 0 && report.audits[ref.id]?.score !== null && (report.audits[ref.id]?.score ?? 1) < 1)
			.map((ref) => ref.id);
		const metricIds = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
		const metrics = Object.fromEntries(metricIds.map((id) => [id, report.audits[id]?.numericValue ?? 0]));
		return { metrics, performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo'), failing };
	} finally {
		rmSync(userDataDir, { recursive: true, force: true });
	}
}
