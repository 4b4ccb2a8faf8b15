import type { APIRoute } from 'astro';
import { openData, toCsv } from '../../data/open-data';
import { getReport } from '../../data/report';

export const GET: APIRoute = async ({ site }) =>
	new Response(toCsv(openData(await getReport(), site).entries), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
