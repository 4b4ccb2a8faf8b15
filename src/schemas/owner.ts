import { z } from 'astro/zod';

/** A responsible body the report names. The file name is its id. */
export const owner = z.strictObject({
	/** Full name, as the body calls itself. */
	name: z.string().trim().min(1),
	/** The short form the report uses (e.g. 苏州局, 市知识产权局). */
	shortName: z.string().trim().min(1),
});
