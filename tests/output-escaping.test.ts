// Each output medium carries content as the text it is: the feed as plain text for readers that
// render HTML, CSV cells that no spreadsheet runs as formulas, JSON-LD that no text can end
// early, and body links that only go where a link may go.
import { getRssString } from '@astrojs/rss';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { feedOptions, type FeedUpdate } from '../src/data/feed';
import { csvCell, toCsv } from '../src/data/open-data';
import { isSafeHref } from '../src/lib/safe-url';
import safeLinks from '../src/markdown/safe-links';
import { scriptJson } from '../src/quality/structured-data';

const decodeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** What a feed reader that renders HTML shows of an element's text: one XML decoding, then HTML. */
const readerSees = (xmlText: string) => {
	const html = decodeXml(xmlText);
	expect(html, 'no markup reaches the reader').not.toMatch(/<[a-z!/]/i);
	return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
};

describe('the feed', () => {
	const update = (note: string, title = '测试举措'): FeedUpdate => ({
		measure: { title, owner: { name: '测试单位' }, section: { title: '测试部分' } },
		update: { status: 'in-progress', url: '/measures/x/#update-2024-06-20', date: new Date(Date.UTC(2024, 5, 20)), note },
	});
	const item = async (entry: FeedUpdate) => {
		const xml = await getRssString(feedOptions([entry], new URL('https://example.test/plan/')));
		const [, itemXml = ''] = /<item>([\s\S]*?)<\/item>/.exec(xml) ?? [];
		const one = (name: string) => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(itemXml)?.[1] ?? '';
		return { xml, title: one('title'), description: one('description') };
	};

	it('carries a note with markup as those characters, escaped twice', async () => {
		const { description } = await item(update('<b>加粗</b> & <script>alert(1)</script> &amp;'));
		expect(description).toBe('&amp;lt;b&amp;gt;加粗&amp;lt;/b&amp;gt; &amp;amp; &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;amp;amp;');
		expect(readerSees(description)).toBe('<b>加粗</b> & <script>alert(1)</script> &amp;');
	});

	it('carries a title with markup as text too', async () => {
		const { title } = await item(update('进展。', '<img src=x onerror=alert(1)>举措'));
		expect(readerSees(title)).toBe('<img src=x onerror=alert(1)>举措：推进中');
	});

	it('leaves plain Chinese text as it is', async () => {
		const { description } = await item(update('各县级市（区）同步开展。'));
		expect(description).toBe('各县级市（区）同步开展。');
	});
});

describe('CSV cells', () => {
	it.each([
		['=HYPERLINK("http://x","点我")', `"'=HYPERLINK(""http://x"",""点我"")"`],
		['+1', `"'+1"`],
		['-1+2', `"'-1+2"`],
		['@SUM(A1)', `"'@SUM(A1)"`],
		['\t=1', `"'\t=1"`],
		['\r=1', `"'\r=1"`],
	])('neutralises %j, which a spreadsheet would run as a formula', (value, cell) => {
		expect(csvCell(value)).toBe(cell);
	});

	it('leaves other text and numbers as they are', () => {
		expect(csvCell('公平竞争审查')).toBe('公平竞争审查');
		expect(csvCell('甲,乙')).toBe('"甲,乙"');
		expect(csvCell('a=b')).toBe('a=b');
		expect(csvCell(2024)).toBe('2024');
		expect(csvCell(-3)).toBe('-3');
	});

	it('applies to every row of the file', () => {
		expect(toCsv([{ id: 'a', title: '=1+1' }])).toBe(`\uFEFFid,title\r\na,"'=1+1"\r\n`);
	});
});

describe('JSON-LD', () => {
	it('cannot close its <script> element and parses back to the same data', () => {
		const data = { name: '</script><script>alert(1)</script>', description: '<!-- a & b -->', note: 'x\u2028y' };
		const json = scriptJson(data);
		expect(json).not.toMatch(/[<>&\u2028]/);
		expect(JSON.parse(json)).toEqual(data);
	});
});

describe('body links', () => {
	it.each([
		'https://www.samr.gov.cn/',
		'HTTP://example.test/a',
		'/measures/x/',
		'#p3',
		'?q=1',
		'../x/',
	])('allows %j', (href) => expect(isSafeHref(href)).toBe(true));

	it.each([
		'javascript:alert(1)',
		'JaVaScRiPt:alert(1)',
		' javascript:alert(1)',
		'java\tscript:alert(1)',
		'java\nscript:alert(1)',
		'\u0000javascript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'vbscript:msgbox(1)',
		'file:///etc/passwd',
		'mailto:a@b.c',
		'//evil.example/',
		'/\\evil.example/',
	])('refuses %j', (href) => expect(isSafeHref(href)).toBe(false));

	const render = async (markdown: string) => {
		const processor = await createMarkdownProcessor({ rehypePlugins: [safeLinks] });
		return (await processor.render(markdown)).code;
	};

	it('renders a safe link as a link', async () => {
		expect(await render('见[总局网站](https://www.samr.gov.cn/)。')).toBe('<p>见<a href="https://www.samr.gov.cn/">总局网站</a>。</p>');
	});

	it.each([
		['a Markdown link', '[点我](javascript:alert(1))'],
		['an entity-encoded scheme', '[点我](&#106;&#97;vascript:alert(1))'],
		['raw HTML with a tab entity inside the scheme', '<a href="java&#x09;script:alert(1)">点我</a>'],
		['mixed case with spaces', '[点我](   JaVaScript:alert(1) )'],
		['a data: address', '[点我](data:text/html;base64,PHNjcmlwdD4=)'],
		['a vbscript: address', '[点我](vbscript:msgbox)'],
		['a reference link', '[点我][x]\n\n[x]: javascript:alert(1)'],
		['an autolink', '<javascript:alert(1)>'],
		['raw HTML', '<a href="&#x6A;avascript:alert(1)">点我</a>'],
	])('drops the link of %s, keeping its words', async (_, markdown) => {
		const html = await render(markdown);
		expect(html).not.toMatch(/href|<a/i);
		expect(html).toMatch(/点我|alert/);
	});

	it('drops handlers, scripts and unsafe sources in raw HTML', async () => {
		const html = await render('<p onclick="alert(1)">原文</p><img src="javascript:alert(1)"><script>alert(1)</script><iframe src="https://x.test/"></iframe>');
		expect(html).toBe('<p>原文</p><img>');
	});
});

describe('the site config', () => {
	it('renders every body through the safe-links step', async () => {
		const { default: config } = await import('../astro.config.mjs');
		const processor = config.markdown?.processor as { options?: { rehypePlugins?: unknown[] } } | undefined;
		expect(processor?.options?.rehypePlugins).toContain(safeLinks);
	});

	it('keeps a body’s quotes, dashes and dots as typed: the report is quoted verbatim', async () => {
		const { default: config } = await import('../astro.config.mjs');
		const processor = config.markdown?.processor as { createRenderer(shared: object): Promise<Awaited<ReturnType<typeof createMarkdownProcessor>>> };
		const renderer = await processor.createRenderer({});
		const text = `称"放心消费"单位--共 3...5 家，'试点'。`;
		expect((await renderer.render(text)).code).toBe(`<p>${text}</p>`);
	});
});
