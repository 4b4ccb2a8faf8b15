import type { APIRoute } from 'astro';
import { openData } from '../../data/open-data';
import { getReport } from '../../data/report';

export const GET: APIRoute = async ({ site }) =>
	new Response(JSON.stringify(openData(await getReport(), site), null, '\t'), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
