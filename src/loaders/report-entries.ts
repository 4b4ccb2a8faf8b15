/**
 * The loader of the achievement and measure files: Astro's glob loader, with the `.mdx` files
 * read and rendered as Markdown. The bodies are the report's sentences in paragraphs (and at
 * most lists and headings), never JSX, so Markdown renders them to the same HTML. The gain is
 * scale: the glob loader turns every MDX file into a JavaScript module that Vite compiles and
 * bundles on every build (most of the build time at a few thousand entries, and all of it again
 * when one file changes), while a Markdown body is rendered once into the content-layer store
 * and re-rendered only when its file changes. See BENCHMARKS.md.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';

type GlobOptions = Parameters<typeof glob>[0];

/** What Astro hands the glob loader besides the documented context: the entry type of each extension. */
type GlobContext = LoaderContext & { entryTypes?: Map<string, unknown> };

export function reportEntries(options: GlobOptions): Loader {
	const inner = glob(options);
	return {
		name: 'report-entries',
		load: async (context: GlobContext) => {
			const markdown = context.entryTypes?.get('.md');
			// Without Astro's Markdown entry type (a future Astro may hand it differently), fall back to MDX.
			if (!markdown) {
				context.logger.warn('No Markdown entry type: entries are compiled as MDX modules (slower builds).');
				return inner.load(context);
			}
			const entryTypes = new Map(context.entryTypes);
			entryTypes.set('.mdx', markdown);
			return inner.load({ ...context, entryTypes } as GlobContext);
		},
	};
}
