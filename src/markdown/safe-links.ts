/**
 * A rehype step for the entries' bodies: a link or embedded address that is not safe
 * (`src/lib/safe-url.ts`) never reaches the page. An unsafe link keeps its text and loses the
 * link; an unsafe `src` and similar attributes are dropped. Raw HTML is parsed first, so an
 * `<a href="javascript:…">` written as HTML is caught like a Markdown link. The content check
 * refuses these bodies before a build; this is the second line, for whatever reaches the renderer.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { isSafeHref } from '../lib/safe-url';

/** hast property names that hold an address the browser follows or loads. */
const addressProperties = ['href', 'src', 'srcSet', 'action', 'formAction', 'poster', 'cite', 'data', 'xLinkHref', 'background', 'ping'];
/** Elements that run or embed another document whatever their attributes. */
const dropped = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'meta', 'link', 'form']);

function clean(node: Nodes): ElementContent[] {
	if (node.type !== 'element' && node.type !== 'root') return [node as ElementContent];
	const children = node.children.flatMap((child) => clean(child));
	if (node.type === 'root') {
		node.children = children as Root['children'];
		return [];
	}
	const element: Element = node;
	if (dropped.has(element.tagName)) return [];
	element.children = children;
	let unsafeLink = false;
	for (const name of Object.keys(element.properties)) {
		const value = element.properties[name];
		const isHandler = /^on/i.test(name);
		const values = Array.isArray(value) ? value.map(String) : [String(value ?? '')];
		if (isHandler || (addressProperties.includes(name) && !values.every(isSafeHref))) {
			if (name === 'href' && element.tagName === 'a') unsafeLink = true;
			delete element.properties[name];
		}
	}
	// The words of a refused link stay, as plain text.
	return unsafeLink ? children : [element];
}

export default function safeLinks() {
	return (tree: Root) => {
		const parsed = raw(tree) as Root;
		clean(parsed);
		return parsed;
	};
}
