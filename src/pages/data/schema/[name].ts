/**
 * The JSON Schema of each kind of content file, for editors and anyone re-using the open data:
 * /data/schema/measure.json, achievement.json, section.json, owner.json. Generated at build time
 * from the same Zod schemas the site validates with, so it cannot drift from them.
 */
import type { APIRoute, GetStaticPaths, InferGetStaticParamsType } from 'astro';
import { collectionNames } from '../../../tooling/file-schemas';
import { schemaFileNames, serializeSchema } from '../../../tooling/json-schema';

export const getStaticPaths = (() => collectionNames.map((collection) => ({ params: { name: schemaFileNames[collection] } }))) satisfies GetStaticPaths;

type Params = InferGetStaticParamsType<typeof getStaticPaths>;

export const GET: APIRoute<Record<string, never>, Params> = ({ params }) => {
	const collection = collectionNames.find((c) => schemaFileNames[c] === params.name);
	if (!collection) return new Response(null, { status: 404 });
	return new Response(serializeSchema(collection), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
