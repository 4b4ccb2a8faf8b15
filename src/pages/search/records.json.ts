// Build-time input for the search index (src/integrations/pagefind.ts reads and then deletes it):
// sections and paragraphs of the reports have no page of their own, so their records come from data.
import type { APIRoute } from 'astro';
import { getSite } from '../../data/site';
import { paragraphRecord, sectionRecord, type SearchRecords } from '../../lib/search-records';

export const GET: APIRoute = async () => {
	const { sections, reports } = await getSite();
	const base = import.meta.env.BASE_URL;
	const records: SearchRecords = {
		records: [...sections.map((s) => sectionRecord(s, base)), ...reports.flatMap((r) => r.paragraphs.map((p) => paragraphRecord(p, r, base)))],
	};
	return new Response(JSON.stringify(records));
};
