// Each vocabulary is defined once; what derives from it elsewhere (CSS colours, URL paths, the
// scaffold's folders) must cover every value.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryUrl, kindIndexUrl } from '../src/lib/urls';
import { layout } from '../src/tooling/file-schemas';
import { keysOf, kindOfCollection, kindRegistry, statusLabels, statusStyle, type Status } from '../src/vocabulary';

const css = readFileSync('src/styles/global.css', 'utf8');
const stackedBar = readFileSync('src/components/StackedBar.astro', 'utf8');
const statuses = Object.keys(statusLabels) as Status[];

describe('statuses', () => {
	it.each(statuses)('%s has a colour token in light, dark and 高对比度, a badge colour and a bar colour', (status) => {
		const { className, segment, token } = statusStyle(status);
		expect(css.match(new RegExp(`${token}: #[0-9a-f]{6};`, 'g'))).toHaveLength(3);
		expect(css).toMatch(new RegExp(`\\.${className} \\{\\s*color: var\\(${token}\\);`));
		expect(stackedBar).toMatch(new RegExp(`\\.${segment} \\{\\s*fill: var\\(${token}\\);`));
	});
});

describe('kinds', () => {
	it.each(keysOf(kindRegistry))('%s: its collection, folder and URL path come from the registry', (kind) => {
		const { collection, folder, path } = kindRegistry[kind];
		expect(kindOfCollection(collection)).toBe(kind);
		expect(layout[collection].folder).toBe(folder);
		expect(kindIndexUrl(kind)).toBe(`/${path}/`);
		expect(entryUrl(kind, 'x')).toBe(`/${path}/x/`);
	});
});
