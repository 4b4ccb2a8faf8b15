// Build-time input for the search index (src/integrations/pagefind.ts reads and then deletes it):
// sections and paragraphs of the report have no page of their own, so their records come from data.
import type { APIRoute } from 'astro';
import { getReport } from '../../data/report';
import { paragraphRecord, sectionRecord, type SearchRecords } from '../../lib/search-records';

export const GET: APIRoute = async () => {
	const { sections, paragraphs } = await getReport();
	const base = import.meta.env.BASE_URL;
	const records: SearchRecords = {
		records: [...sections.map((s) => sectionRecord(s, base)), ...paragraphs.map((p) => paragraphRecord(p, base))],
	};
	return new Response(JSON.stringify(records));
};
