/** Text placed inside HTML (or HTML carried in XML, as RSS does) so that it reads as the text itself. */
export const escapeHtml = (text: string) =>
	text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
