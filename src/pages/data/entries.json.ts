import type { APIRoute } from 'astro';
import { openData } from '../../data/open-data';
import { getSite } from '../../data/site';

export const GET: APIRoute = async ({ site }) =>
	new Response(JSON.stringify(openData(await getSite(), site), null, '\t'), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
