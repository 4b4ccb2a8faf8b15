import type { z } from 'astro/zod';

/** The collections one entry may point at. */
export type LinkedCollection = 'reports' | 'owners' | 'sections' | 'achievements' | 'measures';

/**
 * Makes the schema of a link to another collection. The site passes Astro's `reference()`, so a
 * link resolves to `{ collection, id }`; tools that run outside Astro pass a plain id schema and
 * check that the id exists themselves.
 */
export type ReferenceFactory<R extends z.ZodType = z.ZodType> = (collection: LinkedCollection) => R;

/** A link as Astro's `reference()` resolves it, and so as the linker reads it. */
export interface Link {
	collection: string;
	id: string;
}
