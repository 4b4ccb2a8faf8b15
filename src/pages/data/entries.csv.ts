import type { APIRoute } from 'astro';
import { openData, toCsv } from '../../data/open-data';
import { getSite } from '../../data/site';

export const GET: APIRoute = async ({ site }) =>
	new Response(toCsv(openData(await getSite(), site).entries), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
