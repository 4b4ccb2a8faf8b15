/**
 * The site's Content-Security-Policy, stated once: the layout puts it in a <meta> on every page and
 * the build writes the same policy to `_headers` for hosts that read one.
 *
 * Everything the site loads comes from its own origin: no inline script (the 长者模式 script is a
 * file), no inline style (`build.inlineStylesheets: 'never'`), no style attributes. Search adds the
 * two exceptions Pagefind needs: compiling its WebAssembly and starting its worker from a blob URL.
 */
// Images, fonts, styles and fetches fall back to default-src: this origin only, nothing inline.
export const cspDirectives = {
	'default-src': ["'self'"],
	'script-src': ["'self'", "'wasm-unsafe-eval'"],
	'worker-src': ["'self'", 'blob:'],
	'object-src': ["'none'"],
	'base-uri': ["'self'"],
	'form-action': ["'self'"],
} as const satisfies Record<string, readonly string[]>;

/** Directives as a policy string; /admin/'s policy (src/cms/csp.ts) is written the same way. */
export const serialize = (directives: Record<string, readonly string[]>) =>
	Object.entries(directives)
		.map(([name, sources]) => `${name} ${sources.join(' ')}`)
		.join('; ');

/** The policy for the <meta http-equiv> tag. */
export const cspMeta = serialize(cspDirectives);

/**
 * The policy for the HTTP header: the same, plus what browsers ignore in a <meta> (and warn
 * about in the console): who may frame the site.
 */
export const cspHeader = serialize({ ...cspDirectives, 'frame-ancestors': ["'none'"] });
