/**
 * Reading a built site from disk for the quality tests: its HTML pages, their DOM (html-validate's
 * own parser, so no extra dependency), and a check that every internal link, asset and #anchor
 * resolves to a file the host would serve.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { HtmlValidate, Parser, type HtmlElement } from 'html-validate';

/** html-validate's recommended rules (including its WCAG checks), none switched off. */
export const htmlValidate = new HtmlValidate({ extends: ['html-validate:recommended'] });
const parser = new Parser(htmlValidate.getConfigForSync('page.html'));

export interface BuiltPage {
	/** Path of the file inside the built folder, with `/` separators: `measures/x/index.html`. */
	file: string;
	/** The address the page is served at, with the base: `/plan/measures/x/`. */
	path: string;
	html: string;
}

/** Every file under `dir`, relative, with `/` separators. */
export function filesIn(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((file) => statSync(join(dir, file)).isFile())
		.map((file) => file.split(sep).join('/'))
		.sort();
}

/** Every HTML page of a built site, with the address it is served at under `base`. */
/** The CMS's folder in the built site. */
export const adminFolder = 'admin';

export function htmlPages(dir: string, base = '/'): BuiltPage[] {
	return filesIn(dir)
		// /admin/ is the staff's CMS, not a public page: its own CSP and script budget, tested in
		// tests/quality-admin.test.ts and tests/e2e/cms.e2e.ts.
		.filter((file) => file.endsWith('.html') && !file.startsWith(`${adminFolder}/`))
		.map((file) => ({
			file,
			path: base + file.replace(/(^|\/)index\.html$/, '$1'),
			html: readFileSync(join(dir, file), 'utf8'),
		}));
}

/** A page's DOM, from html-validate's parser. */
export const parse = (html: string): HtmlElement => parser.parseHtml(html);

/** html-validate hands attribute values over as written; URLs in them may hold entities. */
export const decodeEntities = (value: string) =>
	value
		.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
		.replace(/&#x([\da-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

/** Attributes that make the browser load or go somewhere. */
const linkAttributes = [
	['a', 'href'],
	['area', 'href'],
	['link', 'href'],
	['script', 'src'],
	['img', 'src'],
	['iframe', 'src'],
	['source', 'src'],
	['form', 'action'],
] as const;

export interface Link {
	element: string;
	value: string;
}

/** Every URL a page links to or loads, as written in its attributes. */
export function linksOf(html: string): Link[] {
	const root = parse(html);
	return linkAttributes.flatMap(([tag, attribute]) =>
		root.querySelectorAll(`${tag}[${attribute}]`).map((element) => ({
			element: `<${tag} ${attribute}>`,
			value: decodeEntities(element.getAttributeValue(attribute) ?? ''),
		})),
	);
}

/** The ids (and legacy `<a name>`s) a page offers as #anchors. */
export function anchorsOf(html: string): Set<string> {
	const root = parse(html);
	return new Set([
		...root.querySelectorAll('[id]').map((element) => decodeEntities(element.id ?? '')),
		...root.querySelectorAll('a[name]').map((element) => decodeEntities(element.getAttributeValue('name') ?? '')),
	]);
}

/**
 * Checks every internal link of every page of the site built in `dir` under `base`: the file it
 * points to exists (a directory only with its trailing slash, as the site writes every URL), and
 * its #anchor is an id on the target page. `origin` is the public address, when the build had one:
 * absolute links to it count as internal. Returns one line per broken link; external links to
 * other hosts are not followed (the tests run offline).
 */
export function brokenLinks(dir: string, base = '/', origin?: string): string[] {
	const pages = htmlPages(dir, base);
	const anchors = new Map<string, Set<string>>();
	const anchorsAt = (file: string) => {
		if (!anchors.has(file)) anchors.set(file, anchorsOf(readFileSync(join(dir, file), 'utf8')));
		return anchors.get(file)!;
	};
	const problems: string[] = [];
	for (const page of pages) {
		const pageUrl = new URL(page.path, 'http://site.invalid');
		for (const { element, value } of linksOf(page.html)) {
			if (/^(mailto|tel):/.test(value)) continue;
			if (value === '' || value === '#') {
				problems.push(`${page.path}: ${element} "${value}" goes nowhere`);
				continue;
			}
			const absolute = origin && value.startsWith(origin) ? value.slice(origin.length) || '/' : value;
			const target = new URL(absolute, pageUrl);
			if (target.origin !== pageUrl.origin) continue;
			const where = `${page.path}: ${element} "${value}"`;
			const pathname = decodeURIComponent(target.pathname);
			if (!pathname.startsWith(base)) {
				problems.push(`${where} is outside the base ${base}`);
				continue;
			}
			const inside = pathname.slice(base.length);
			const file = inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside;
			if (!existsSync(join(dir, file)) || !statSync(join(dir, file)).isFile()) {
				const hint = existsSync(join(dir, inside, 'index.html')) ? ' (a folder: the URL needs its trailing slash)' : '';
				problems.push(`${where} points to no file${hint}`);
				continue;
			}
			const anchor = decodeURIComponent(target.hash.slice(1));
			if (target.hash && !file.endsWith('.html')) problems.push(`${where} has an #anchor on a file that is not a page`);
			else if (target.hash && !anchorsAt(file).has(anchor)) problems.push(`${where}: ${file} has no id="${anchor}"`);
		}
	}
	return problems;
}
