/**
 * Sveltia CMS ships its fonts in its npm package but also declares them in a component's CSS with
 * addresses on a public CDN, which the browser then fetches. This Vite plugin points those
 * addresses at the package's own files, which Vite then bundles like any asset, and fails the
 * build if an address of another host is left (a new CMS version would then need a look).
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const cdnFont = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+)\.woff2/g;

export function bundledCmsFonts(): Plugin {
	const entry = createRequire(import.meta.url).resolve('@sveltia/cms');
	const assets = join(dirname(entry), 'assets');
	const files = readdirSync(assets).filter((file) => file.endsWith('.woff2'));
	return {
		name: 'bundled-cms-fonts',
		enforce: 'pre',
		transform(code, id) {
			if (id.split('?')[0] !== entry) return undefined;
			const rewritten = code.replace(cdnFont, (address, family: string, subset: string) => {
				const file = files.find((name) => name.startsWith(`${family}-${subset}-`));
				if (!file) throw new Error(`No bundled font in @sveltia/cms for ${address}`);
				// The CSS sits in a template literal: Vite resolves new URL(…, import.meta.url) to the asset.
				return `\${new URL(${JSON.stringify(`./assets/${file}`)}, import.meta.url).href}`;
			});
			if (/cdn\.jsdelivr\.net\/fontsource/.test(rewritten)) throw new Error('@sveltia/cms still loads a font from a CDN: update src/cms/vite-fonts.ts');
			return { code: rewritten, map: null };
		},
	};
}
